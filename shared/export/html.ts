import {
  LOST_TEXT_MARK,
  lostMarkSeparator,
  type ExportArticle,
  type ExportDocument,
  type ExportParagraph,
} from './build';
import { StripReport } from './xml-text';

/**
 * HTML: one self-contained, printable page. Every text goes through `escapeHtml` (markup is never built from
 * text), a strict CSP forbids scripts, network and frames even if something slipped through, and the styles are
 * inline so the file works offline and prints cleanly. Control characters a browser would drop or turn into
 * U+FFFD (NUL, lone surrogates, …) are stripped and reported, as for the XML formats.
 */
export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESC[c]);
}

const STYLE = `
:root { color-scheme: light; }
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", sans-serif;
  font-size: 16px; line-height: 1.7; color: #111; background: #fff; max-width: 42em; margin: 2em auto; padding: 0 1.5em; }
header.issue { border-bottom: 2px solid #111; margin-bottom: 2em; }
header.issue h1 { font-size: 1.6em; margin: 0 0 .2em; }
header.issue p { margin: 0 0 .8em; color: #444; }
article { margin: 0 0 3em; }
article + article { border-top: 1px solid #bbb; padding-top: 2em; }
.kicker, .deck { font-size: 1.05em; color: #333; margin: .2em 0; }
h2 { font-size: 1.5em; line-height: 1.35; margin: .2em 0 .5em; }
h3 { font-size: 1.15em; margin: 1.2em 0 .4em; }
p { margin: 0 0 .8em; text-indent: 2em; white-space: pre-line; }
p.kicker, p.deck, p.byline, p.dateline, p.caption, p.credit, p.jump { text-indent: 0; }
.byline, .dateline { color: #333; }
figure { margin: 1em 0; padding: .5em 1em; border-left: 3px solid #999; }
.caption { font-size: .92em; color: #333; margin: 0; }
.credit { font-size: .85em; color: #555; margin: 0; }
.jump { font-style: italic; color: #555; }
.meta { font-size: .8em; color: #666; text-indent: 0; }
@media print { body { max-width: none; margin: 0; } article { break-inside: auto; } article + article { break-before: page; border: 0; } }
`;

type Clean = (text: string) => string;

function paragraphHtml(p: ExportParagraph, clean: Clean): string {
  // Text lost at the end of the paragraph: the house-style mark, as its own element so a style sheet can set it apart.
  const t =
    escapeHtml(clean(p.text)) +
    (p.lostMark ? `${lostMarkSeparator(p.text)}<span class="text-lost">${LOST_TEXT_MARK}</span>` : '');
  switch (p.role) {
    case 'headline':
      return `<h2>${t}</h2>`;
    case 'kicker':
      return `<p class="kicker">${t}</p>`;
    case 'deck':
      return `<p class="deck">${t}</p>`;
    case 'subhead':
      return `<h3>${t}</h3>`;
    case 'caption':
      return `<figure><p class="caption">${t}</p></figure>`;
    case 'credit':
      return `<p class="credit">${t}</p>`;
    case 'byline':
    case 'dateline':
    case 'jump':
      return `<p class="${p.role}">${t}</p>`;
    default:
      return `<p>${t}</p>`;
  }
}

export function articleHtml(a: ExportArticle, report = new StripReport()): string {
  const clean: Clean = (t) => report.clean(t, a.title || a.id);
  const body = a.paragraphs.map((p) => paragraphHtml(p, clean)).join('\n');
  const meta = a.pages.length ? `\n<p class="meta">${escapeHtml(clean(`p. ${a.pages.join(', ')}`))}</p>` : '';
  return `<article>\n${body}${meta}\n</article>`;
}

/** A language tag from the text: Chinese text gets `zh` so browsers pick CJK fonts and line breaking. */
function langOf(doc: ExportDocument, articles: readonly ExportArticle[]): string {
  const han = /\p{Script=Han}/u;
  return han.test(doc.issue.title) || articles.some((a) => a.paragraphs.some((p) => han.test(p.text))) ? 'zh' : 'und';
}

function page(doc: ExportDocument, title: string, articles: readonly ExportArticle[], report: StripReport): string {
  const clean: Clean = (t) => report.clean(t, doc.issue.title);
  const sub = clean([doc.issue.publication, doc.issue.date].filter(Boolean).join(' · '));
  return `<!DOCTYPE html>
<html lang="${langOf(doc, articles)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Galley">
<title>${escapeHtml(clean(title))}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="issue"><h1>${escapeHtml(clean(doc.issue.title))}</h1>${sub ? `<p>${escapeHtml(sub)}</p>` : ''}</header>
<main>
${articles.map((a) => articleHtml(a, report)).join('\n')}
</main>
</body>
</html>
`;
}

/** The whole issue as one HTML page, articles in board order. */
export function toHtml(doc: ExportDocument, report = new StripReport()): string {
  return page(doc, doc.issue.title, doc.articles, report);
}

/** One article as its own HTML page. */
export function articleToHtml(doc: ExportDocument, a: ExportArticle, report = new StripReport()): string {
  return page(doc, a.title || doc.issue.title, [a], report);
}
