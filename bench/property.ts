/**
 * The "no text is ever lost" property at 10,000 sequences (`npm test` runs 1,000; see
 * tests/shared/ops-property.test.ts). Prints the time, the operation counts and, on failure, the seed and the
 * shrunk counterexample to keep as a regression test. `tsx bench/property.ts [runs] [seed]`.
 */
import fc from 'fast-check';
import { caseArb, runCase, type RunStats } from '../tests/shared/ops-property-model';

const runs = Number(process.argv[2] ?? 10_000);
const seed = process.argv[3] ? Number(process.argv[3]) : Date.now() % 2 ** 31;
const stats: RunStats = { applied: 0, refused: 0, undos: 0, redos: 0 };
const t0 = performance.now();
const r = fc.check(
  fc.property(caseArb, (c) => {
    runCase(c, stats);
  }),
  { numRuns: runs, seed },
);
const s = (performance.now() - t0) / 1000;
const rss = process.memoryUsage().rss / 2 ** 20;
console.log(
  `property: ${r.numRuns} sequences in ${s.toFixed(1)} s (${((s * 1000) / Math.max(1, r.numRuns)).toFixed(2)} ms each), seed ${seed}, RSS ${rss.toFixed(0)} MB`,
);
console.log(
  `  operations applied ${stats.applied}, refused (OpError, nothing changed) ${stats.refused}, undos ${stats.undos}, redos ${stats.redos}`,
);
if (r.failed) {
  console.log(`  FAILED: ${(r.errorInstance as Error | undefined)?.message}`);
  console.log(`  counterexample: ${JSON.stringify(r.counterexample)}`);
  console.log(`  replay: seed ${r.seed}, path "${r.counterexample ? r.counterexamplePath : ''}"`);
  process.exitCode = 1;
} else {
  console.log('  no violation');
}
