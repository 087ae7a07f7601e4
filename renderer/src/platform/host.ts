import type { HostApi } from '@shared/ipc/contract';
import { HostError } from '@shared/ipc/contract';

declare global {
  interface Window {
    /** Set by the Electron preload or by the loopback browser host's shim. */
    host?: HostApi;
  }
}

/**
 * A stand-in used only when no host is present (the renderer opened from a plain dev server): it answers the
 * harmless calls so the UI can render, and refuses file access with a clear message.
 */
export function createDetachedHost(): HostApi {
  const answers: Record<string, unknown> = {
    'app.info': { version: 'dev', host: 'web', locale: navigator.language, userName: '', platform: 'web' },
    'app.initial': {},
    'dialog.openIssue': null,
    'dialog.importPages': null,
    'dialog.saveIssueAs': null,
    'dialog.exportTo': null,
    'dialog.confirm': { button: 1 },
    'recent.list': [],
    'recovery.list': [],
    'window.setTitle': {},
    'window.setDirty': {},
  };
  return {
    invoke: (async (channel: string) => {
      if (channel in answers) return answers[channel];
      throw new HostError('no host: start Galley with `npm start` or `npm run start:web`', 'failed');
    }) as HostApi['invoke'],
    on: () => () => undefined,
  };
}

/** The host contract implementation of this window. */
export function getHost(): HostApi {
  return window.host ?? createDetachedHost();
}
