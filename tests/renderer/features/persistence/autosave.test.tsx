import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import type { HostApi } from '@shared/ipc/contract';
import { createAppStore } from '../../../../renderer/src/store/create-store';
import { startAutosave, type Autosave } from '../../../../renderer/src/features/persistence/autosave';
import { baseRefOf, parseSession } from '../../../../renderer/src/features/persistence/session-restore';
import { createI18n } from '../../../../renderer/src/i18n';
import { smallIssue } from '../../recovery-fixtures';

/** A host that keeps recovery files in a map and records the calls; everything else answers empty. */
function fakeHost() {
  const calls: { channel: string; input: Record<string, unknown>; at: number }[] = [];
  const files = new Map<string, string>();
  const host: HostApi = {
    invoke: (async (channel: string, input: Record<string, unknown>) => {
      calls.push({ channel, input, at: Date.now() });
      if (channel === 'recovery.write') {
        files.set(input.id as string, input.payload as string);
        return { savedAt: new Date().toISOString() };
      }
      if (channel === 'recovery.discard') files.delete(input.id as string);
      return {};
    }) as HostApi['invoke'],
    on: () => () => undefined,
  };
  const isBase = (c: { input: Record<string, unknown> }) => /--base\d+$/.test(c.input.id as string);
  return {
    host,
    calls,
    files,
    /** Writes of the session's steps file (each one is a complete recovery point with its base). */
    writes: () => calls.filter((c) => c.channel === 'recovery.write' && !isBase(c)),
    baseWrites: () => calls.filter((c) => c.channel === 'recovery.write' && isBase(c)),
    discards: () => calls.filter((c) => c.channel === 'recovery.discard' && !isBase(c)),
    /** What a restart would restore from the files as they are now. */
    session: (id: string) => {
      const steps = files.get(id)!;
      const ref = baseRefOf(steps);
      return parseSession(steps, ref ? files.get(ref) : undefined);
    },
  };
}

const doc = () => smallIssue({ pages: 2, perPage: 10 });

let autosave: Autosave | null = null;
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-27T10:00:00Z'));
});
afterEach(() => {
  autosave?.stop();
  autosave = null;
  vi.useRealTimers();
});

function setup() {
  const i18n = createI18n('en');
  const store = createAppStore({ t: i18n.t.bind(i18n), language: 'en' });
  const h = fakeHost();
  autosave = startAutosave(store, h.host);
  return { store, ...h };
}

describe('autosave to the recovery file', () => {
  it('writes nothing for a clean document, and a change at most 1 s after the edit (debounced)', async () => {
    const { store, writes, session } = setup();
    store.getState().load(doc(), null);
    await vi.advanceTimersByTimeAsync(3000);
    expect(writes()).toHaveLength(0);

    store.getState().apply({ type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1'] });
    await vi.advanceTimersByTimeAsync(400);
    expect(writes()).toHaveLength(0); // still inside the 500 ms debounce
    await vi.advanceTimersByTimeAsync(150);
    expect(writes()).toHaveLength(1);
    const w = writes()[0].input;
    expect(w.changes).toBe(1);
    const back = session(w.id as string);
    expect(back.doc.articles.map((a: { items: { id: string }[] }) => a.items.map((it) => it.id))).toEqual([['p1.1']]);
    expect(back.past).toHaveLength(1);
  });

  it('keeps writing at least once a second while edits never pause (max wait)', async () => {
    const { store, writes, baseWrites, session } = setup();
    store.getState().load(doc(), null);
    const t0 = Date.now();
    // Typing: a keystroke every 100 ms for 2.5 s never leaves a 500 ms pause.
    for (let i = 0; i < 25; i++) {
      store.getState().typeText('p1.2', `改${'字'.repeat(i)}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    const times = writes().map((w) => w.at - t0);
    expect(times.length).toBeGreaterThanOrEqual(2);
    expect(times[0]).toBeLessThanOrEqual(1000);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeLessThanOrEqual(1100);
    await vi.advanceTimersByTimeAsync(1000);
    const last = session(writes().at(-1)!.input.id as string);
    expect(last.doc.pages[0].fragments[1].text).toBe(`改${'字'.repeat(24)}`);
    expect(last.doc).toEqual(store.getState().doc);
    // The base document went out once; every later write sent only the small steps file.
    expect(baseWrites()).toHaveLength(1);
  });

  it('discards the recovery file after a save, and when another document replaces this one', async () => {
    const { store, writes, discards, files } = setup();
    store.getState().load(doc(), null);
    store.getState().apply({ type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1'] });
    await vi.advanceTimersByTimeAsync(1000);
    const id = writes()[0].input.id;
    expect(files.size).toBe(2);
    store.getState().markSaved({ token: 'tok-12345678', name: 'x.galley.json' }, new Date().toISOString());
    await vi.advanceTimersByTimeAsync(10);
    expect(discards().map((d) => d.input.id)).toEqual([id]);
    expect(files.size).toBe(0); // its base file went with it

    store
      .getState()
      .apply({ type: 'moveFragments', fragmentIds: ['p1.2'], to: { kind: 'article', articleId: 'a1', after: 'p1.1' } });
    await vi.advanceTimersByTimeAsync(1000);
    expect(writes()).toHaveLength(2);
    expect(writes()[1].input.fileToken).toBe('tok-12345678');
    store.getState().load(doc(), null); // the user confirmed leaving the unsaved change
    await vi.advanceTimersByTimeAsync(10);
    expect(discards()).toHaveLength(2);
  });

  it('undoing back to the saved state removes the file; redo brings it back', async () => {
    const { store, writes, discards, session } = setup();
    store.getState().load(doc(), null);
    store.getState().apply({ type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1'] });
    await vi.advanceTimersByTimeAsync(1000);
    store.getState().undo();
    await vi.advanceTimersByTimeAsync(1000);
    expect(discards()).toHaveLength(1);
    store.getState().redo();
    await vi.advanceTimersByTimeAsync(1000);
    expect(writes()).toHaveLength(2);
    expect(session(writes()[1].input.id as string).past).toHaveLength(1);
  });

  it('after adopting a restored file, the next base gets a new name and the file the steps name is kept', async () => {
    const { store, files, baseWrites, calls, session } = setup();
    // As restoreRecovery leaves it: the restored session's steps file and its base, written by an earlier run.
    files.set('r1', 'steps of the crashed run');
    files.set('r1--base1', 'base of the crashed run');
    autosave!.adopt('r1', 'r1--base1');
    store.getState().set({ doc: doc(), past: [], future: [], savedMark: Number.MIN_SAFE_INTEGER });
    store.getState().apply({ type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1'] });
    await vi.advanceTimersByTimeAsync(1000);
    expect(baseWrites().map((c) => c.input.id)).toEqual(['r1--base2']);
    expect(calls.filter((c) => c.channel === 'recovery.discard').map((c) => c.input.id)).toEqual(['r1--base1']);
    expect([...files.keys()].sort()).toEqual(['r1', 'r1--base2']);
    expect(session('r1').doc).toEqual(store.getState().doc);
  });
});
