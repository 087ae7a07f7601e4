import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, EVENTS } from '../../shared/ipc/channels';

/**
 * The whole surface the renderer gets: `window.host.invoke` for allow-listed channels and `window.host.on` for
 * allow-listed events. No ipcRenderer, no event objects, no Node. Inputs are validated again in main.
 */
const channels = new Set<string>(CHANNELS);
const events = new Set<string>(EVENTS);

contextBridge.exposeInMainWorld('host', {
  invoke: (channel: string, input: unknown) =>
    channels.has(channel) ? ipcRenderer.invoke(channel, input) : Promise.reject(new Error(`blocked channel ${channel}`)),
  on: (event: string, cb: (payload: unknown) => void) => {
    if (!events.has(event)) throw new Error(`blocked event ${event}`);
    const listener = (_e: unknown, payload: unknown) => cb(payload);
    ipcRenderer.on(event, listener);
    return () => { ipcRenderer.off(event, listener); };
  },
});
