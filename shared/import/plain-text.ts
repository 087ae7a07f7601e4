import type { Fragment, Page, Span } from '../model/types';

/**
 * Plain extracted text → one page. One fragment per blank-line-separated block; a leading `#`…`######` mark
 * becomes a hint (and a markup span of the original) rather than text. Spans point exactly into `original`.
 */
export interface PlainTextPageOptions {
  pageId: string;
  label: string;
  encoding: string;
  sourceName?: string;
}

const HEADING = /^(#{1,6})[ \t]+/;

export function pageFromPlainText(original: string, opts: PlainTextPageOptions): Page {
  const fragments: Fragment[] = [];
  const markup: Span[] = [];
  let n = 0;
  const lines = original.split('\n');
  let offset = 0;
  let blockStart = -1;
  let blockEnd = -1;
  const flush = () => {
    if (blockStart < 0) return;
    let start = blockStart;
    const end = blockEnd;
    let hint: string | undefined;
    const m = HEADING.exec(original.slice(start, end));
    if (m) {
      hint = `h${m[1].length}`;
      markup.push({ start, end: start + m[0].length });
      start += m[0].length;
    }
    if (end > start) {
      n++;
      fragments.push({
        id: `${opts.pageId}.${n}`,
        page: opts.pageId,
        spans: [{ start, end }],
        text: original.slice(start, end),
        role: hint ? 'headline' : 'body',
        ...(hint ? { hint } : {}),
      });
    }
    blockStart = -1;
  };
  for (const line of lines) {
    const lineEnd = offset + line.length;
    if (line.trim() === '') {
      flush();
    } else {
      const lead = line.length - line.trimStart().length;
      const trail = line.length - line.trimEnd().length;
      if (blockStart < 0) blockStart = offset + lead;
      blockEnd = lineEnd - trail;
    }
    offset = lineEnd + 1;
  }
  flush();
  return {
    id: opts.pageId,
    label: opts.label,
    original,
    encoding: opts.encoding,
    markup,
    fragments,
    ...(opts.sourceName ? { source: { name: opts.sourceName, format: 'text' } } : {}),
  };
}
