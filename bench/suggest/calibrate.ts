import type { Suggestions } from '../../shared/suggest/types';
import type { Truth } from './truth';

/** (confidence, correct) for every suggested link: B right after A, truly so in the truth. */
export function linkOutcomes(s: Suggestions, truth: Truth): Array<[number, boolean]> {
  const trueNext = new Map<string, string>();
  for (const a of truth.articles)
    a.items.forEach((it, k) => {
      if (k > 0) trueNext.set(a.items[k - 1].id, it.id);
    });
  const out: Array<[number, boolean]> = [];
  for (const a of s.articles) {
    a.items.forEach((it, k) => {
      if (k === 0 || it.fixed) return;
      out.push([it.confidence, trueNext.get(a.items[k - 1].id) === it.id]);
    });
  }
  return out;
}

/** Precision and coverage of links at or above each threshold; `total` is the number of true links. */
export function calibrationTable(
  outcomes: Array<[number, boolean]>,
  total: number,
  thresholds = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
): string {
  return thresholds
    .map((t) => {
      const taken = outcomes.filter(([c]) => c >= t);
      const right = taken.filter(([, ok]) => ok).length;
      return `≥${t.toFixed(1)}: P ${(right / Math.max(1, taken.length)).toFixed(3)} cov ${(right / Math.max(1, total)).toFixed(3)}`;
    })
    .join('  ');
}
