import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { applyOp, applyRecorded, replayHistory, OpSchema, type Op } from '@shared/ops';
import { audit, auditClean } from '@shared/audit/audit';
import { createIncrementalAudit } from '@shared/audit/incremental';
import { parseIssue, serializeIssue } from '@shared/issue-file/parse-issue';
import { OpError, findFragment } from '@shared/model/lookup';
import type { Issue } from '@shared/model/types';
import { ARRANGED_FILE, DASH_ENDS, LOST_ENDS, arrangedIssue } from '../../support/open-ends-fixture';

const AT = '2026-12-07T03:00:00.000Z';
const resolve = (
  fragmentId: string,
  as: 'lost' | 'elsewhere' | 'ends' | null,
  extra: Partial<Extract<Op, { type: 'resolveOpenEnd' }>> = {},
): Op => ({ type: 'resolveOpenEnd', fragmentId, as, by: '王编辑', at: AT, ...extra });
const frag = (issue: Issue, id: string) => findFragment(issue, id)!;

describe('resolveOpenEnd', () => {
  it('stores the resolution with who and when, undoes, redoes and replays', () => {
    const base = arrangedIssue();
    const r = applyOp(base, resolve('p1.3', 'lost'));
    expect(frag(r.issue, 'p1.3').openEnd).toEqual({ as: 'lost', by: '王编辑', at: AT });
    expect(frag(base, 'p1.3').openEnd).toBeUndefined();
    const undone = applyRecorded(r.issue, r.inversePatches);
    expect(frag(undone, 'p1.3').openEnd).toBeUndefined();
    expect(undone.pages).toEqual(base.pages);
    expect(applyRecorded(undone, r.patches).pages).toEqual(r.issue.pages);
    expect(OpSchema.safeParse(r.issue.history.at(-1)!.op).success).toBe(true);
    const replayed = replayHistory(base, r.issue.history.slice(base.history.length));
    expect(replayed.pages).toEqual(r.issue.pages);
  });

  it('unresolves (as: null), and that is undoable too', () => {
    const one = applyOp(arrangedIssue(), resolve('p1.60', 'elsewhere', { page: '1' })).issue;
    expect(frag(one, 'p1.60').openEnd).toMatchObject({ as: 'elsewhere', page: '1' });
    const off = applyOp(one, resolve('p1.60', null));
    expect(frag(off.issue, 'p1.60').openEnd).toBeUndefined();
    expect(frag(applyRecorded(off.issue, off.inversePatches), 'p1.60').openEnd).toMatchObject({
      as: 'elsewhere',
      page: '1',
    });
  });

  it('refuses what does not fit, changing nothing', () => {
    const base = arrangedIssue();
    expect(() => applyOp(base, resolve('p1.3', null))).toThrow(/no resolved open end/);
    expect(() => applyOp(base, resolve('p1.1', 'lost'))).toThrow(OpError); // a kicker, not an open end
    expect(() => applyOp(base, resolve('nope', 'lost'))).toThrow(/does not exist/);
    expect(() => applyOp(base, resolve('p1.3', 'lost', { page: '3' }))).toThrow(/page number/);
    expect(base.pages.every((p) => p.fragments.every((f) => !f.openEnd))).toBe(true);
  });
});

describe('file format', () => {
  it('a file written before resolutions existed still opens, and one with resolutions round-trips', () => {
    const raw = readFileSync(ARRANGED_FILE, 'utf8');
    expect(raw).not.toMatch(/openEnd/);
    const old = parseIssue(raw);
    expect(old.version).toBe(1);
    let issue = old;
    for (const id of LOST_ENDS) issue = applyOp(issue, resolve(id, 'lost')).issue;
    const back = parseIssue(serializeIssue(issue));
    expect(back).toEqual(JSON.parse(JSON.stringify(issue)));
    expect(frag(back, 'p1.79').openEnd).toEqual({ as: 'lost', by: '王编辑', at: AT });
    // A damaged resolution is refused like any schema damage.
    const damaged = JSON.parse(serializeIssue(issue));
    damaged.pages[0].fragments.find((f: { id: string }) => f.id === 'p1.79').openEnd.as = 'maybe';
    expect(() => parseIssue(JSON.stringify(damaged))).toThrow(/damaged/);
  });
});

describe('the resolution follows the fragment', () => {
  const resolved = () => applyOp(arrangedIssue(), resolve('p1.3', 'lost')).issue;

  it('an edit inside the text keeps it; an edit at the end drops it', () => {
    const t = frag(resolved(), 'p1.3').text;
    const inside = applyOp(resolved(), { type: 'editText', fragmentId: 'p1.3', text: '〇' + t.slice(1) }).issue;
    expect(frag(inside, 'p1.3').openEnd?.as).toBe('lost');
    const atEnd = applyOp(resolved(), { type: 'editText', fragmentId: 'p1.3', text: t + '的' }).issue;
    expect(frag(atEnd, 'p1.3').openEnd).toBeUndefined();
    expect(audit(atEnd).openEnds).toContain('p1.3');
    const trailingSpace = applyOp(resolved(), { type: 'editText', fragmentId: 'p1.3', text: t + '  ' }).issue;
    expect(frag(trailingSpace, 'p1.3').openEnd?.as).toBe('lost');
  });

  it('a split keeps it on the piece with the old end; a merge keeps the second fragment’s', () => {
    const split = applyOp(resolved(), { type: 'splitFragment', fragmentId: 'p1.3', offset: 4, newId: 'p1.900' }).issue;
    expect(frag(split, 'p1.3').openEnd).toBeUndefined();
    expect(frag(split, 'p1.900').openEnd?.as).toBe('lost');
    expect(audit(split).resolvedOpenEnds).toContain('p1.900');
    // p1.2 → p1.3 are neighbours in the first article: merged, the end is p1.3's.
    const merged = applyOp(resolved(), { type: 'mergeFragments', fragmentId: 'p1.2', nextId: 'p1.3' }).issue;
    expect(frag(merged, 'p1.2').openEnd?.as).toBe('lost');
    const other = applyOp(applyOp(arrangedIssue(), resolve('p1.78', 'lost')).issue, {
      type: 'mergeFragments',
      fragmentId: 'p1.78',
      nextId: 'p1.79',
    }).issue;
    expect(frag(other, 'p1.78').openEnd).toBeUndefined();
  });

  it('joined or moved to the pool it is ignored by the audit but kept, and counts again when the end is open again', () => {
    let issue = resolved();
    const next = issue.articles[0].items[issue.articles[0].items.findIndex((it) => it.id === 'p1.3') + 1].id;
    issue = applyOp(issue, { type: 'setJoin', fragmentId: next, join: true }).issue;
    expect(audit(issue).resolvedOpenEnds).not.toContain('p1.3');
    expect(audit(issue).openEnds).not.toContain('p1.3');
    issue = applyOp(issue, { type: 'setJoin', fragmentId: next, join: false }).issue;
    expect(audit(issue).resolvedOpenEnds).toContain('p1.3');
    issue = applyOp(issue, { type: 'moveFragments', fragmentIds: ['p1.3'], to: { kind: 'pool' } }).issue;
    expect(frag(issue, 'p1.3').openEnd?.as).toBe('lost');
    expect(audit(issue).resolvedOpenEnds).not.toContain('p1.3');
  });
});

describe('audit', () => {
  it('counts open ends unresolved and resolved; clean once all are resolved', () => {
    let issue = arrangedIssue();
    const inc = createIncrementalAudit();
    let r = audit(issue);
    expect(r.openEnds).toEqual([...LOST_ENDS, ...DASH_ENDS]);
    expect(r.resolvedOpenEnds).toEqual([]);
    expect(auditClean(r)).toBe(false);
    expect(inc(issue)).toEqual(r);
    for (const id of LOST_ENDS) {
      issue = applyOp(issue, resolve(id, 'lost')).issue;
      expect(inc(issue)).toEqual(audit(issue));
    }
    r = audit(issue);
    expect(r.openEnds).toEqual(DASH_ENDS);
    expect(r.resolvedOpenEnds).toEqual(LOST_ENDS);
    for (const id of DASH_ENDS) issue = applyOp(issue, resolve(id, 'ends')).issue;
    r = audit(issue);
    expect(inc(issue)).toEqual(r);
    expect(r.openEnds).toEqual([]);
    expect(r.resolvedOpenEnds).toHaveLength(10);
    expect(auditClean(r)).toBe(true);
  });
});
