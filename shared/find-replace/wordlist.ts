import { z } from 'zod';
import type { Issue } from '../model/types';
import { type FindHit, type FindQuery, FindError, MAX_HITS, compileQuery, findAll, searchOrder } from './find';

/**
 * The newsroom word list: corrections of repeated OCR confusions that an editor keeps in a small local file and
 * applies to every issue (`人职` → `入职`). Two file forms:
 *
 * TSV (UTF-8), one entry a line, `#` starts a comment line, empty lines are ignored:
 *   wrong<TAB>right[<TAB>note[<TAB>flags]]
 * where flags is a comma list of `regex` (wrong is a regular expression, right may use $1) and `ignore-case`.
 *
 * JSON: `{ "format": "galley-wordlist", "version": 1, "entries": [{ "wrong", "right", "note"?, "regex"?, "ignoreCase"? }] }`.
 */
export interface WordListEntry {
  wrong: string;
  right: string;
  note?: string;
  regex?: boolean;
  ignoreCase?: boolean;
  /** 1-based line of the TSV file (or index + 1 in JSON), for messages. */
  line: number;
}

export interface WordListProblem {
  line: number;
  message: string;
}

export type WordListParse = { ok: true; entries: WordListEntry[] } | { ok: false; problems: WordListProblem[] };

export const MAX_WORDLIST_ENTRIES = 10_000;

const JsonEntry = z.strictObject({
  wrong: z.string().min(1).max(1000),
  right: z.string().max(1000),
  note: z.string().max(2000).optional(),
  regex: z.boolean().optional(),
  ignoreCase: z.boolean().optional(),
});
const JsonList = z.strictObject({
  format: z.literal('galley-wordlist'),
  version: z.literal(1),
  entries: z.array(JsonEntry).max(MAX_WORDLIST_ENTRIES),
});

function check(entries: WordListEntry[], problems: WordListProblem[]): WordListParse {
  const seen = new Map<string, number>();
  for (const e of entries) {
    if (!e.wrong) problems.push({ line: e.line, message: 'the wrong form is empty' });
    else if (e.wrong === e.right && !e.regex)
      problems.push({ line: e.line, message: `"${e.wrong}" is replaced by itself` });
    try {
      if (e.wrong) compileQuery({ find: e.wrong, regex: e.regex, caseSensitive: !e.ignoreCase });
    } catch (err) {
      problems.push({ line: e.line, message: (err as Error).message });
    }
    const key = `${e.regex ? 're:' : ''}${e.ignoreCase ? e.wrong.toLowerCase() : e.wrong}`;
    const first = seen.get(key);
    if (first !== undefined)
      problems.push({ line: e.line, message: `"${e.wrong}" is already listed on line ${first}` });
    else seen.set(key, e.line);
  }
  if (entries.length > MAX_WORDLIST_ENTRIES)
    problems.push({ line: 0, message: `the list has ${entries.length} entries; at most ${MAX_WORDLIST_ENTRIES}` });
  problems.sort((a, b) => a.line - b.line);
  return problems.length ? { ok: false, problems } : { ok: true, entries };
}

/** Parses a TSV word list. Never throws: every problem comes back with its line. */
export function parseWordListTsv(text: string): WordListParse {
  const entries: WordListEntry[] = [];
  const problems: WordListProblem[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const line = i + 1;
      if (!raw.trim() || raw.trimStart().startsWith('#')) return;
      const cols = raw.split('\t');
      if (cols.length < 2) {
        problems.push({ line, message: 'expected wrong<TAB>right (no tab found)' });
        return;
      }
      if (cols.length > 4) {
        problems.push({ line, message: `expected at most 4 tab-separated columns, found ${cols.length}` });
        return;
      }
      const [wrong, right, note, flagText] = cols;
      const flags = (flagText ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = flags.filter((f) => f !== 'regex' && f !== 'ignore-case');
      if (unknown.length) {
        problems.push({ line, message: `unknown flag "${unknown[0]}"; flags are regex, ignore-case` });
        return;
      }
      entries.push({
        wrong,
        right,
        line,
        ...(note?.trim() ? { note: note.trim() } : {}),
        ...(flags.includes('regex') ? { regex: true } : {}),
        ...(flags.includes('ignore-case') ? { ignoreCase: true } : {}),
      });
    });
  return check(entries, problems);
}

/** Parses a JSON word list (see the file comment). Never throws. */
export function parseWordListJson(text: string): WordListParse {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, problems: [{ line: 0, message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const r = JsonList.safeParse(data);
  if (!r.success) {
    return {
      ok: false,
      problems: r.error.issues.slice(0, 20).map((i) => ({
        line: typeof i.path[1] === 'number' ? i.path[1] + 1 : 0,
        message: `${i.path.join('.') || 'file'}: ${i.message}`,
      })),
    };
  }
  return check(
    r.data.entries.map((e, i) => ({ ...e, line: i + 1 })),
    [],
  );
}

/** By file name: `.json` is JSON, anything else TSV. */
export function parseWordList(text: string, fileName = 'wordlist.tsv'): WordListParse {
  return /\.json$/i.test(fileName) ? parseWordListJson(text) : parseWordListTsv(text);
}

/** Writes entries back as TSV (for an editor that adds an entry from the UI). */
export function formatWordListTsv(entries: readonly Omit<WordListEntry, 'line'>[]): string {
  const head = '# Galley word list: wrong<TAB>right<TAB>note<TAB>flags (regex, ignore-case)\n';
  return (
    head +
    entries
      .map((e) => {
        const flags = [e.regex ? 'regex' : '', e.ignoreCase ? 'ignore-case' : ''].filter(Boolean).join(',');
        return [e.wrong, e.right, e.note ?? '', flags].join('\t').replace(/\t+$/, '');
      })
      .join('\n') +
    '\n'
  );
}

/**
 * Hits of every entry in the issue, in reading order, each tagged with its entry (`wordlist:LINE`). Where two
 * entries match overlapping text (`人学` inside `子女人学`), the longer match is listed first; `replaceOp` keeps
 * only one of them.
 */
export function findWordListHits(
  issue: Issue,
  entries: readonly WordListEntry[],
  scope: Omit<FindQuery, 'find' | 'replace' | 'regex' | 'caseSensitive' | 'source'> = {},
): { hits: FindHit[]; truncated: boolean } {
  const all: FindHit[] = [];
  let truncated = false;
  for (const e of entries) {
    try {
      const r = findAll(issue, {
        ...scope,
        find: e.wrong,
        replace: e.right,
        regex: e.regex,
        caseSensitive: !e.ignoreCase,
        source: `wordlist:${e.line}`,
      });
      all.push(...r.hits);
      truncated ||= r.truncated;
    } catch (err) {
      if (!(err instanceof FindError)) throw err;
    }
  }
  const order = new Map(searchOrder(issue, scope).map((x, i) => [x.id, i]));
  all.sort((a, b) => order.get(a.fragmentId)! - order.get(b.fragmentId)! || a.start - b.start || b.end - a.end);
  for (const h of all) h.id = `${h.fragmentId}@${h.start}:${h.source}`;
  return { hits: all.slice(0, MAX_HITS), truncated: truncated || all.length > MAX_HITS };
}
