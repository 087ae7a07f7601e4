import type { Role } from '../model/types';
import { type TextChange, mergeChanges } from './text-change';
import { CLEANUP_RULES, type CleanupRule, dash, dehyphenate, punctuation, quotes, wrapSpaces } from './rules';

/** One fragment of a paragraph (a fragment and the ones joined to it), in article order. */
export interface CleanupPart {
  text: string;
  role: Role;
}

export interface ParagraphOptions {
  rules?: readonly CleanupRule[];
  /** Text of the fragment after the paragraph (for a dash at a cut between paragraphs). */
  next?: string;
}

/** Roles whose spaces separate names: the space rule leaves them alone. */
const NAME_ROLES: ReadonlySet<Role> = new Set(['byline', 'credit']);

/**
 * Runs the text rules over a paragraph and returns, per part, the changes against that part's text (sorted, not
 * overlapping). The parts are read as one text with a line break at each cut, so quotes pair across a paragraph
 * cut over two columns and a dash at a cut sees its continuation; no change ever spans two fragments.
 */
export function cleanupParagraph(parts: readonly CleanupPart[], opts: ParagraphOptions = {}): TextChange[][] {
  const rules = new Set(opts.rules ?? CLEANUP_RULES);
  const starts: number[] = [];
  let joined = '';
  parts.forEach((p, k) => {
    if (k) joined += '\n';
    starts.push(joined.length);
    joined += p.text;
  });
  const input = { text: joined, tail: opts.next };
  const lists: TextChange[][] = [];
  if (rules.has('dash')) lists.push(dash(input));
  if (rules.has('quotes')) lists.push(quotes(input));
  if (rules.has('punctuation')) lists.push(punctuation(input));
  if (rules.has('cjk-spaces')) lists.push(wrapSpaces(input));
  const perPart: TextChange[][] = parts.map(() => []);
  for (const c of mergeChanges(lists)) {
    for (let k = 0; k < parts.length; k++) {
      const s = starts[k];
      const e = s + parts[k].text.length;
      if (c.end <= s || c.start >= e) continue;
      if (c.rule === 'cjk-spaces' && NAME_ROLES.has(parts[k].role)) continue;
      if (c.start >= s && c.end <= e) perPart[k].push({ ...c, start: c.start - s, end: c.end - s });
      else if (c.after === '') {
        // A deleted space run that reaches over a cut: delete the part of it inside this fragment.
        const from = Math.max(c.start, s) - s;
        const to = Math.min(c.end, e) - s;
        perPart[k].push({ ...c, start: from, end: to, before: parts[k].text.slice(from, to) });
      }
    }
  }
  if (rules.has('dehyphenate')) {
    for (let k = 0; k + 1 < parts.length; k++) {
      const d = dehyphenate(parts[k].text, parts[k + 1].text);
      if (d && !perPart[k].some((c) => c.end > d.start)) perPart[k].push(d);
    }
  }
  return perPart;
}
