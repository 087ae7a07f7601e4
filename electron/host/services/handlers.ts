import { promises as fs } from 'node:fs';
import path from 'node:path';
import { HostError, type Handlers, type In, type Out } from '../../../shared/ipc/contract';
import type { EventName } from '../../../shared/ipc/channels';
import { loadIssueFile, saveIssueFile } from './issue-files';
import { importPageFiles } from './page-files';
import { exportIssue, EXPORT_FORMATS, type ExportFormat } from './export-service';
import { PathTokens, type TokenKind } from '../security/path-tokens';
import { USER_CHOICE_SCOPE, type HostScope } from '../security/host-scope';
import { pathTextProblem } from '../security/containment';
import { ExportTargetError } from './export-target';
import { readRecent, recordRecent } from './recent-files';
import { readScanImage } from './scan-image';
import {
  discardRecovery,
  listRecovery,
  readRecovery,
  recoveryDir,
  RecoveryError,
  writeRecovery,
} from './recovery-store';
import { RecoverySessionEnded, type RecoverySession } from '../session/recovery-session';
import { describeFsError, InputError } from './read-input';
import { acquireLock, describeLock, LOCK_STALE_MS, releaseLock } from './issue-lock';

/**
 * Native (Electron) or stand-in (browser host, tests) file dialogs. They answer absolute paths, or null when the
 * user cancelled; the handlers turn paths into tokens so that no path ever reaches the renderer's requests.
 */
export interface Dialogs {
  openIssue(): Promise<string | null>;
  importPages(): Promise<string[] | null>;
  saveIssueAs(opts: { suggestedName: string }): Promise<string | null>;
  exportTo(opts: { suggestedName: string; format: string; directory: boolean }): Promise<string | null>;
  /** Index of the button pressed; the last button is the cancel answer when the dialog is dismissed. */
  confirm(opts: { message: string; detail?: string; buttons: string[] }): Promise<number>;
}

/** The window the renderer lives in; no-ops where there is none (browser host, CLI tests). */
export interface WindowHooks {
  setTitle(title: string): void;
  setDirty(dirty: boolean): void;
  quit(): void;
  /** A file was opened or saved: Electron adds it to the OS recent documents. */
  addRecentDocument?(file: string): void;
  /** The renderer answered the close question (`window.closeRequested`). */
  closeAnswer?(answer: 'save' | 'discard' | 'cancel'): void;
}

/**
 * The in-app file picker of a host without file dialogs (the browser host): lists one folder inside the launch
 * folder, and queues the user's choice for the next call of a dialog channel. Absent in Electron (native dialogs).
 */
export interface InAppPicker {
  list(dir: string): Promise<Out<'files.list'>>;
  choose(channel: In<'files.choose'>['channel'], paths: string[] | null): void;
}

export interface HandlerDeps {
  dialogs: Dialogs;
  tokens: PathTokens;
  /** Where recent.json and recovery/ live (Electron: app.getPath('userData'); tests: a temp dir). */
  userDataDir: string;
  appInfo: Out<'app.info'>;
  window?: WindowHooks;
  /** Files given on the command line (absolute paths); read on every `app.initial` call, so a host may append. */
  initialFiles?: string[];
  now?: () => Date;
  /** The recovery files this window's renderer wrote, removed when the window closes normally (close-flow.ts). */
  recovery?: RecoverySession;
  /**
   * Where paths may become tokens (host-scope.ts): what the user chose (Electron, default) or the launch folder
   * (browser host). Dialog answers, launch files, the recent list and recovery files all pass through it.
   */
  scope?: HostScope;
  /** The browser host's in-app file picker (`files.list`, `files.choose`); refused where absent. */
  picker?: InAppPicker;
}

/** Main → renderer event sender, provided by each transport (webContents.send, SSE). */
export type EmitEvent = (event: EventName, payload: unknown) => void;

export const ISSUE_SUFFIX = '.galley.json';

/**
 * Sorts files opened from the OS or the command line: an issue file opens, anything else is imported as pages.
 * Returns undefined when nothing usable was given.
 */
export function classifyOpen(
  files: string[],
  tokens: PathTokens,
): { kind: 'issue' | 'pages'; files: { token: string; name: string }[] } | undefined {
  // Device names and the \\?\ namespace are never opened, whoever names them (OS open, drop, command line).
  const abs = files.filter((f) => f && path.isAbsolute(f) && !pathTextProblem(f));
  if (!abs.length) return undefined;
  const issue = abs.find((f) => f.toLowerCase().endsWith(ISSUE_SUFFIX));
  if (issue) return { kind: 'issue', files: [tokens.ref(issue, 'issue')] };
  return { kind: 'pages', files: abs.map((f) => tokens.ref(f, 'pages')) };
}

/** An error crosses the transport as one clear message, never a stack. */
export function toHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  if (e instanceof RecoveryError) return new HostError(e.message, e.code === 'not-found' ? 'failed' : 'refused');
  if (e instanceof RecoverySessionEnded) return new HostError(e.message, 'refused');
  if (e instanceof ExportTargetError) return new HostError(e.message, 'refused');
  const err = e as NodeJS.ErrnoException;
  const p = typeof err?.path === 'string' ? path.basename(err.path) : '';
  if (err?.code === 'ENOENT') return new HostError(`no such file${p ? `: ${p}` : ''}`, 'failed');
  if (err?.code === 'EACCES' || err?.code === 'EPERM')
    return new HostError(`permission denied${p ? `: ${p}` : ''}`, 'failed');
  if (err?.code === 'ENOSPC') return new HostError('the disk is full; nothing was changed', 'failed');
  if (typeof err?.code === 'string' && typeof err.path === 'string') {
    const described = describeFsError(err, err.path);
    if (described instanceof InputError) return new HostError(described.message, 'failed');
  }
  const msg = typeof err?.message === 'string' && err.message ? err.message.split('\n')[0] : String(e);
  return new HostError(msg.slice(0, 2000), 'failed');
}

function isExportFormat(f: string): f is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(f);
}

/**
 * Every channel of the host contract over the pure services. Electron IPC, the loopback browser host and the
 * tests all serve these same handlers through `dispatch`, so a behaviour tested in one holds in all.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { dialogs, tokens, userDataDir } = deps;
  const scope = deps.scope ?? USER_CHOICE_SCOPE;
  /** A path becomes a token only through the scope: refused paths answer one clear message. */
  const grant = async (file: string, kind: TokenKind, use: 'read' | 'write') =>
    tokens.ref(await scope.admit(file, use), kind);
  /** The same, for lists the host makes itself (launch files, recent list): a refused path is left out. */
  const admitted = async (files: readonly string[]) => {
    const out: string[] = [];
    for (const f of files) {
      const ok = await scope.admit(f, 'read').catch(() => undefined);
      if (ok) out.push(ok);
    }
    return out;
  };
  /** Folders an issue's file references may lie in: its own, and those pages were imported from in this launch. */
  const referenceRoots = (issueFile: string | undefined) => [
    ...new Set([...(issueFile ? [path.dirname(issueFile)] : []), ...tokens.folders('pages')]),
  ];
  const now = deps.now ?? (() => new Date());
  deps.recovery?.attach((id) => discardRecovery(userDataDir, id));
  const recoveryWrite = <T>(id: string, run: () => Promise<T>) =>
    deps.recovery ? deps.recovery.write(id, run) : run();
  const remember = async (file: string) => {
    await recordRecent(userDataDir, file, now()).catch(() => undefined); // a failed recent list never fails a save
    deps.window?.addRecentDocument?.(file);
  };
  /** Recent-list updates of opens still being written: the open answers without waiting for the fsync. */
  let recording: Promise<void> = Promise.resolve();
  const rememberSoon = (file: string) => {
    recording = recording.then(() => remember(file));
  };

  /** Windows that said they are alive (`session.heartbeat`): when, and which recovery file they write. */
  const sessions = new Map<string, { at: number; recoveryId?: string }>();
  const seen = (session: string, recoveryId?: string) =>
    sessions.set(session, { at: now().getTime(), ...(recoveryId ? { recoveryId } : {}) });
  /** The live lock of another window on this issue, in words; undefined when the issue is this window's. */
  const lockedFor = async (file: string, session: string | undefined) => {
    if (!session) return undefined;
    seen(session, sessions.get(session)?.recoveryId);
    const held = await acquireLock(file, session, now());
    return held ? describeLock(held) : undefined;
  };

  const h: Handlers = {
    'app.info': async () => deps.appInfo,
    'app.initial': async () => {
      const files = await admitted(deps.initialFiles ?? []);
      const open = classifyOpen(files, tokens);
      if (open?.kind !== 'pages') return open ? { open } : {};
      // Started on a page file whose issue was saved beside it (the name Save As suggests): offer that issue.
      const first = files[0];
      const beside = path.join(path.dirname(first), `${path.basename(first).replace(/\.[^.]+$/, '')}${ISSUE_SUFFIX}`);
      const exists = await fs.stat(beside).then(
        (st) => st.isFile(),
        () => false,
      );
      const [issue] = exists ? await admitted([beside]) : [];
      return { open: { ...open, ...(issue ? { issueBeside: tokens.ref(issue, 'issue') } : {}) } };
    },
    'dialog.openIssue': async () => {
      const file = await dialogs.openIssue();
      return file ? grant(file, 'issue', 'read') : null;
    },
    'dialog.importPages': async () => {
      const files = await dialogs.importPages();
      if (!files || !files.length) return null;
      const refs = [];
      for (const f of files) refs.push(await grant(f, 'pages', 'read'));
      return refs;
    },
    'dialog.saveIssueAs': async ({ suggestedName }) => {
      let file = await dialogs.saveIssueAs({ suggestedName });
      if (!file) return null;
      if (!file.toLowerCase().endsWith(ISSUE_SUFFIX)) file = file.replace(/\.json$/i, '') + ISSUE_SUFFIX;
      return grant(file, 'issue', 'write');
    },
    'dialog.exportTo': async (input) => {
      const file = await dialogs.exportTo(input);
      return file ? grant(file, 'export', 'write') : null;
    },
    'dialog.confirm': async (input) => {
      const button = await dialogs.confirm(input);
      return { button: Math.min(Math.max(0, Math.trunc(button)), input.buttons.length - 1) };
    },
    'files.list': async ({ dir }) => {
      if (!deps.picker) throw new HostError('this host uses the system file dialogs', 'refused');
      return deps.picker.list(dir);
    },
    'files.choose': async ({ channel, paths }) => {
      if (!deps.picker) throw new HostError('this host uses the system file dialogs', 'refused');
      deps.picker.choose(channel, paths);
      return {};
    },
    'issue.open': async ({ token, session }) => {
      const file = tokens.resolve(token, 'issue');
      const issue = await loadIssueFile(file);
      rememberSoon(file);
      const lockedBy = await lockedFor(file, session);
      return { issue, file: { token, name: path.basename(file) }, ...(lockedBy ? { readOnly: true, lockedBy } : {}) };
    },
    'issue.importPages': async ({ tokens: list, title, encoding }) => {
      const files = list.map((t) => tokens.resolve(t, 'pages'));
      // Layout imports report what they could not use (a file a METS names is missing, a TIFF scan…).
      const warnings: string[] = [];
      const issue = await importPageFiles(files, {
        warnings,
        ...(title ? { title } : {}),
        ...(encoding ? { encoding } : {}),
      });
      for (const p of issue.pages) {
        const name = p.source?.name ?? p.label;
        // Not when the user chose the encoding, nor twice for a page whose guess was already reported as unsure.
        if (!/^utf-?8/i.test(p.encoding) && !encoding && !warnings.some((w) => w.startsWith(`${name}: the encoding`)))
          warnings.push(
            `${name} was read as ${p.encoding}; check the text, and re-import with another encoding if it looks wrong`,
          );
        if (!p.fragments.length) warnings.push(`${name} holds no text`);
      }
      return { issue, warnings };
    },
    'issue.save': async ({ token, issue, session }) => {
      const file = tokens.resolve(token, 'issue');
      const lockedBy = await lockedFor(file, session);
      if (lockedBy)
        throw new HostError(
          `${path.basename(file)} is open for editing in another window (${lockedBy}); save it under another name`,
          'refused',
        );
      const state = await saveIssueFile(file, issue);
      rememberSoon(file); // in the same queue as the opens', so that two updates of recent.json never overlap
      await recording;
      return { savedAt: now().toISOString(), durable: state === 'committed-durable' };
    },
    'export.run': async (input) => {
      const output = tokens.resolve(input.token, 'export');
      if (!isExportFormat(input.format)) {
        return {
          ok: false as const,
          problems: [
            `export as ${input.format} is not available in this build (available: ${EXPORT_FORMATS.join(', ')})`,
          ],
        };
      }
      const issueFile = input.issueToken ? tokens.resolve(input.issueToken, 'issue') : undefined;
      // Names relative to the chosen target: the renderer shows them, it has no use for absolute paths.
      const shown = (f: string) => {
        const rel = path.relative(output, f);
        return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.basename(f);
      };
      let r;
      try {
        r = await exportIssue(input.issue, {
          format: input.format,
          output,
          split: input.split,
          inner: input.inner,
          allowIncomplete: input.allowIncomplete,
          approvedOnly: input.approvedOnly,
          articleIds: input.articleIds,
          lostTextMark: input.lostTextMark,
          ...(issueFile ? { sourceDir: path.dirname(issueFile) } : {}),
          // Never over the issue, its .bak, its sources or a recovery file; existing files only once confirmed.
          guard: {
            ...(issueFile ? { issueFile, sourceDir: path.dirname(issueFile) } : {}),
            recoveryDir: recoveryDir(userDataDir),
            replace: !!input.replace,
          },
          referenceRoots: referenceRoots(issueFile),
        });
      } catch (e) {
        // Existing files: the renderer asks "replace?" and runs again with `replace`.
        if (e instanceof ExportTargetError && e.code === 'exists')
          return { ok: false as const, problems: [e.message], existing: e.files.map(shown) };
        throw e;
      }
      return r.ok ? { ...r, files: r.files.map(shown) } : r;
    },
    'page.image': async ({ issueToken, src }) => {
      const issueFile = tokens.resolve(issueToken, 'issue');
      return { url: await readScanImage(issueFile, src, referenceRoots(issueFile)) };
    },
    'session.heartbeat': async ({ session, fileToken, recoveryId, release }) => {
      seen(session, recoveryId);
      if (!fileToken) return { readOnly: false };
      const file = tokens.resolve(fileToken, 'issue');
      if (release) {
        await releaseLock(file, session);
        sessions.delete(session);
        return { readOnly: false };
      }
      const lockedBy = await lockedFor(file, session);
      return lockedBy ? { readOnly: true, lockedBy } : { readOnly: false };
    },
    'recent.list': async () => {
      await recording;
      // recent.json is shared by every launch (and with the desktop app): only files inside this host's scope.
      const out = [];
      for (const e of await readRecent(userDataDir)) {
        const [file] = await admitted([e.path]);
        if (file) out.push({ ...tokens.ref(file, 'issue'), openedAt: e.openedAt });
      }
      return out;
    },
    'recovery.write': async (input: In<'recovery.write'>) => {
      const savedAt = now().toISOString();
      const filePath = input.fileToken ? tokens.peek(input.fileToken) : undefined;
      await recoveryWrite(input.id, () =>
        writeRecovery(
          userDataDir,
          {
            id: input.id,
            appVersion: deps.appInfo.version,
            issueId: input.issueId ?? input.id,
            title: input.title ?? '',
            savedAt,
            changes: input.changes,
            ...(filePath ? { filePath } : {}),
          },
          input.payload,
        ),
      );
      return { savedAt };
    },
    'recovery.list': async ({ session }) => {
      const list = await listRecovery(userDataDir);
      // Recovery files another live window is writing: never offered to this one (restore or discard).
      const t = now().getTime();
      const others = [...sessions]
        .filter(([id, v]) => id !== session && v.recoveryId && t - v.at <= LOCK_STALE_MS)
        .map(([, v]) => v.recoveryId!);
      const inUse = (id: string) => others.some((r) => id === r || id.startsWith(`${r}--base`));
      return list.map(({ filePath, ...r }) => ({
        ...r,
        ...(filePath ? { fileName: path.basename(filePath) } : {}),
        ...(inUse(r.id) ? { inUse: true } : {}),
      }));
    },
    'recovery.read': async ({ id }) => {
      const { header, payload } = await readRecovery(userDataDir, id);
      const exists = header.filePath
        ? await fs.stat(header.filePath).then(
            () => true,
            () => false,
          )
        : false;
      // The issue file may be gone (a recovery from an unsaved or deleted issue), or outside this host's scope (a
      // recovery of another launch): then only the payload comes back.
      const [file] = header.filePath && exists ? await admitted([header.filePath]) : [];
      return { payload, ...(file ? { file: tokens.ref(file, 'issue') } : {}) };
    },
    'recovery.discard': async ({ id }) => {
      await discardRecovery(userDataDir, id);
      deps.recovery?.discarded(id);
      return {};
    },
    'window.setTitle': async ({ title }) => {
      deps.window?.setTitle(title);
      return {};
    },
    'window.setDirty': async ({ dirty }) => {
      deps.window?.setDirty(dirty);
      return {};
    },
    'window.closeAnswer': async ({ answer }) => {
      deps.window?.closeAnswer?.(answer);
      return {};
    },
    'app.quit': async () => {
      deps.window?.quit();
      return {};
    },
  };

  // Every handler reports failures as a HostError carrying a clear message only.
  const wrapped = {} as Record<string, (input: unknown) => Promise<unknown>>;
  for (const [name, fn] of Object.entries(h) as [string, (input: unknown) => Promise<unknown>][]) {
    wrapped[name] = async (input) => {
      try {
        return await fn(input);
      } catch (e) {
        throw toHostError(e);
      }
    };
  }
  return wrapped as unknown as Handlers;
}
