import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseArb, runCase, type RunStats } from './ops-property-model';

/**
 * The non-negotiable, as a property (docs/foundation.md, The invariant): random pages → import → random sequences of every
 * operation, with undo and redo interleaved. After every step no text is lost, duplicated or misplaced; every
 * fragment is in one place; texts are well-formed; pool and discard pile stay in source order. At the end a JSON
 * round trip is lossless, replaying the history rebuilds the document and undoing everything gives the original.
 * `bench/property.ts` runs 10,000 cases.
 */
describe('no text is ever lost (property)', () => {
  // About 10 s on an idle machine; the timeout allows for a CI box shared with the crash loop and the CLI spawns.
  it('holds over 1,000 random operation sequences', { timeout: 900_000 }, () => {
    const stats: RunStats = { applied: 0, refused: 0, undos: 0, redos: 0 };
    fc.assert(
      fc.property(caseArb, (c) => {
        runCase(c, stats);
      }),
      { numRuns: 1000 },
    );
    // The generator must really exercise the operations (a generator that only produced refusals proves nothing).
    expect(stats.applied).toBeGreaterThan(5000);
    expect(stats.refused).toBeGreaterThan(500);
    expect(stats.undos).toBeGreaterThan(500);
    expect(stats.redos).toBeGreaterThan(100);
  });
});
