import { dispatch, isChannel, type Handlers } from '../../../../shared/ipc/contract';
import { CHANNELS } from '../../../../shared/ipc/channels';
import { toHostError } from '../../../host/services/handlers';
import type { SenderFrame } from '../security';

/** The slice of Electron's ipcMain this module needs; tests pass a fake `{ handle }`. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: { senderFrame: SenderFrame | null }, ...args: unknown[]) => Promise<unknown>,
  ): void;
}

/**
 * What crosses IPC back to the renderer: a value or one clear message. Thrown errors would reach the page as
 * "Error invoking remote method '…': Error: …" with Electron's own prefix, so handlers never throw across.
 */
export type IpcResult = { ok: true; value: unknown } | { ok: false; error: string; code: string };

/**
 * Registers every contract channel on ipcMain (docs/security.md): the sender must be the app's main frame, the
 * input is validated by the contract's `dispatch`, and the same handlers serve the browser host.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  opts: { validateSender: (frame: SenderFrame | null | undefined) => boolean },
): string[] {
  const registered: string[] = [];
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, raw) =>
      invokeChecked(handlers, channel, event?.senderFrame, raw, opts.validateSender),
    );
    registered.push(channel);
  }
  return registered;
}

/** One IPC call: sender check, contract dispatch, error → message. Exported for the fuzz and unit tests. */
export async function invokeChecked(
  handlers: Handlers,
  channel: string,
  frame: SenderFrame | null | undefined,
  raw: unknown,
  validateSender: (frame: SenderFrame | null | undefined) => boolean,
): Promise<IpcResult> {
  try {
    if (!validateSender(frame))
      return { ok: false, error: 'refused: this call did not come from the Galley window', code: 'refused' };
    if (!isChannel(channel))
      return { ok: false, error: `unknown channel "${String(channel).slice(0, 100)}"`, code: 'unknown-channel' };
    return { ok: true, value: await dispatch(handlers, channel, raw) };
  } catch (e) {
    const err = toHostError(e);
    return { ok: false, error: err.message, code: err.code };
  }
}
