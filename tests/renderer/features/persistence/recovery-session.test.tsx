import { describe, it, expect } from 'vitest';
import {
  parseSession,
  serializeSession,
  SESSION_VERSION,
  SessionPayloadError,
  RECOVERY_HISTORY_CAP,
} from '../../../../renderer/src/features/persistence/session-restore';
import { createAppStore, initialState } from '../../../../renderer/src/store/create-store';
import { selectDirty } from '../../../../renderer/src/store/selectors';
import { createI18n } from '../../../../renderer/src/i18n';
import { smallIssue } from '../../recovery-fixtures';

describe('recovery session payload', () => {
  it('round-trips the document, page and selection', () => {
    const doc = smallIssue({ pages: 2, perPage: 5, articles: 1 });
    const state = { ...initialState('en'), doc, currentPage: 1, selection: ['p2.2'] };
    const back = parseSession(serializeSession(state));
    expect(back.doc).toEqual(doc);
    expect(back.view).toEqual({ page: 1, selection: ['p2.2'], selectedArticle: null });
  });

  it('an editing session (moves, typing, split, undo leaving redo steps) comes back exactly, with working undo/redo', () => {
    const i18n = createI18n('en');
    const store = createAppStore({ t: i18n.t.bind(i18n), language: 'en' });
    const s = () => store.getState();
    const loaded = smallIssue({ pages: 2, perPage: 8, articles: 1 });
    s().load(loaded, null);
    s().apply({ type: 'createArticle', articleId: 'a9', fragmentIds: ['p2.1', 'p2.2'] });
    s().typeText('p2.2', '改过的文字', 1000);
    s().typeText('p2.2', '改过的文字。', 1100); // coalesced into one step
    s().apply({ type: 'splitFragment', fragmentId: 'p2.3', offset: 2, newId: 'n1' });
    s().apply({ type: 'moveFragments', fragmentIds: ['p1.5'], to: { kind: 'discard' } });
    s().undo();
    const payload = serializeSession(s());
    const back = parseSession(payload);
    expect(back.doc).toEqual(s().doc);
    expect(back.past.map((e) => e.label)).toEqual(s().past.map((e) => e.label));
    expect(back.future.map((e) => e.label)).toEqual(s().future.map((e) => e.label));
    expect(back.past).toHaveLength(3);
    // Patches rebuilt by the replay work like the originals.
    const store2 = createAppStore({ t: i18n.t.bind(i18n), language: 'en' });
    store2.getState().set({ doc: back.doc, past: back.past, future: back.future, savedMark: back.savedMark });
    store2.getState().redo();
    expect(store2.getState().doc!.discarded).toEqual(['p1.5']);
    for (let i = 0; i < 4; i++) store2.getState().undo();
    expect(store2.getState().doc).toEqual(loaded);
    expect(selectDirty(store2.getState())).toBe(false);
  });

  it('keeps at most the last RECOVERY_HISTORY_CAP steps; the state as loaded then counts as unsaved', () => {
    const i18n = createI18n('en');
    const store = createAppStore({ t: i18n.t.bind(i18n), language: 'en' });
    store.getState().load(smallIssue({ pages: 1, perPage: 4 }), null);
    for (let i = 0; i < RECOVERY_HISTORY_CAP + 20; i++)
      store.getState().apply({ type: 'setRole', fragmentIds: ['p1.2'], role: i % 2 ? 'body' : 'caption' });
    const back = parseSession(serializeSession(store.getState()));
    expect(back.doc).toEqual(store.getState().doc);
    expect(back.past.length).toBeLessThanOrEqual(RECOVERY_HISTORY_CAP);
    expect(back.past.length).toBeGreaterThan(RECOVERY_HISTORY_CAP - 100);
    const s2 = { ...initialState('en'), doc: back.doc, past: [], future: [], savedMark: back.savedMark };
    expect(selectDirty(s2)).toBe(true); // undoing every kept step does not reach the loaded file
  });

  it('a payload of a newer build is refused as "newer" with a clear message (the dialog then keeps the file)', () => {
    const doc = smallIssue({ pages: 1, perPage: 3 });
    const newer = JSON.stringify({
      ...JSON.parse(serializeSession({ ...initialState('en'), doc })),
      v: SESSION_VERSION + 1,
    });
    let err: unknown;
    try {
      parseSession(newer);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SessionPayloadError);
    expect((err as SessionPayloadError).code).toBe('newer');
    expect((err as Error).message).toMatch(/newer Galley .*update Galley/);
  });

  it('a damaged document inside the payload is refused, not half loaded', () => {
    const doc = smallIssue({ pages: 1, perPage: 3 });
    const bad = JSON.parse(serializeSession({ ...initialState('en'), doc }));
    bad.base.pool.pop(); // a fragment placed nowhere
    expect(() => parseSession(JSON.stringify(bad))).toThrow(/damaged/);
  });
});
