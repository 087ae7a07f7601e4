import { z } from 'zod';
import type { ChannelName, EventName } from './channels';
import { IssueSchema } from '../model/schema';
import type { Issue } from '../model/types';
import { isValidatedIssue } from '../issue-file/parse-issue';
import { ENCODINGS } from '../text/encoding';

/**
 * The single source of truth for every renderer → host call. Every transport (Electron IPC, the loopback browser
 * host, the in-process fake host of the tests) validates input and output with these schemas via `dispatch`.
 *
 * No filesystem path ever comes from the renderer: dialogs run in the host and hand back opaque tokens that
 * stand for the chosen files; later calls name the token.
 */
const Token = z.string().min(8).max(100);
const FileRef = z.strictObject({ token: Token, name: z.string().max(4096) });
/** A window's random session id (locks, recovery files in use). */
const SessionId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
/**
 * A whole issue. One the host has just read with `parseIssue` (which validated it whole) passes as it is: the
 * second check cost ~120 ms when opening a 100-page issue. Anything else — every issue the renderer sends — gets
 * the full schema, with the same messages and defaults as `IssueSchema` itself.
 */
const IssueValue = z.unknown().transform((v, ctx) => {
  if (isValidatedIssue(v)) return v;
  const r = IssueSchema.safeParse(v);
  if (r.success) return r.data;
  for (const issue of r.error.issues) ctx.issues.push({ ...issue, input: undefined } as never);
  return z.NEVER;
}) as unknown as z.ZodType<Issue>;
export const EXPORT_FORMAT_NAMES = ['json', 'md', 'txt', 'html', 'docx', 'nitf', 'zip', 'mets-alto', 'page'] as const;
/** The file name extension of each export format's single file (dialogs suggest it; the layout formats write XML). */
export const EXPORT_EXTENSIONS: Record<(typeof EXPORT_FORMAT_NAMES)[number], string> = {
  json: 'json',
  md: 'md',
  txt: 'txt',
  html: 'html',
  docx: 'docx',
  nitf: 'xml',
  zip: 'zip',
  'mets-alto': 'xml',
  page: 'xml',
};
/** File name extensions the page import reads (the native dialog's filter and the in-app picker's). */
export const PAGE_EXTENSIONS = [
  'txt',
  'md',
  'xml',
  'alto',
  'html',
  'htm',
  'hocr',
  'pdf',
  'png',
  'jpg',
  'jpeg',
  'tif',
  'tiff',
] as const;

const RecoveryInfo = z.strictObject({
  id: z.string().max(200),
  issueId: z.string().max(200),
  title: z.string().max(2000),
  savedAt: z.string().max(64),
  changes: z.number().int().nonnegative(),
  fileName: z.string().max(4096).optional(),
  /** Set when the recovery file was written by a newer Galley: kept, not loaded. */
  unreadable: z.string().max(2000).optional(),
  /** Another open window is writing it right now: not offered for restore or discard. */
  inUse: z.boolean().optional(),
});

export const ipcContract = {
  'app.info': {
    input: z.strictObject({}),
    output: z.strictObject({
      version: z.string(),
      host: z.enum(['electron', 'web', 'test']),
      locale: z.string(),
      userName: z.string(),
      platform: z.string(),
      /**
       * `in-app`: the host has no file dialog of its own (the browser host): the renderer shows its file picker over
       * `files.list` and queues the choice with `files.choose` before calling the dialog channel. Default `native`.
       */
      picker: z.enum(['native', 'in-app']).optional(),
    }),
  },
  /** What the app was launched with (a file on the command line), asked once at start. */
  'app.initial': {
    input: z.strictObject({}),
    output: z.strictObject({
      open: z
        .strictObject({
          kind: z.enum(['issue', 'pages']),
          files: z.array(FileRef).max(1000),
          /** Pages whose issue was saved beside them before (`<page name>.galley.json`): offered instead. */
          issueBeside: FileRef.optional(),
        })
        .optional(),
    }),
  },
  'dialog.openIssue': { input: z.strictObject({}), output: FileRef.nullable() },
  'dialog.importPages': { input: z.strictObject({}), output: z.array(FileRef).max(1000).nullable() },
  'dialog.saveIssueAs': { input: z.strictObject({ suggestedName: z.string().max(1000) }), output: FileRef.nullable() },
  'dialog.exportTo': {
    input: z.strictObject({
      suggestedName: z.string().max(1000),
      format: z.enum(EXPORT_FORMAT_NAMES),
      directory: z.boolean(),
    }),
    output: FileRef.nullable(),
  },
  /** A native yes/no/cancel question (unsaved changes). */
  'dialog.confirm': {
    input: z.strictObject({
      message: z.string().max(2000),
      detail: z.string().max(4000).optional(),
      buttons: z.array(z.string().max(100)).min(1).max(4),
    }),
    output: z.strictObject({ button: z.number().int().nonnegative() }),
  },
  /**
   * The in-app file picker (hosts with `picker: 'in-app'` only; others refuse): one folder of the launch folder,
   * `dir` relative to it with `/` separators ('' = the launch folder). Nothing outside the launch folder is listed.
   */
  'files.list': {
    input: z.strictObject({ dir: z.string().max(4096) }),
    output: z.strictObject({
      root: z.string().max(4096),
      dir: z.string().max(4096),
      entries: z
        .array(
          z.strictObject({ name: z.string().max(4096), kind: z.enum(['dir', 'file']), size: z.number().optional() }),
        )
        .max(5000),
      truncated: z.boolean(),
    }),
  },
  /** The in-app picker's answer for the next call of a dialog channel: paths relative to the launch folder, or null. */
  'files.choose': {
    input: z.strictObject({
      channel: z.enum(['dialog.openIssue', 'dialog.importPages', 'dialog.saveIssueAs', 'dialog.exportTo']),
      paths: z.array(z.string().min(1).max(4096)).min(1).max(1000).nullable(),
    }),
    output: z.strictObject({}),
  },
  /**
   * `session`: the window's random session id. The host locks the issue for it (a lock file beside the issue,
   * electron/host/services/issue-lock.ts); when another live session holds the lock the issue opens `readOnly`
   * and `lockedBy` says who.
   */
  'issue.open': {
    input: z.strictObject({ token: Token, session: SessionId.optional() }),
    output: z.strictObject({
      issue: IssueValue,
      file: FileRef,
      readOnly: z.boolean().optional(),
      lockedBy: z.string().max(500).optional(),
    }),
  },
  'issue.importPages': {
    /** `encoding` forces the decoding of plain-text pages, after a guess the user saw was wrong. */
    input: z.strictObject({
      tokens: z.array(Token).min(1).max(1000),
      title: z.string().max(2000).optional(),
      encoding: z.enum(ENCODINGS).optional(),
    }),
    output: z.strictObject({ issue: IssueValue, warnings: z.array(z.string().max(4000)).max(10_000) }),
  },
  /** `session`: refused while another live window holds the issue's lock; otherwise the save takes the lock. */
  'issue.save': {
    input: z.strictObject({ token: Token, issue: IssueValue, session: SessionId.optional() }),
    output: z.strictObject({ savedAt: z.string(), durable: z.boolean() }),
  },
  'export.run': {
    input: z.strictObject({
      token: Token,
      issue: IssueValue,
      format: z.enum(EXPORT_FORMAT_NAMES),
      split: z.boolean().optional(),
      /** For `zip`: the format of the per-article files inside (default md). */
      inner: z.enum(['json', 'md', 'txt', 'html', 'docx', 'nitf']).optional(),
      /** The open issue file's token, when it has one: layout exports resolve page source files next to it. */
      issueToken: Token.optional(),
      allowIncomplete: z.boolean().optional(),
      approvedOnly: z.boolean().optional(),
      articleIds: z.array(z.string().max(200)).max(100_000).optional(),
      /** Replace existing files (the user confirmed); without it existing targets come back as `existing`. */
      replace: z.boolean().optional(),
      /** Show text marked lost (`[……]`, an editor's note in NITF); default on, off for json. */
      lostTextMark: z.boolean().optional(),
    }),
    output: z.discriminatedUnion('ok', [
      /** `warnings`: what the export had to change, e.g. control characters XML cannot hold, stripped from DOCX/NITF. */
      z.strictObject({
        ok: z.literal(true),
        files: z.array(z.string()),
        articles: z.number(),
        warnings: z.array(z.string()).optional(),
      }),
      /** `existing`: the export would replace these files (names relative to the target); nothing was written. */
      z.strictObject({ ok: z.literal(false), problems: z.array(z.string()), existing: z.array(z.string()).optional() }),
    ]),
  },
  /** A page scan referenced by path in the open issue (relative to the issue file), read as a data URL. */
  'page.image': {
    input: z.strictObject({ issueToken: Token, src: z.string().min(1).max(4096) }),
    output: z.strictObject({ url: z.string().max(96 * 1024 * 1024) }),
  },
  /**
   * The window is alive (every ~20 s): keeps its issue lock fresh (`fileToken`) and marks its recovery file as in
   * use, so that another window's recovery dialog does not offer it. Answers whether the issue is still this
   * window's to write.
   */
  'session.heartbeat': {
    input: z.strictObject({
      session: SessionId,
      fileToken: Token.optional(),
      recoveryId: z.string().min(1).max(200).optional(),
      release: z.boolean().optional(),
    }),
    output: z.strictObject({ readOnly: z.boolean(), lockedBy: z.string().max(500).optional() }),
  },
  'recent.list': { input: z.strictObject({}), output: z.array(FileRef.extend({ openedAt: z.string() })).max(100) },
  /** Autosave: the document and its undo history, written atomically to the user data folder. */
  'recovery.write': {
    input: z.strictObject({
      id: z.string().min(1).max(200),
      fileToken: Token.optional(),
      changes: z.number().int().nonnegative(),
      /** Shown in the recovery list without reading the payload. */
      issueId: z.string().max(200).optional(),
      title: z.string().max(2000).optional(),
      payload: z.string().max(512 * 1024 * 1024),
    }),
    output: z.strictObject({ savedAt: z.string() }),
  },
  /** `session`: the asking window; recovery files of other live windows come back `inUse`. */
  'recovery.list': {
    input: z.strictObject({ session: SessionId.optional() }),
    output: z.array(RecoveryInfo).max(1000),
  },
  'recovery.read': {
    input: z.strictObject({ id: z.string().min(1).max(200) }),
    output: z.strictObject({ payload: z.string(), file: FileRef.optional() }),
  },
  'recovery.discard': { input: z.strictObject({ id: z.string().min(1).max(200) }), output: z.strictObject({}) },
  'window.setTitle': { input: z.strictObject({ title: z.string().max(2000) }), output: z.strictObject({}) },
  'window.setDirty': { input: z.strictObject({ dirty: z.boolean() }), output: z.strictObject({}) },
  /** The renderer's answer to `window.closeRequested` (its in-app Save / Don't save / Cancel question). */
  'window.closeAnswer': {
    input: z.strictObject({ answer: z.enum(['save', 'discard', 'cancel']) }),
    output: z.strictObject({}),
  },
  'app.quit': { input: z.strictObject({}), output: z.strictObject({}) },
} as const satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

export type Channel = keyof typeof ipcContract;
export type In<C extends Channel> = z.input<(typeof ipcContract)[C]['input']>;
export type Out<C extends Channel> = z.output<(typeof ipcContract)[C]['output']>;
export type Handlers = { [C in Channel]: (input: z.output<(typeof ipcContract)[C]['input']>) => Promise<Out<C>> };

export const eventContract = {
  /** A native menu item or accelerator: the renderer's command registry runs the command. */
  'command.run': z.strictObject({ id: z.string().max(200) }),
  /** A file opened from the OS (second instance, file association, drop on the window). */
  'file.openRequested': z.strictObject({ kind: z.enum(['issue', 'pages']), files: z.array(FileRef).max(1000) }),
  /** The window is closing with unsaved changes: the renderer asks and answers with `window.closeAnswer`. */
  'window.closeRequested': z.strictObject({}),
} as const satisfies Record<EventName, z.ZodType>;
export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>;

export interface HostApi {
  invoke<C extends Channel>(channel: C, input: In<C>): Promise<Out<C>>;
  on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void;
}

/** A refused or failed host call. Only `message` crosses the transport. */
export class HostError extends Error {
  constructor(
    message: string,
    readonly code: 'unknown-channel' | 'invalid-input' | 'invalid-output' | 'failed' | 'refused',
  ) {
    super(message);
    this.name = 'HostError';
  }
}

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(ipcContract, name);
}

/**
 * Validates and runs one call. Every transport goes through here, so a malformed payload is refused the same
 * way over Electron IPC, HTTP and in tests.
 */
export async function dispatch(handlers: Handlers, channel: string, raw: unknown): Promise<unknown> {
  if (!isChannel(channel)) throw new HostError(`unknown channel "${String(channel).slice(0, 100)}"`, 'unknown-channel');
  const spec = ipcContract[channel];
  const parsed = spec.input.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new HostError(
      `invalid input for ${channel}: ${z.prettifyError(parsed.error).split('\n').slice(0, 4).join('; ')}`,
      'invalid-input',
    );
  }
  const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
  const out = await handler(parsed.data);
  const checked = spec.output.safeParse(out);
  if (!checked.success) throw new HostError(`the host answered ${channel} with invalid data`, 'invalid-output');
  return checked.data;
}
