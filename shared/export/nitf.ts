import type { ExportArticle, ExportDocument, ExportParagraph } from './build';
import { StripReport, xmlEscape } from './xml-text';

/**
 * NITF 3.6 (IPTC News Industry Text Format): one XML document per article. The headline goes to
 * `body.head/hedline/hl1`, kicker and deck to `hl2`, byline and dateline to their elements, body paragraphs and
 * subheads (as `hl2`) to `body.content` in board order, captions and credits to `media`. Well-formed by
 * construction: every text is escaped and stripped of characters XML cannot hold.
 */
export const NITF_VERSION = '-//IPTC//DTD NITF 3.6//EN';

/**
 * Text lost at the end of a paragraph, as an editor's note at the point of loss. NITF 3.x has no inline editor's
 * note: the content of `<p>` is enriched text (chron, classifier, copyrite, event, …, a, br, em, lang, pronounce,
 * q), and `<note>` is a block that cannot stand inside a paragraph. A comment is valid anywhere and keeps the
 * published text as printed.
 */
export const LOST_TEXT_NOTE = "<!-- editor's note: text lost here -->";

function el(name: string, text: string, attrs = ''): string {
  return `<${name}${attrs}>${xmlEscape(text)}</${name}>`;
}

/** `2023-02-27` → `20230227` (NITF's ISO 8601 basic form); anything else is left out. */
function normDate(date: string | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? '');
  return m ? `${m[1]}${m[2]}${m[3]}` : null;
}

export function articleToNitf(doc: ExportDocument, a: ExportArticle, report = new StripReport()): string {
  const clean = (t: string) => report.clean(t, a.title || a.id);
  const text = (p: ExportParagraph) => clean(p.text);
  const heads = a.paragraphs.filter((p) => p.role === 'headline').map(text);
  const hl2 = a.paragraphs.filter((p) => p.role === 'kicker' || p.role === 'deck').map(text);
  const bylines = a.paragraphs.filter((p) => p.role === 'byline').map(text);
  const datelines = a.paragraphs.filter((p) => p.role === 'dateline').map(text);
  const title = clean(a.title) || heads[0] || '';
  const content: string[] = [];
  let media: string[] = [];
  const flushMedia = () => {
    if (media.length) content.push(`<media media-type="image">${media.join('')}</media>`);
    media = [];
  };
  for (const p of a.paragraphs) {
    if (p.role === 'caption') {
      media.push(el('media-caption', text(p)));
      continue;
    }
    if (p.role === 'credit') {
      media.push(el('media-producer', text(p)));
      continue;
    }
    flushMedia();
    if (p.role === 'subhead') content.push(el('hl2', text(p)));
    else if (!['headline', 'kicker', 'deck', 'byline', 'dateline'].includes(p.role))
      content.push(p.lostMark ? `<p>${xmlEscape(text(p))}${LOST_TEXT_NOTE}</p>` : el('p', text(p)));
  }
  flushMedia();
  const date = normDate(doc.issue.date);
  const docdata = [
    `<doc-id id-string="${xmlEscape(clean(`${doc.issue.id}/${a.id}`))}"/>`,
    ...(date ? [`<date.issue norm="${date}"/>`] : []),
  ].join('');
  const pubdata = `<pubdata type="print"${doc.issue.publication ? ` name="${xmlEscape(clean(doc.issue.publication))}"` : ''}${a.pages.length ? ` position.section="${xmlEscape(clean(a.pages.join(',')))}"` : ''}/>`;
  const hedline = `<hedline>${el('hl1', heads.join(' ') || title)}${hl2.map((h) => el('hl2', h)).join('')}</hedline>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<nitf version="${NITF_VERSION}">
<head>${el('title', title)}<docdata>${docdata}</docdata>${pubdata}</head>
<body>
<body.head>${hedline}${bylines.map((b) => el('byline', b)).join('')}${datelines.map((d) => el('dateline', d)).join('')}</body.head>
<body.content>
${content.join('\n')}
</body.content>
<body.end/>
</body>
</nitf>
`;
}
