import { describe, expect, it } from 'vitest';
import scorer from '../../../shared/suggest/model/link-scorer.json';
import { LINK_FEATURES, START_FEATURES, calibrate, predict } from '../../../shared/suggest/calibration';
import { fitLogistic } from '../../../scripts/suggest/logistic';
import { fitStumps } from '../../../scripts/suggest/stumps';
import { predictStumps } from '../../../shared/suggest/calibration';
import {
  expectedCalibrationError,
  precisionAtCoverage,
  wrongInLeastConfident,
  type Decision,
} from '../../../bench/suggest/decisions';
import { rng } from '../../../bench/suggest/rng';

/**
 * The fitted calibration file and the code that fits it. Refitting the whole file takes about a minute (it runs the
 * engine on 100+ practice pages), so the byte-for-byte check is `npx tsx scripts/fit-link-scorer.ts --check`, not a
 * unit test; here: the file's schema against the features the engine computes, and the fitter on data whose answer
 * is known.
 */
describe('link-scorer.json', () => {
  it('has one finite weight per feature the engine computes, in the same order, and a threshold', () => {
    expect(scorer.version).toBeGreaterThanOrEqual(1);
    expect(scorer.calibration.link.features).toEqual([...LINK_FEATURES]);
    expect(scorer.calibration.start.features).toEqual([...START_FEATURES]);
    expect(scorer.calibration.start.weights).toHaveLength(START_FEATURES.length);
    for (const w of scorer.calibration.start.weights) expect(Number.isFinite(w)).toBe(true);
    expect(scorer.calibration.link.stumps.length).toBeGreaterThan(0);
    for (const [k, t, l, r] of scorer.calibration.link.stumps) {
      expect(Number.isInteger(k) && k >= 0 && k < LINK_FEATURES.length).toBe(true);
      for (const v of [t, l, r]) expect(Number.isFinite(v)).toBe(true);
    }
    expect(scorer.minConfidence).toBeGreaterThan(0.5);
    expect(scorer.minConfidence).toBeLessThan(1);
  });

  it('says what it was fitted on: tuning-part pages only, never the held-out part or samples/', () => {
    const sets = scorer.training.sets.map((s) => s.set).join(' | ');
    expect(sets).toMatch(/tuning part/);
    expect(sets).not.toMatch(/held|sample|ECPO evaluation/i);
    expect(scorer.training.decisions.link).toBeGreaterThan(1000);
  });

  it('gives a probability for every decision kind', () => {
    const x = new Array(LINK_FEATURES.length).fill(0);
    x[0] = 1;
    for (const kind of ['link', 'start'] as const) {
      const p = calibrate(kind, x);
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
    }
    expect(predict({ features: ['bias'], weights: [0] }, [1])).toBe(0.5);
  });
});

describe('fitLogistic', () => {
  // Rows drawn from a known model: y ~ Bernoulli(σ(−1 + 2·x1 − 0.5·x2)).
  const r = rng(7);
  const X: number[][] = [];
  const y: boolean[] = [];
  for (let k = 0; k < 4000; k++) {
    const x1 = r() * 2 - 1;
    const x2 = r() * 4 - 2;
    X.push([1, x1, x2]);
    y.push(r() < 1 / (1 + Math.exp(-(-1 + 2 * x1 - 0.5 * x2))));
  }

  it('recovers the weights of the model the data came from', () => {
    const fit = fitLogistic(X, y, { l2: 0.01 });
    expect(fit.weights[0]).toBeCloseTo(-1, 0);
    expect(fit.weights[1]).toBeCloseTo(2, 0);
    expect(fit.weights[2]).toBeCloseTo(-0.5, 0);
  });

  it('is deterministic to the last written digit, and the penalty pulls towards the prior', () => {
    expect(fitLogistic(X, y)).toEqual(fitLogistic(X, y));
    const pulled = fitLogistic(X, y, { l2: 1e6, prior: [0, 5, 5] });
    expect(pulled.weights[1]).toBeCloseTo(5, 1);
  });
});

describe('fitStumps', () => {
  // y depends on x1 through a step and on x2 not at all: P(y) = 0.9 when x1 > 0.3, else 0.2.
  const r = rng(11);
  const X: number[][] = [];
  const y: boolean[] = [];
  for (let k = 0; k < 3000; k++) {
    const x1 = r();
    const x2 = r();
    X.push([x1, x2]);
    y.push(r() < (x1 > 0.3 ? 0.9 : 0.2));
  }

  it('finds the step and its two rates, and ignores the feature that says nothing', () => {
    const m = fitStumps(X, y, { rounds: 100, rate: 0.3 });
    const model = { features: ['x1', 'x2'], ...m };
    expect(predictStumps(model, [0.8, 0.5])).toBeCloseTo(0.9, 1);
    expect(predictStumps(model, [0.1, 0.5])).toBeCloseTo(0.2, 1);
    const onX1 = m.stumps.filter((s) => s[0] === 0).length;
    expect(onX1).toBeGreaterThan(m.stumps.length / 2);
    expect(m.stumps.find((s) => s[0] === 0)![1]).toBeCloseTo(0.3, 1);
  });

  it('is deterministic', () => {
    expect(fitStumps(X, y, { rounds: 20 })).toEqual(fitStumps(X, y, { rounds: 20 }));
  });
});

describe('decision figures', () => {
  const d = (confidence: number, right: boolean): Decision => ({ kind: 'link', confidence, right });

  it('counts the wrong decisions among the least confident quarter, ties against the engine', () => {
    const ds = [
      d(0.1, false),
      d(0.2, false),
      d(0.9, true),
      d(0.9, true),
      d(0.95, true),
      d(0.95, true),
      d(0.99, true),
      d(0.99, false),
    ];
    expect(wrongInLeastConfident(ds)).toBeCloseTo(2 / 3);
    // One confidence for all: the right ones count as the least confident, so nothing is earned.
    expect(wrongInLeastConfident([d(0.5, true), d(0.5, true), d(0.5, true), d(0.5, false)])).toBe(0);
  });

  it('expected calibration error: 0 when each bin is right as often as it says, the gap otherwise', () => {
    expect(expectedCalibrationError([d(0.95, true), d(0.95, true), d(0.15, false), d(0.15, false)])).toBeCloseTo(0.1);
    expect(expectedCalibrationError([d(0.75, true), d(0.75, false)])).toBeCloseTo(0.25);
  });

  it('precision at a coverage takes the most confident links, as many as the coverage of the true links', () => {
    const links: Array<[number, boolean]> = [
      [0.9, true],
      [0.8, false],
      [0.7, true],
      [0.1, true],
    ];
    expect(precisionAtCoverage(links, 4, 0.5)).toBe(0.5);
    expect(precisionAtCoverage(links, 4, 0.25)).toBe(1);
    expect(Number.isNaN(precisionAtCoverage(links, 10, 0.6))).toBe(true);
  });
});
