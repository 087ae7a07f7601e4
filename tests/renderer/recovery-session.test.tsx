import { describe, it, expect } from 'vitest';
import { parseSession, serializeSession, SESSION_VERSION, SessionPayloadError } from '../../renderer/src/store/session-restore';
import { initialState } from '../../renderer/src/store/create-store';
import { smallIssue } from './recovery-fixtures';

describe('recovery session payload', () => {
  it('round-trips the document, page and selection', () => {
    const doc = smallIssue({ pages: 2, perPage: 5, articles: 1 });
    const state = { ...initialState('en'), doc, currentPage: 1, selection: ['p2.2'] };
    const back = parseSession(serializeSession(state));
    expect(back.doc).toEqual(doc);
    expect(back.view).toEqual({ page: 1, selection: ['p2.2'], selectedArticle: null });
  });

  it('a payload of a newer build is refused as "newer" with a clear message (the dialog then keeps the file)', () => {
    const doc = smallIssue({ pages: 1, perPage: 3 });
    const newer = JSON.stringify({ ...JSON.parse(serializeSession({ ...initialState('en'), doc })), v: SESSION_VERSION + 1 });
    let err: unknown;
    try { parseSession(newer); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(SessionPayloadError);
    expect((err as SessionPayloadError).code).toBe('newer');
    expect((err as Error).message).toMatch(/newer Galley .*update Galley/);
  });

  it('a damaged document inside the payload is refused, not half loaded', () => {
    const doc = smallIssue({ pages: 1, perPage: 3 });
    const bad = JSON.parse(serializeSession({ ...initialState('en'), doc }));
    bad.doc.pool.pop(); // a fragment placed nowhere
    expect(() => parseSession(JSON.stringify(bad))).toThrow(/damaged/);
  });
});
