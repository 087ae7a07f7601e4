import type { Issue } from '../model/types';
import type { Op } from '../ops/op-schema';
import { validateIssue } from './parse-issue';

/**
 * The recovery payload's format (the window side of recovery; the host wraps it in its own envelope,
 * electron/host/services/recovery-store.ts): the document as it was before the oldest kept undo step (`base`), the
 * steps' operations, and where the proofreader was. Building the payload from the undo history and replaying it
 * back is the renderer's (renderer/src/store/session-restore.ts); this file owns the layout, its version and its
 * checks.
 *
 * Layout, version 1:
 * `{"kind":"galley-session","v":1,"meta":{past,trimmed,savedMark,fileName,view,check},"steps":[{id,label,op,at}…],
 *   "base":Issue}` — `past` = how many of `steps` are undo steps (the rest are redo steps, next first);
 * `check` = counts of the current document, verified after the replay. Autosave writes the base in a file of its
 * own (`{"kind":"galley-session-base","v":1,"doc":Issue}`) named by `meta.baseRef`. A change that an older build
 * could not read must bump SESSION_VERSION: older builds then keep the file and say so instead of loading half of it.
 */
export const SESSION_KIND = 'galley-session';
export const SESSION_VERSION = 1;
/** The base document's own recovery file (written by autosave only when the base changes). */
export const BASE_KIND = 'galley-session-base';

/** One undo or redo step as stored: its operation, and the time its correction-log entry recorded. */
export interface SessionStep {
  id: number;
  label: string;
  op: Op;
  at: number;
  logged?: string;
  coalesceKey?: string;
}
/** Counts of the current document, written with the payload and compared after the replay. */
export interface SessionCheck {
  fragments: number;
  articles: number;
  placed: number;
  pool: number;
  discarded: number;
  history: number;
  nextId: number;
}

export class SessionPayloadError extends Error {
  constructor(
    message: string,
    readonly code: 'newer' | 'damaged',
  ) {
    super(message);
    this.name = 'SessionPayloadError';
  }
}

export function sessionCheck(doc: Issue): SessionCheck {
  return {
    fragments: doc.pages.reduce((n, p) => n + p.fragments.length, 0),
    articles: doc.articles.length,
    placed: doc.articles.reduce((n, a) => n + a.items.length, 0),
    pool: doc.pool.length,
    discarded: doc.discarded.length,
    history: doc.history.length,
    nextId: doc.nextId,
  };
}

/** The base file's payload, from the base document's JSON. */
export function basePayloadText(baseJson: string): string {
  return `{"kind":"${BASE_KIND}","v":${SESSION_VERSION},"doc":${baseJson}}`;
}

/** The steps payload; with `baseJson` the base is inline (one payload), else `meta.baseRef` names its file. */
export function stepsPayloadText(meta: Record<string, unknown>, steps: SessionStep[], baseJson?: string): string {
  const head = `{"kind":"${SESSION_KIND}","v":${SESSION_VERSION},"meta":${JSON.stringify(meta)},"steps":${JSON.stringify(steps)}`;
  return baseJson === undefined ? `${head}}` : `${head},"base":${baseJson}}`;
}

/** The base file a steps payload needs, if it is not inline (read it and pass it to `readSessionPayload`). */
export function baseRefOf(payload: string): string | null {
  try {
    const ref = (JSON.parse(payload) as { meta?: { baseRef?: unknown } })?.meta?.baseRef;
    return typeof ref === 'string' ? ref : null;
  } catch {
    return null; // readSessionPayload reports the damage
  }
}

const isStep = (e: unknown): e is SessionStep => {
  const x = e as SessionStep;
  return (
    !!x &&
    typeof x.id === 'number' &&
    typeof x.label === 'string' &&
    typeof x.at === 'number' &&
    !!x.op &&
    typeof x.op === 'object'
  );
};

/**
 * Reads a payload's layout: kind and version, the base (inline or from `basePayload`) checked like an issue file
 * (schema and no-text-lost semantics), the steps' shape and the undo/redo split. The replay is the caller's.
 * @throws SessionPayloadError `newer` for a payload of a newer build (kept, not loaded), `damaged` otherwise.
 */
export function readSessionPayload(
  payload: string,
  basePayload?: string,
): { base: Issue; meta: Record<string, unknown>; steps: SessionStep[]; past: number } {
  let raw: { kind?: unknown; v?: unknown; meta?: Record<string, unknown>; steps?: unknown; base?: unknown };
  try {
    raw = JSON.parse(payload) as typeof raw;
  } catch (e) {
    throw new SessionPayloadError(`the recovery data is damaged (${(e as Error).message})`, 'damaged');
  }
  if (!raw || raw.kind !== SESSION_KIND)
    throw new SessionPayloadError('the recovery data is not a Galley session', 'damaged');
  if (typeof raw.v !== 'number' || raw.v > SESSION_VERSION) {
    throw new SessionPayloadError(
      `the recovery data was written by a newer Galley (session format ${String(raw.v)}; this build reads ${SESSION_VERSION}); update Galley to restore it`,
      'newer',
    );
  }
  if (raw.base === undefined && basePayload !== undefined) {
    let b: { kind?: unknown; v?: unknown; doc?: unknown };
    try {
      b = JSON.parse(basePayload) as typeof b;
    } catch (e) {
      throw new SessionPayloadError(`the recovered base document is damaged (${(e as Error).message})`, 'damaged');
    }
    if (b?.kind !== BASE_KIND)
      throw new SessionPayloadError('the recovered base document is not a Galley session base', 'damaged');
    if (typeof b.v !== 'number' || b.v > SESSION_VERSION)
      throw new SessionPayloadError(
        `the recovery data was written by a newer Galley (session format ${String(b.v)}; this build reads ${SESSION_VERSION}); update Galley to restore it`,
        'newer',
      );
    raw.base = b.doc;
  }
  if (raw.base === undefined)
    throw new SessionPayloadError('the recovered document is missing (its base file is gone)', 'damaged');
  let base: Issue;
  try {
    base = validateIssue(raw.base);
  } catch (e) {
    throw new SessionPayloadError(`the recovered document is damaged: ${(e as Error).message}`, 'damaged');
  }
  const meta = raw.meta ?? {};
  const steps = Array.isArray(raw.steps) ? raw.steps : [];
  const past = typeof meta.past === 'number' ? meta.past : -1;
  if (!steps.every(isStep) || past < 0 || past > steps.length)
    throw new SessionPayloadError('the recovered undo history is damaged', 'damaged');
  return { base, meta, steps, past };
}
