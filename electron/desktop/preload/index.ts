import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNELS, EVENTS } from '../../../shared/ipc/channels';

/**
 * The whole surface the renderer gets: `window.host.invoke` for allow-listed channels and `window.host.on` for
 * allow-listed events (Electron's security checklist, item 20). No ipcRenderer, no event objects, no Node, no paths. Inputs are validated
 * again in main, which answers `{ok, value}` or `{ok: false, error}` so that a failure reaches the page as one
 * clear message rather than Electron's "Error invoking remote method" wrapper.
 */
const channels = new Set<string>(CHANNELS);
const events = new Set<string>(EVENTS);

/** Internal channel: files dropped from the OS onto the window (see electron/desktop/main/index.ts DROP_CHANNEL). */
const DROP_CHANNEL = 'galley:files-dropped';

type IpcResult = { ok: true; value: unknown } | { ok: false; error: string; code?: string };

contextBridge.exposeInMainWorld('host', {
  invoke: async (channel: string, input: unknown) => {
    if (!channels.has(channel)) throw new Error(`blocked channel ${channel}`);
    const r = (await ipcRenderer.invoke(channel, input)) as IpcResult;
    if (r && r.ok) return r.value;
    const err = new Error(r?.error ?? `host call ${channel} failed`);
    (err as Error & { code?: string }).code = r?.code;
    throw err;
  },
  on: (event: string, cb: (payload: unknown) => void) => {
    if (!events.has(event)) throw new Error(`blocked event ${event}`);
    const listener = (_e: unknown, payload: unknown) => cb(payload);
    ipcRenderer.on(event, listener);
    return () => {
      ipcRenderer.off(event, listener);
    };
  },
});

/**
 * Files dragged in from the OS: the path of a real dropped File is only readable here (webUtils, isolated world),
 * and only a trusted (user-made) drop event counts, so page script cannot forge one. Main turns the paths into
 * tokens and answers with `file.openRequested`. Drags that carry no files (the app's own fragment drags) are
 * left alone.
 */
const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
window.addEventListener(
  'dragover',
  (e) => {
    if (hasFiles(e)) e.preventDefault();
  },
  true,
);
window.addEventListener(
  'drop',
  (e) => {
    if (!e.isTrusted || !hasFiles(e) || !e.dataTransfer?.files.length) return;
    e.preventDefault();
    const paths = Array.from(e.dataTransfer.files)
      .map((f) => {
        try {
          return webUtils.getPathForFile(f);
        } catch {
          return '';
        }
      })
      .filter(Boolean);
    if (paths.length) ipcRenderer.send(DROP_CHANNEL, paths);
  },
  true,
);
