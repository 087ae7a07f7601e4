import type { QuitGuard } from './quit-guard';
import type { RecoverySession } from './recovery-session';

/**
 * Closing the window (the unsaved-changes prompt, the recovery clean-up), as one pure sequence that the Electron shell
 * and the browser host's test route both run:
 * - dirty → ask Save / Don't save / Cancel (QuitGuard); Save runs the renderer's `file.save` and closes once the
 *   renderer reports clean; Cancel stays;
 * - clean, or "Don't save" → the recovery files of this session are removed (RecoverySession.end), then the
 *   window really closes. So a restart after a normal close offers no recovery; a crash still does.
 */
export interface CloseFlowOptions {
  guard: QuitGuard;
  recovery: RecoverySession;
  /** Shows the unsaved-changes question; resolves the button index (0 Save, 1 Don't save, 2 Cancel). */
  confirm(): Promise<number>;
  /** Asks the renderer to save (`command.run` `file.save`). */
  runSave(): void;
  /** Closes the window again; its close request comes back through `onCloseRequested`. */
  close(): void;
  onError?(e: unknown): void;
}

export class CloseFlow {
  private closing = false;
  private cleaned = false;

  constructor(private readonly o: CloseFlowOptions) {}

  /**
   * The window's close request. True: let it close now (the clean-up is done). False: prevented; the flow asks,
   * or cleans up, and then calls `close()` again.
   */
  onCloseRequested(): boolean {
    // A second request while the clean-up runs (the user clicks close again) waits for it as well.
    if (this.closing) return this.cleaned;
    if (this.o.guard.onCloseRequested() === 'ask') {
      void this.ask().catch((e: unknown) => this.o.onError?.(e));
      return false;
    }
    this.closing = true;
    void this.o.recovery
      .end()
      .catch((e: unknown) => this.o.onError?.(e))
      .finally(() => {
        this.cleaned = true;
        this.o.close();
      });
    return false;
  }

  /** From `window.setDirty`: a save-then-close closes as soon as the renderer reports clean. */
  onDirty(dirty: boolean): void {
    if (this.o.guard.onDirty(dirty) === 'close') this.o.close();
  }

  /** True once the window is past the point of no return (clean-up started). */
  get isClosing(): boolean {
    return this.closing;
  }

  private async ask(): Promise<void> {
    const button = await this.o.confirm();
    const next = this.o.guard.onAnswer(button === 0 ? 'save' : button === 1 ? 'discard' : 'cancel');
    if (next === 'close') this.o.close();
    else if (next === 'run-save') this.o.runSave();
  }
}
