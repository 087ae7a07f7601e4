import { parseArgs } from 'node:util';
import { readInputFile } from '../../host/services/read-input';
import { loadIssueFile, saveIssueFile } from '../../host/services/issue-files';
import { CLEANUP_RULES, type CleanupRule, cleanupOp, previewCleanup } from '../../../shared/cleanup';
import { findWordListHits, parseWordList, replaceOp } from '../../../shared/find-replace';
import { applyOp } from '../../../shared/ops';
import { CliError, type CliIO } from '../cli-error';

export const cleanupHelp = `galley cleanup ISSUE.galley.json [--rule ${CLEANUP_RULES.join('|')}]... [--article ID]... [--pool] [--wordlist LIST.tsv|.json] [--json] [--apply [-o OUT]]`;

function show(text: string, start: number, end: number): string {
  const ctx = (s: string) => s.replace(/\n/g, '⏎');
  return `${ctx(text.slice(Math.max(0, start - 6), start))}[${ctx(text.slice(start, end))}]${ctx(text.slice(end, end + 6))}`;
}

/**
 * `galley cleanup`: previews Cleanup (and, with `--wordlist`, the word list's replacements) over an issue; with
 * `--apply` writes the result (to `-o` or in place) as recorded corrections, one per step, so they can be undone.
 * Without `--apply` nothing is written: the preview lists every change with fragment, offset, before and after.
 */
export async function cleanupCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      rule: { type: 'string', multiple: true },
      article: { type: 'string', multiple: true },
      pool: { type: 'boolean' },
      wordlist: { type: 'string' },
      json: { type: 'boolean' },
      apply: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
    },
  });
  if (positionals.length !== 1) throw new CliError(`cleanup takes one issue file: ${cleanupHelp}`);
  const rules = (values.rule ?? [...CLEANUP_RULES]) as CleanupRule[];
  const bad = rules.find((r) => !CLEANUP_RULES.includes(r));
  if (bad) throw new CliError(`unknown rule "${bad}"; rules: ${CLEANUP_RULES.join(', ')}`);
  if (values.output && !values.apply) throw new CliError('-o needs --apply');
  let issue = await loadIssueFile(positionals[0]);
  const scope = { ...(values.article?.length ? { articleIds: values.article } : {}), includePool: !!values.pool };
  const preview = previewCleanup(issue, { ...scope, rules });

  let wordHits: ReturnType<typeof findWordListHits>['hits'] = [];
  if (values.wordlist) {
    const parsed = parseWordList(await readWordList(values.wordlist), values.wordlist);
    if (!parsed.ok)
      throw new CliError(
        `the word list ${values.wordlist} has problems:\n${parsed.problems.map((p) => `  line ${p.line}: ${p.message}`).join('\n')}`,
      );
    wordHits = findWordListHits(issue, parsed.entries, scope).hits;
  }

  if (values.json) {
    io.out(JSON.stringify({ cleanup: preview, wordlist: wordHits }, null, 2));
  } else {
    for (const f of preview.fragments) {
      for (const c of f.changes)
        io.out(
          `${f.fragmentId} p.${f.page} @${c.start} ${c.rule}: ${show(f.before, c.start, c.end)} → ${JSON.stringify(c.after)}`,
        );
    }
    for (const h of wordHits)
      io.out(
        `${h.fragmentId} p.${h.page} @${h.start} ${h.source}: ${h.contextBefore}[${h.match}]${h.contextAfter} → ${h.replacement}`,
      );
    io.out(
      `${preview.changeCount} cleanup change(s) in ${preview.fragments.length} fragment(s)${values.wordlist ? `, ${wordHits.length} word-list hit(s)` : ''}`,
    );
  }
  if (!values.apply) return 0;
  const op = cleanupOp(issue, preview);
  if (op) issue = applyOp(issue, op, { by: 'galley cleanup' }).issue;
  if (values.wordlist) {
    // Word-list hits are found again on the cleaned text, so their offsets match what is now there.
    const parsed = parseWordList(await readWordList(values.wordlist), values.wordlist);
    if (parsed.ok) {
      const r = replaceOp(issue, findWordListHits(issue, parsed.entries, scope).hits);
      if (r.op) issue = applyOp(issue, r.op, { by: 'galley cleanup' }).issue;
    }
  }
  const out = values.output ?? positionals[0];
  await saveIssueFile(out, issue);
  io.out(`applied → ${out}`);
  return 0;
}

/** A word list is a small UTF-8 table: a regular file, bounded, and never read with U+FFFD for damaged bytes. */
const MAX_WORDLIST_BYTES = 64 * 1024 * 1024;
async function readWordList(file: string): Promise<string> {
  const bytes = await readInputFile(file, { maxBytes: MAX_WORDLIST_BYTES, what: 'a word list' });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`the word list ${file} is not UTF-8 text; save it as UTF-8 and try again`);
  }
}
