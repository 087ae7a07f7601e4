/**
 * The recovery files one renderer session wrote: its autosave's steps and base files. When the window
 * closes normally — the document was saved, or the user answered "Don't save" — they are stale: the user's file
 * holds the work, or the user chose to drop it. `end()` removes them, so the next start offers no recovery.
 * A crash or a kill never reaches `end()`, so there the files stay for the recovery dialog.
 *
 * The renderer's own autosave already discards its files when the document becomes clean, but it cannot cover a
 * close: a write still in flight when the save finished, or a window that closes right after "Don't save", would
 * leave a file behind. The host knows every write, so the host cleans up. Files of earlier sessions (a crash
 * the user has not dealt with yet) are never touched: only ids written by this session are removed.
 */
export class RecoverySessionEnded extends Error {
  constructor() {
    super('the window is closing: autosave is off');
    this.name = 'RecoverySessionEnded';
  }
}

export class RecoverySession {
  private readonly ids = new Set<string>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private ended = false;
  private remove: ((id: string) => Promise<void>) | null = null;

  /** The handlers say how a recovery file is removed (their user data folder's recovery store). */
  attach(remove: (id: string) => Promise<void>): void {
    this.remove = remove;
  }

  /** Runs one recovery write of `id` and remembers the id. Refused once the session has ended. */
  async write<T>(id: string, run: () => Promise<T>): Promise<T> {
    if (this.ended) throw new RecoverySessionEnded();
    this.ids.add(id);
    const p = run();
    this.inFlight.add(p);
    try {
      return await p;
    } finally {
      this.inFlight.delete(p);
    }
  }

  /** The renderer removed a file itself (document clean, another document loaded, recovery discarded). */
  discarded(id: string): void {
    this.ids.delete(id);
  }

  /**
   * A new page in the window (a reload after the renderer crashed): the files written so far belong to a session
   * that did not end normally, and its recovery dialog will offer them; keep them.
   */
  forget(): void {
    this.ids.clear();
  }

  get hasEnded(): boolean {
    return this.ended;
  }

  /** Ids written and not yet removed (for tests and logs). */
  written(): string[] {
    return [...this.ids];
  }

  /**
   * The window closes normally: waits for writes in flight, then removes every file this session wrote. Later
   * writes are refused. Resolves with the number of files removed; a file that cannot be removed is skipped (it
   * will be offered at the next start, which is the safe side).
   */
  async end(): Promise<number> {
    this.ended = true;
    await Promise.allSettled([...this.inFlight]);
    let n = 0;
    for (const id of [...this.ids]) {
      try {
        await this.remove?.(id);
        this.ids.delete(id);
        n++;
      } catch {
        // kept: see above
      }
    }
    return n;
  }
}
