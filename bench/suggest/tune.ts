/**
 * Coordinate search of the engine's weights on the TUNING part of the Chinese dev set (never on samples/ and
 * never on the held-out part). Prints the best parameters as JSON; paste them into shared/suggest/score.ts and
 * engine.ts. Usage: npx tsx bench/suggest/tune.ts [pages] [rounds] [name,name…]
 */
import { DEFAULT_PARAMS, type EngineParams } from '../../shared/suggest/engine';
import { chineseDevSet } from './dev-set';
import { summarize } from './metrics';
import { runPages } from './run';
import { latinDevSet } from './latin-set';

const pagesN = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 2);
/** Optional comma-separated list of parameter names to search (default: all). */
const only = (process.argv[4] ?? '').split(',').filter(Boolean);
const pages = [...chineseDevSet(pagesN, 60, 'tune'), ...chineseDevSet(Math.max(2, Math.round(pagesN / 3)), 25, 'tune')];

const latin = latinDevSet(4, 40);

/** Chinese tuning pages, plus the Latin dev set at a quarter weight so Chinese-only habits do not take over. */
function objective(p: EngineParams): number {
  const s = summarize(runPages(pages, p));
  const l = summarize(runPages(latin, p));
  return s.successor + s.bcubedF + 0.5 * s.joinAccuracy * s.joinRecall + 0.25 * (l.successor + l.bcubedF);
}

let best: EngineParams = structuredClone(DEFAULT_PARAMS);
let bestScore = objective(best);
console.log('start', bestScore.toFixed(4));
for (let round = 0; round < rounds; round++) {
  const keys: Array<[string, (p: EngineParams) => number, (p: EngineParams, v: number) => void]> = [
    ...Object.keys(best.weights).map(
      (k) =>
        [
          k,
          (p: EngineParams) => (p.weights as unknown as Record<string, number>)[k],
          (p: EngineParams, v: number) => {
            (p.weights as unknown as Record<string, number>)[k] = v;
          },
        ] as [string, (p: EngineParams) => number, (p: EngineParams, v: number) => void],
    ),
    ...(['joinThreshold', 'openEndCost', 'unitJoinConfidence'] as const).map(
      (k) =>
        [
          k,
          (p: EngineParams) => p[k],
          (p: EngineParams, v: number) => {
            p[k] = v;
          },
        ] as [string, (p: EngineParams) => number, (p: EngineParams, v: number) => void],
    ),
    ...(['topic', 'neighbour', 'link'] as const).map(
      (k) =>
        [
          `regroup.${k}`,
          (p: EngineParams) => p.regroup![k],
          (p: EngineParams, v: number) => {
            p.regroup![k] = v;
          },
        ] as [string, (p: EngineParams) => number, (p: EngineParams, v: number) => void],
    ),
  ].filter(([name]) => only.length === 0 || only.includes(name));
  for (const [name, get, set] of keys) {
    const v0 = get(best);
    const step = name === 'unitJoinConfidence' ? 0.15 : Math.max(0.5, Math.abs(v0) * 0.5);
    for (const v of [v0 - step, v0 + step, v0 - 2 * step, v0 + 2 * step]) {
      const cand = structuredClone(best);
      set(cand, Math.round(v * 100) / 100);
      const sc = objective(cand);
      if (sc > bestScore + 1e-4) {
        best = cand;
        bestScore = sc;
        console.log(`round ${round} ${name}=${get(cand)} → ${sc.toFixed(4)}`);
      }
    }
  }
}
console.log(JSON.stringify(best, null, 1));
