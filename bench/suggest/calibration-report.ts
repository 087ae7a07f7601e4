import { suggest, DEFAULT_PARAMS } from '../../shared/suggest/engine';
import type { Issue } from '../../shared/model/types';
import type { Suggestions } from '../../shared/suggest/types';
import { linkOutcomes } from './calibrate';
import {
  decisions,
  expectedCalibrationError,
  precisionAtCoverage,
  reliability,
  wrongInLeastConfident,
  type Decision,
} from './decisions';
import { scorePage, summarize } from './metrics';
import type { Truth } from './truth';

/** The default threshold of the raw confidences (before the calibration): for the raw rows' confident figures. */
const RAW_MIN_CONFIDENCE = 0.88;

export interface EvalPage {
  issue: Issue;
  truth: Truth;
}

/**
 * Calibration and doubt figures of one evaluation set, for the whole reading (`minConfidence` 0: every fragment
 * placed), with the calibrated confidences and, for comparison, the raw ones (`calibrated: false`: the margin model
 * as it was before the calibration). Lines: successor and BCubed-F; confident precision @ coverage at the default
 * threshold; precision at coverage 0.60 (the most confident links, as many as 0.6 × the true links); expected
 * calibration error over 10 bins; the share of wrong decisions among the least-confident 25 % of the decisions;
 * and the reliability table.
 */
export function calibrationReport(name: string, pages: readonly EvalPage[]): string[] {
  const out: string[] = [];
  for (const calibrated of [false, true]) {
    const params = { ...DEFAULT_PARAMS, calibrated };
    const solved: Array<{ s: Suggestions; truth: Truth }> = pages.map((p) => ({
      s: suggest(p.issue, { minConfidence: 0 }, params),
      truth: p.truth,
    }));
    // Confident links at the default threshold (the same reading: only `confident` depends on the threshold).
    const atDefault = pages.map((p) =>
      scorePage(suggest(p.issue, calibrated ? {} : { minConfidence: RAW_MIN_CONFIDENCE }, params), p.truth),
    );
    const sum = summarize(atDefault);
    const whole = summarize(solved.map((x) => scorePage(x.s, x.truth)));
    const ds: Decision[] = solved.flatMap((x) => decisions(x.s, x.truth));
    const links = solved.flatMap((x) => linkOutcomes(x.s, x.truth));
    const totalTrue = pages.reduce((k, p) => k + p.truth.articles.reduce((m, a) => m + a.items.length - 1, 0), 0);
    const p60 = precisionAtCoverage(links, totalTrue, 0.6);
    const f = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(3));
    const wrong = ds.filter((d) => !d.right).length;
    out.push(
      `${`${name}, ${calibrated ? 'calibrated' : 'raw'}`.padEnd(40)} successor ${f(whole.successor)}  BCubed-F ${f(whole.bcubedF)}  confident P ${f(sum.confidentPrecision)} @ ${f(sum.confidentCoverage)}  P @ cov 0.60 ${f(p60)}  ECE ${f(expectedCalibrationError(ds))}  wrong in least-confident 25 % ${f(wrongInLeastConfident(ds))} (${wrong} wrong of ${ds.length} decisions)`,
    );
    if (calibrated)
      out.push(
        `  reliability (confidence bin: decisions, mean confidence → share right): ${reliability(ds)
          .map(
            (b) =>
              `${b.lo.toFixed(1)}–${b.hi.toFixed(1)}: ${b.n}${b.n ? `, ${b.conf.toFixed(2)} → ${b.acc.toFixed(2)}` : ''}`,
          )
          .join(' · ')}`,
      );
  }
  return out;
}
