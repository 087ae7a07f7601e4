/** A change shown in context: a few characters either side, the changed part kept apart for highlighting. */
export interface Snippet {
  before: string;
  removed: string;
  added: string;
  after: string;
  cutStart: boolean;
  cutEnd: boolean;
}

/** Line breaks shown as ⏎ so that a removed line break is visible in the preview. */
const visible = (s: string) => s.replace(/\r\n|\r|\n|\u2028|\u2029/g, '⏎');

/** `CONTEXT` characters around [start, end) of `text`, and the change from `removed` to `added`. */
export function snippetOf(text: string, start: number, end: number, added: string, context = 10): Snippet {
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  return {
    before: visible(text.slice(from, start)),
    removed: visible(text.slice(start, end)),
    added: visible(added),
    after: visible(text.slice(end, to)),
    cutStart: from > 0,
    cutEnd: to < text.length,
  };
}
