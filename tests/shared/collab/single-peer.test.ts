import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseArb, importPages, resolve } from '../ops-property-model';
import { OpError } from '../../../shared/model/lookup';
import { applyOp } from '../../../shared/ops';
import { CollabDoc } from '../../../shared/collab';
import { normalized } from './collab-model';

/**
 * One peer: the document written by the operations projects back to exactly the issue shared/ops computes, after
 * every step of a random sequence (every operation, refusals included). This is what makes the CRDT's state a
 * faithful record of the proofreader's work before any merge is involved.
 */
describe('CRDT document, one peer', () => {
  it('projects to the issue the operations compute, after every step', { timeout: 120_000 }, () => {
    let applied = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        let issue = importPages(c.pages);
        const doc = CollabDoc.fromIssue(issue);
        for (const s of c.steps) {
          if (s.kind === 'undo' || s.kind === 'redo') continue;
          const r = resolve(issue, s);
          if (!r) continue;
          let next;
          try {
            next = applyOp(issue, r.op, { at: 't' }).issue;
          } catch (e) {
            if (!(e instanceof OpError)) throw e;
            expect(() => doc.apply(r.op, { at: 't' })).toThrow(OpError);
            continue;
          }
          doc.apply(r.op, { at: 't' });
          issue = next;
          applied++;
          expect(normalized(doc.project())).toEqual(normalized(issue));
        }
      }),
      { numRuns: 100 },
    );
    expect(applied).toBeGreaterThan(500);
  });
});
