import os from 'node:os';
import path from 'node:path';
import { createHandlers } from '../host/services/handlers';
import { PathTokens } from '../host/security/path-tokens';
import { folderScope } from '../host/security/host-scope';
import type { Handlers } from '../../shared/ipc/contract';
import type { WebHostEnv } from './server';

export interface WebHandlerOptions {
  userDataDir: string;
  version: string;
  /** Files given on the command line (absolute, inside the root), opened through `app.initial`. */
  initialFiles?: string[];
  host?: 'web' | 'test';
  locale?: string;
}

/** The real handlers over the browser host's dialogs and window hooks: what `npm run start:web` and the e2e fixture serve. */
export function webHandlers(o: WebHandlerOptions): (env: WebHostEnv) => Handlers {
  return (env) => createHandlers({
    dialogs: env.dialogs,
    tokens: new PathTokens(),
    // Nothing outside the launch folder becomes a token: dialog answers, launch files, recent list, recovery.
    scope: folderScope(env.dialogs.root),
    userDataDir: o.userDataDir,
    window: env.window,
    recovery: env.recovery,
    initialFiles: (o.initialFiles ?? []).map((f) => path.resolve(f)),
    appInfo: {
      version: o.version,
      host: o.host ?? 'web',
      locale: o.locale ?? (Intl.DateTimeFormat().resolvedOptions().locale || 'en'),
      userName: safeUserName(),
      platform: process.platform,
    },
  });
}

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}
