import { z } from 'zod';
import { IssueSchema, ISSUE_FORMAT, SCHEMA_VERSION } from '../model/schema';
import type { Issue } from '../model/types';
import { audit } from '../audit/audit';

/** A file that cannot be opened, with a message that says what is wrong and what to do. */
export class IssueFileError extends Error {
  constructor(
    message: string,
    readonly code: 'not-json' | 'truncated' | 'not-galley' | 'newer-version' | 'invalid' | 'too-large',
  ) {
    super(message);
    this.name = 'IssueFileError';
  }
}

export const MAX_ISSUE_CHARS = 512 * 1024 * 1024 - 1;

/** Issues `parseIssue` returned, checked whole: the host contract passes them without a second schema check. */
const validated = new WeakSet<object>();

/**
 * True for an issue object that `parseIssue` itself produced (in this JS realm). Callers must not have modified
 * it since: the handlers hand it straight to the transport.
 */
export function isValidatedIssue(v: unknown): boolean {
  return typeof v === 'object' && v !== null && validated.has(v);
}

/**
 * Text of a `*.galley.json` file → a validated issue. Checks, in order: JSON syntax (truncation told apart),
 * that it is a Galley file, its schema version, the schema, then the semantics the schema cannot express:
 * duplicate ids, spans outside their original, fragments placed twice or not at all, text covered twice.
 */
export function parseIssue(json: string): Issue {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    const msg = (e as Error).message.replace(/\s+/g, ' '); // V8 quotes the bad input, newlines included
    // A cut-off file fails at its very end, whatever token the cut landed in; damage elsewhere fails earlier.
    const at = /at position (\d+)/.exec(msg);
    const atEnd = at ? Number(at[1]) >= json.trimEnd().length : /end of JSON/i.test(msg);
    if (atEnd || json.trim() === '') {
      throw new IssueFileError(
        `the file is truncated (${msg}); open its .bak copy or a recovery file instead`,
        'truncated',
      );
    }
    throw new IssueFileError(`the file is not JSON (${msg}); is it really a .galley.json issue?`, 'not-json');
  }
  return validateIssue(raw);
}

/**
 * An already parsed JSON value → a validated issue: the checks of `parseIssue` after the JSON syntax, for a value
 * that arrived parsed (a recovery payload), so that it is not serialized and parsed again only to be checked.
 * @throws IssueFileError
 */
export function validateIssue(raw: unknown): Issue {
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== ISSUE_FORMAT) {
    throw new IssueFileError(
      'this is not a Galley issue file (no "format": "galley-issue"); import pages with Import instead',
      'not-galley',
    );
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new IssueFileError(
      `this issue was saved by a newer Galley (schema ${version}); this build reads up to schema ${SCHEMA_VERSION}. Update Galley to open it; the file was left untouched`,
      'newer-version',
    );
  }
  const parsed = IssueSchema.safeParse(raw);
  if (!parsed.success) {
    throw new IssueFileError(
      `the issue file is damaged: ${z.prettifyError(parsed.error).split('\n').slice(0, 6).join('; ')}`,
      'invalid',
    );
  }
  const issue = parsed.data as Issue;
  checkSemantics(issue);
  validated.add(issue);
  return issue;
}

function checkSemantics(issue: Issue): void {
  const dup = (kind: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id))
        throw new IssueFileError(`the issue file is damaged: ${kind} id "${id}" is used twice`, 'invalid');
      seen.add(id);
    }
  };
  dup(
    'page',
    issue.pages.map((p) => p.id),
  );
  dup(
    'article',
    issue.articles.map((a) => a.id),
  );
  dup(
    'fragment',
    issue.pages.flatMap((p) => p.fragments.map((f) => f.id)),
  );
  for (const p of issue.pages) {
    for (const f of p.fragments) {
      if (f.page !== p.id)
        throw new IssueFileError(
          `the issue file is damaged: fragment "${f.id}" sits on page "${p.id}" but names page "${f.page}"`,
          'invalid',
        );
      for (const s of f.spans) {
        if (s.end > p.original.length) {
          throw new IssueFileError(
            `the issue file is damaged: fragment "${f.id}" points outside the original text of page "${p.label}" (${s.start}–${s.end} of ${p.original.length})`,
            'invalid',
          );
        }
      }
    }
    for (const s of p.markup) {
      if (s.end > p.original.length)
        throw new IssueFileError(
          `the issue file is damaged: a markup span points outside page "${p.label}"`,
          'invalid',
        );
    }
  }
  const r = audit(issue);
  const m = r.misplaced[0];
  if (m) {
    const what =
      m.problem === 'placed-twice'
        ? 'is placed twice'
        : m.problem === 'not-placed'
          ? 'is in no article, pool or discard pile'
          : 'is referenced but does not exist';
    throw new IssueFileError(`the issue file is damaged: fragment "${m.id}" ${what}`, 'invalid');
  }
  if (r.duplicated.length) {
    const d = r.duplicated[0];
    throw new IssueFileError(
      `the issue file is damaged: text "${d.text.slice(0, 20)}" of page "${d.page}" belongs to two fragments`,
      'invalid',
    );
  }
  if (r.lost.length) {
    const d = r.lost[0];
    throw new IssueFileError(
      `the issue file is damaged: text "${d.text.slice(0, 20)}" of page "${d.page}" belongs to no fragment`,
      'invalid',
    );
  }
}

/** Serializes an issue for disk. Compact: a 100-page issue is written in one go on every save. */
export function serializeIssue(issue: Issue): string {
  return JSON.stringify(issue) + '\n';
}
