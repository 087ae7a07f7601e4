import type { TFunction } from 'i18next';

/**
 * The engine writes its reasons in English with the evidence inline (`ends mid-word: 建|设`). The workbench shows
 * them in the UI language: known patterns are translated with their evidence kept; an unknown one (a reason added
 * to the engine later) is shown as written rather than hidden.
 */
const PATTERNS: Array<[RegExp, string]> = [
  [/^ends mid-word: (.+)$/, 'suggest.reason.midWord'],
  [/^reads on: (.+)$/, 'suggest.reason.readsOn'],
  [/^(“.+”) occurs elsewhere on the page$/, 'suggest.reason.repeats'],
  [/^same topic$/, 'suggest.reason.topic'],
  [/^next in extraction order$/, 'suggest.reason.next'],
  [/^beside it in extraction order$/, 'suggest.reason.beside'],
  [/^B starts with (.+)$/, 'suggest.reason.startsWith'],
  [/^A ends with an opening (.+)$/, 'suggest.reason.endsOpener'],
  [/^closes a bracket or quote A left open$/, 'suggest.reason.closes'],
  [/^word hyphenated across the cut$/, 'suggest.reason.hyphen'],
  [/^B starts in lower case$/, 'suggest.reason.lower'],
  [/^lead paragraph after the headline$/, 'suggest.reason.lead'],
  [/^heading group$/, 'suggest.reason.heading'],
  [/^placed by you$/, 'suggest.reason.yours'],
  [/^starts an article \((.+)\)$/, 'suggest.reason.startsArticle'],
  [/^a photo caption .*$/, 'suggest.reason.caption'],
  [/^a photo credit .*$/, 'suggest.reason.credit'],
  [/^B’s first line fills the column: it continues a paragraph$/, 'suggest.reason.fullLine'],
  [/^B’s first line is indented: it opens a paragraph$/, 'suggest.reason.indented'],
  [/^continued from page (\S+) \((.+)\)$/, 'suggest.reason.continuedFrom'],
  [/^page (.+) jumps here \((.+)\)$/, 'suggest.reason.jumpsHere'],
  [/^page .+'s part ends mid-sentence \((.+)\)$/, 'suggest.reason.partOpen'],
  [/^join across the page (.+)$/, 'suggest.reason.joinAcross'],
  [/^topic similarity (.+)$/, 'suggest.reason.topicScore'],
  [/^the jump line's keyword (.+) is in the headline$/, 'suggest.reason.keywordTitle'],
  [/^the jump line's keyword (.+) is in the text$/, 'suggest.reason.keywordText'],
  [/^no (.+) in this article$/, 'suggest.reason.keywordMissing'],
  [/^jump line \((.+)\), kept after the text it links$/, 'suggest.reason.jumpLine'],
  [/^the paragraph goes on across the page$/, 'suggest.reason.acrossPage'],
  [/^interleaved columns: each line continues (.+) places on$/, 'suggest.reason.stride'],
  [/^interleaved columns: the foot of one column goes on at the top of the next$/, 'suggest.reason.columnFoot'],
  [
    /^set-apart lines: this column’s paragraph starts and ends came after its full lines, last first$/,
    'suggest.reason.setApart',
  ],
];

export function reasonText(reason: string, t: TFunction): string {
  for (const [re, key] of PATTERNS) {
    const m = re.exec(reason);
    if (!m) continue;
    // `starts an article (kicker)`: the role in the UI language too.
    const x =
      key === 'suggest.reason.startsArticle' ? t(`role.${m[1]}` as 'role.body', { defaultValue: m[1] }) : (m[1] ?? '');
    return t(key as 'suggest.reason.midWord', { x, y: m[2] ?? '', interpolation: { escapeValue: false } });
  }
  return reason;
}
