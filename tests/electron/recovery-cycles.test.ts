import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtemp, rm, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Issue } from '../../shared/model/types';
import { audit, textIntact } from '../../shared/audit/audit';
import { recoveryDir } from '../../electron/host/services/recovery-store';
import { restoreRecovery } from '../../renderer/src/features/recovery/restore';
import { isBaseId, openWindow, saveTargets, type RecoveryWindow } from '../support/recovery-harness';
import { smallIssue } from '../renderer/recovery-fixtures';

/**
 * Crash recovery across runs of the app: the renderer's store and autosave over the real host handlers and
 * recovery files on disk. A kill runs no shutdown code; a restart is a new window over the same user-data folder.
 */
let dir: string;
let userDataDir: string;
/** What each recovery file holds, as the windows reported their finished writes (not read back from disk). */
let written: Map<string, Issue>;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'galley-cycles-'));
  userDataDir = path.join(dir, 'user');
  written = new Map();
});
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

function start(): RecoveryWindow {
  return openWindow({
    userDataDir,
    saveTarget: saveTargets(dir),
    onWritten: (id, doc) => { if (doc) written.set(id, doc); },
    onDiscarded: (id) => written.delete(id),
  });
}

/** The sessions the start-up dialog offers (steps files; their base files go with them). */
async function offered(w: RecoveryWindow): Promise<{ id: string; changes: number }[]> {
  return (await w.ctx.host.invoke('recovery.list', {})).filter((e) => !isBaseId(e.id));
}

const files = async () => (await readdir(recoveryDir(userDataDir)).catch(() => [] as string[])).sort();

describe('a recovery works any number of times', () => {
  it('edit → kill → restart → Restore → edit → kill → restart → Restore gives back the last autosave, each time', async () => {
    let w = start();
    w.store.getState().load(smallIssue({ pages: 2, perPage: 6 }), null);
    w.store.getState().apply({ type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1'] });
    await w.autosave.flush();
    await w.kill();

    for (let round = 0; round < 3; round++) {
      w = start();
      const [id] = (await offered(w)).map((e) => e.id);
      expect(id).toBeDefined();
      await restoreRecovery(w.ctx, id);
      expect(w.store.getState().doc).toEqual(written.get(id));
      // Two more changes, autosaved, then the process dies again.
      w.store.getState().apply({ type: 'moveFragments', fragmentIds: [`p2.${round + 1}`], to: { kind: 'discard' } });
      w.store.getState().typeText(`p1.${round + 2}`, `改${round}`);
      await w.autosave.flush();
      await w.settle();
      expect(written.get(id)).toBe(w.store.getState().doc);
      await w.kill();
    }
    w = start();
    const list = await offered(w);
    expect(list.map((e) => e.changes)).toEqual([7]);
    const id = list[0].id;
    await restoreRecovery(w.ctx, id);
    const doc = w.store.getState().doc!;
    expect(doc).toEqual(written.get(id));
    expect(doc.discarded).toEqual(['p2.1', 'p2.2', 'p2.3']);
    expect(textIntact(audit(doc))).toBe(true);
    // One steps file and the one base file it names: nothing else piles up across the cycles.
    expect(await files()).toHaveLength(2);
  });
});
