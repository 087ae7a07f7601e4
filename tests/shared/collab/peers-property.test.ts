import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { peersCaseArb, runPeersCase, type PeersStats } from './collab-model';

/**
 * Several proofreaders on one issue (docs/collaboration.md): 3–5 peers apply random sequences of every operation
 * (moves across articles, splits, merges, joins, edits, discards, undo and redo as inverse operations), syncing
 * with each other at random moments; then every peer receives every other's updates in a random order. After every
 * event every peer's issue passes the audit; at the end all peers hold the same issue, every character of every
 * page is in exactly one place, and every change only one peer made to a fragment is kept.
 * `bench/collab.ts` runs thousands of cases.
 */
describe('shared editing (property)', () => {
  it('converges without losing or doubling text over 150 random multi-peer histories', { timeout: 300_000 }, () => {
    const stats: PeersStats = { applied: 0, refused: 0, undos: 0, syncs: 0, kept: 0 };
    fc.assert(
      fc.property(peersCaseArb, (c) => runPeersCase(c, stats)),
      { numRuns: 150 },
    );
    expect(stats.applied).toBeGreaterThan(700);
    expect(stats.syncs).toBeGreaterThan(250);
    expect(stats.undos).toBeGreaterThan(20);
    expect(stats.kept).toBeGreaterThan(300);
  });
});
