/**
 * A reported change to a text: the half-open UTF-16 range [start, end) of the *input* text, what stood there and
 * what replaces it. Cleanup rules and find & replace never change a character they do not report, so the UI can
 * show every change as a diff and let the editor accept or skip each one.
 */
export interface TextChange {
  start: number;
  end: number;
  before: string;
  after: string;
  /** Which rule (or word-list entry) proposed it, e.g. `punctuation`. */
  rule: string;
}

/**
 * Applies changes to the text they were computed on. Changes must be sorted by `start` and must not overlap;
 * `before` must match the text (a stale change is refused rather than applied to the wrong characters).
 */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let out = '';
  let pos = 0;
  for (const c of changes) {
    if (c.start < pos) throw new Error(`overlapping changes at ${c.start}`);
    if (text.slice(c.start, c.end) !== c.before) throw new Error(`stale change at ${c.start}: expected "${c.before}"`);
    out += text.slice(pos, c.start) + c.after;
    pos = c.end;
  }
  return out + text.slice(pos);
}

/**
 * Sorts changes and drops any that overlap an earlier one (the first rule listed wins), so that rules computed
 * independently on the same input can be combined.
 */
export function mergeChanges(lists: readonly (readonly TextChange[])[]): TextChange[] {
  const all = lists.flatMap((l, rank) => l.map((c) => ({ c, rank })));
  all.sort((x, y) => x.c.start - y.c.start || x.rank - y.rank || x.c.end - y.c.end);
  const out: TextChange[] = [];
  let pos = 0;
  for (const { c } of all) {
    // A zero-length insertion at `pos` is fine; anything starting inside a taken range is dropped.
    if (c.start < pos || (c.start === pos && out.length && out[out.length - 1].start === c.start && c.start === c.end))
      continue;
    out.push(c);
    pos = Math.max(pos, c.end);
  }
  return out;
}
