/**
 * Quitting with unsaved changes. The renderer reports its dirty state (`window.setDirty`); closing the
 * window while dirty asks Save / Don't save / Cancel. "Save" runs the renderer's own `file.save` command (which
 * may show Save As) and the window closes as soon as the renderer reports clean; a cancelled or failed save keeps
 * the window open. Pure state machine, unit-tested; `index.ts` wires it to the window and the dialog.
 */
export type CloseDecision = 'close' | 'ask';
export type QuitAnswer = 'save' | 'discard' | 'cancel';

export class QuitGuard {
  private dirty = false;
  private forced = false;
  private saveThenClose = false;

  isDirty(): boolean {
    return this.dirty;
  }

  /** Called on the window's `close` event: close now, or prevent it and ask. */
  onCloseRequested(): CloseDecision {
    if (this.forced || !this.dirty) return 'close';
    return 'ask';
  }

  /** The user's answer; returns what to do now. */
  onAnswer(a: QuitAnswer): 'close' | 'run-save' | 'stay' {
    if (a === 'discard') {
      this.forced = true;
      return 'close';
    }
    if (a === 'save') {
      this.saveThenClose = true;
      return 'run-save';
    }
    this.saveThenClose = false;
    return 'stay';
  }

  /** From `window.setDirty`; returns 'close' when a pending save-then-quit has just succeeded. */
  onDirty(dirty: boolean): 'close' | 'none' {
    this.dirty = dirty;
    if (!dirty && this.saveThenClose) {
      this.forced = true;
      this.saveThenClose = false;
      return 'close';
    }
    return 'none';
  }

  /** A save dialog was cancelled or a save failed: the pending quit is called off. */
  onSaveAbandoned(): void {
    this.saveThenClose = false;
  }

  /** `app.quit` from the renderer: it has dealt with unsaved changes itself. */
  force(): void {
    this.forced = true;
  }

  get pendingSave(): boolean {
    return this.saveThenClose;
  }
}
