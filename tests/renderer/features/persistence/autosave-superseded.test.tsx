import { describe, it, expect, afterEach, vi } from 'vitest';
import type { HostApi } from '@shared/ipc/contract';
import { createAppStore } from '../../../../renderer/src/store/create-store';
import { startAutosave, type Autosave } from '../../../../renderer/src/features/persistence/autosave';
import { createI18n } from '../../../../renderer/src/i18n';
import { smallIssue } from '../../recovery-fixtures';

/**
 * A document replaced while its autosave is on its way to the host (open or New right after an edit, "Don't
 * save"): the write lands after the load, which had nothing to discard yet. The write itself must remove what
 * it made, or the next start offers the dropped changes.
 */
function slowHost() {
  const files = new Set<string>();
  const pending: (() => void)[] = [];
  const host: HostApi = {
    invoke: (async (channel: string, input: Record<string, unknown>) => {
      if (channel === 'recovery.write') {
        await new Promise<void>((r) => pending.push(r));
        files.add(input.id as string);
        return { savedAt: new Date().toISOString() };
      }
      if (channel === 'recovery.discard') files.delete(input.id as string);
      return {};
    }) as HostApi['invoke'],
    on: () => () => undefined,
  };
  /** Lets every write waiting at the host finish. */
  const release = async () => {
    for (let i = 0; i < 10 && pending.length; i++) {
      pending.splice(0).forEach((r) => r());
      await vi.advanceTimersByTimeAsync(0);
    }
  };
  return { host, files, release, pending };
}

let autosave: Autosave | null = null;
afterEach(() => {
  autosave?.stop();
  autosave = null;
  vi.useRealTimers();
});

/** Autosave over the slow host, one document loaded and one edit made (so a write is due). */
function editing() {
  vi.useFakeTimers();
  const i18n = createI18n('en');
  const store = createAppStore({ t: i18n.t.bind(i18n), language: 'en' });
  const h = slowHost();
  autosave = startAutosave(store, h.host);
  store.getState().load(smallIssue({ pages: 1, perPage: 6 }), null);
  store.getState().apply({ type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1'] });
  return { store, h };
}

describe('autosave superseded by a load', () => {
  for (const stage of ['base', 'steps'] as const) {
    it(`a write in flight (${stage} file) when another document loads leaves no file behind`, async () => {
      const { store, h } = editing();
      await vi.advanceTimersByTimeAsync(1100); // the debounced write starts: base file first
      expect(h.pending).toHaveLength(1);
      if (stage === 'steps') {
        h.pending.shift()!();
        await vi.advanceTimersByTimeAsync(0);
        expect(h.pending).toHaveLength(1); // now the steps file is on its way
      }
      store.getState().load(smallIssue({ pages: 1, perPage: 4 }), null); // "Don't save", then New / Open
      await h.release();
      await vi.advanceTimersByTimeAsync(2000);
      await h.release();
      expect([...h.files]).toEqual([]);
    });
  }

  it('the next session still autosaves normally', async () => {
    const { store, h } = editing();
    await vi.advanceTimersByTimeAsync(1100);
    store.getState().load(smallIssue({ pages: 1, perPage: 4 }), null);
    store.getState().apply({ type: 'createArticle', articleId: 'b1', fragmentIds: ['p1.1'] });
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(600);
      await h.release();
    }
    const ids = [...h.files];
    expect(ids).toHaveLength(2); // the new session's steps file and its base
    expect(ids.every((id) => id === autosave!.recoveryId() || id.startsWith(`${autosave!.recoveryId()}--base`))).toBe(
      true,
    );
  });
});
