import type { FragFeatures } from './features';
import { parseJumpCues } from './cues';
import type { ArticleSuggestion, RoleSuggestion } from './types';

/**
 * Where articles start and end, from facts of print the heading marks do not carry (docs/suggestions.md, "Article
 * starts"). The page pass (engine.ts) asks this once per page:
 *
 * * `start[i]`: fragment i opens an article even without a headline: a paragraph that opens with a bracketed
 *   jump-from cue (`（上接第1版）帮助农民…`: the part of an article continued from another page), or the first text
 *   after a pen name that closes an item (`（小隱）` on its own line after a finished sentence: a brief ends there).
 * * `attach[i]`: fragment i is no running text of its own and goes at the end of the article of the text right
 *   before it in source order, as captions do: a closing pen name after its item. (A jump-to line on its own is
 *   moved after the ordering, `placeJumpLines`: as a unit it still votes on the page's interleaving offsets.)
 * * `splitAfter[i]`: heading i and heading i + 1 are the headlines of two articles, not one heading group: two
 *   unmarked headline-shaped lines followed by narrow lines read across two columns (two narrow articles side by
 *   side, each headline over its own column). A kicker over its headline is followed by its own article's text.
 * * `roles`: a short line right after a closing pen name is the next item's headline, not a subhead.
 */
export interface ArticleStarts {
  start: boolean[];
  attach: boolean[];
  splitAfter: boolean[];
  /** Headlines set side by side (their fragment indices, in source order), each over a narrow column read across. */
  sideBySide: number[][];
  /** Fragment i ends an item (its pen name closes it, or it is that pen name): nothing of its article follows. */
  closes: boolean[];
  roles: RoleSuggestion[];
}

/** A bracketed jump-from cue opening running text: the cue is printed at the start of the continued part. */
const LEAD_JUMP =
  /^[（(【〔[]\s*(?:上接|接上|紧接|續|续|承|接)\s*第?\s*[一二三四五六七八九十〇零两\d]{1,3}\s*版\s*[）)】〕\]]/;
/** A pen name alone in brackets (`（小隱）`, `（天馬）`): a byline of one to five characters. */
const PEN_NAME = /^[（(][\u4e00-\u9fff·・]{1,5}[）)]$/;

/** A pen name in brackets closing running text: `…云、（老圃）` (group 1: the bracket). */
const PEN_INLINE = /[\u4e00-\u9fff、。，！？」』”]([（(][\u4e00-\u9fff·・]{1,4}[）)])$/u;
/** Brackets that close a serial instalment or number a part, not an item's author: （完）（續完）（待續）（上）. */
const END_MARK = /^[（(](?:完|續完|续完|待續|待续|未完|續|续|上|下|中|一|二|三)[）)]$/;
/** A title too short for the headline shape (`山人`, `平等`): a few characters without any punctuation. */
const SHORT_TITLE = /^[\u4e00-\u9fff]{1,12}$/u;
/**
 * A title line with Latin words in it (`改进 Debian 安装程序`), or in two parts (`如何覆盖软件包安装的文件，以使用一个不同的
 * 版本`): up to 30 characters, no punctuation but one comma inside.
 */
const TITLE_LINE = /^(?=.{2,30}$)[^\p{P}]+(?:[，,][^\p{P}]+)?$/u;
/** A serial number in brackets (`（三三七）`) heads an instalment; it closes nothing. */
const SERIAL = /^[（(][一二三四五六七八九十百千〇零]+[）)]$/;
/** Running text longer than this many characters is a paragraph, not one printed line of a narrow column. */
const PARAGRAPH_CHARS = 30;
/** Of the fragments right after a heading pair, at least this many of the next LOOKAHEAD are narrow one-line blocks. */
const BAND_LOOKAHEAD = 6;
const BAND_LINES = 4;
/** At most this many narrow articles stand side by side under their headlines. */
const MAX_SIDE_BY_SIDE = 3;
/** A line of a narrow column: at most this many characters (the widest narrow columns set 13–16 a line). */
const NARROW_LINE = 16;

export function articleStarts(
  F: FragFeatures[],
  roles: RoleSuggestion[],
  heading: boolean[],
  ambiguousPair: (a: FragFeatures, b: FragFeatures) => boolean,
  peers: (a: FragFeatures, b: FragFeatures) => boolean,
): ArticleStarts {
  const n = F.length;
  const start = new Array<boolean>(n).fill(false);
  const attach = new Array<boolean>(n).fill(false);
  const splitAfter = new Array<boolean>(n).fill(false);
  const closes = new Array<boolean>(n).fill(false);
  const out = roles.slice();
  const len = (f: FragFeatures) => [...f.text].length;
  // What follows a closing pen name opens the next item when it is a heading or a paragraph (a one-line sliver there
  // is a line of a neighbouring column, read across).
  const opens = (k: number): boolean => {
    const g = F[k];
    if (!g || g.page !== F[k - 1].page || g.jumpFrom) return false;
    return (
      heading[k] ||
      roles[k].role === 'subhead' ||
      (len(g) > PARAGRAPH_CHARS && !g.startsProhibited) ||
      SHORT_TITLE.test(g.text.trim()) ||
      TITLE_LINE.test(g.text.trim())
    );
  };
  for (let i = 0; i < n; i++) {
    const f = F[i];
    // A continued part: `（上接第1版）` printed at the head of its first paragraph (a short line of its own is a
    // jump line already, and a heading of the engine).
    if (!heading[i] && len(f) > PARAGRAPH_CHARS && LEAD_JUMP.test(f.text.normalize('NFKC').trim())) start[i] = true;
    // A pen name after a finished sentence closes the item; what follows opens the next one when it is a heading or
    // a paragraph (a one-line sliver after it is a line of a neighbouring column, read across).
    const pen = f.text.trim();
    // The pen name printed at the end of the item's last paragraph (`…維居住云、（老圃）`) closes it the same way.
    const inlinePen = PEN_INLINE.exec(pen);
    if (
      inlinePen &&
      !SERIAL.test(inlinePen[1]) &&
      !END_MARK.test(inlinePen[1]) &&
      (roles[i].role === 'body' || heading[i])
    ) {
      closes[i] = true;
      if (opens(i + 1)) start[i + 1] = true;
      // A headline-shaped item with its pen name is a whole item, no kicker over the next headline.
      if (heading[i]) splitAfter[i] = true;
      // The page's first text, closed by its pen name, is an item of its own (no headline of it on the page).
      if (roles[i].role === 'body' && (i === 0 || F[i - 1].page !== f.page)) start[i] = true;
      continue;
    }
    if (roles[i].role === 'byline' && PEN_NAME.test(pen) && !SERIAL.test(pen) && i > 0 && F[i - 1].page === f.page) {
      // Right under a headline a pen name is the article's byline, not its end, unless another heading follows it
      // (the "headline" was the item's whole unpunctuated text).
      const nextHeads = !!F[i + 1] && (heading[i + 1] || roles[i + 1].role === 'subhead');
      // A short title the shape test missed (`山人`) stands over its byline the same way.
      const underTitle = heading[i - 1] || SHORT_TITLE.test(F[i - 1].text.trim());
      if (underTitle && !nextHeads) continue;
      if (!underTitle && roles[i - 1].role !== 'body') continue;
      // Text cut mid-word (`…則何事不可改`) between a headline and a pen name was moved there from elsewhere: the pen
      // name stands under that headline.
      if (
        !underTitle &&
        i >= 2 &&
        heading[i - 2] &&
        !F[i - 1].complete &&
        !/[、，,。！？」』”）)]$/u.test(F[i - 1].text.trim())
      )
        continue;
      attach[i] = true;
      closes[i] = true;
      closes[i - 1] = true;
      if (!opens(i + 1)) continue;
      start[i + 1] = true;
      if (roles[i + 1].role === 'subhead')
        out[i + 1] = { role: 'headline', confidence: 0.7, reason: 'short line after the pen name that closes an item' };
    }
  }
  // Headlines side by side: a run of two or three heading lines, each pair of them either unmarked and headline-shaped
  // or marked at one level, followed by narrow lines read across the columns under them.
  const sideBySide: number[][] = [];
  for (let i = 0; i + 1 < n;) {
    let j = i;
    while (
      j + 1 < n &&
      j - i < MAX_SIDE_BY_SIDE - 1 &&
      heading[j] &&
      heading[j + 1] &&
      F[j + 1].page === F[i].page &&
      (ambiguousPair(F[j], F[j + 1]) || peers(F[j], F[j + 1]))
    )
      j++;
    if (j === i) {
      i++;
      continue;
    }
    let lines = 0;
    for (let k = j + 1; k < Math.min(n, j + 1 + BAND_LOOKAHEAD); k++) {
      const g = F[k];
      if (g.page !== F[i].page || heading[k]) break;
      // Bylines under the headlines (one per column) come first in the run.
      if (roles[k].role === 'byline') continue;
      if (
        roles[k].role === 'body' &&
        g.cjk &&
        g.headingLevel === 0 &&
        g.lineWidths.length <= 1 &&
        len(g) <= NARROW_LINE
      )
        lines++;
    }
    if (lines >= BAND_LINES && columnsFollowHeads(F, i, j, heading)) {
      const heads: number[] = [];
      for (let k = i; k <= j; k++) {
        heads.push(k);
        if (k < j) splitAfter[k] = true;
        out[k] = {
          role: 'headline',
          confidence: 0.6,
          reason: 'headline over a narrow column, next to another article',
        };
      }
      sideBySide.push(heads);
    }
    i = j + 1;
  }
  return { start, attach, splitAfter, closes, sideBySide, roles: out };
}

/** Confidence of an article start known from a jump-from cue or a closing pen name, not from a headline. */
export const START_CONFIDENCE = 0.8;

export function startReason(f: FragFeatures): string {
  return LEAD_JUMP.test(f.text.normalize('NFKC').trim())
    ? 'opens with a jump line: the part of an article continued from another page'
    : 'first text after the pen name that closes the item before it';
}

/**
 * The columns under headlines set side by side (`sideBySide`): the lines right after the headlines are read across
 * the columns row by row, the first under the first headline, so they take turns between the articles for as long as
 * the run of one-line blocks lasts (`inRun`). Where the shorter column ends the rest of the run is
 * the longer one's; the alternation gives those lines a first guess only, which the grouping rounds (regroup.ts) revise
 * by topic and links. Returns, per fragment index, the headline whose column holds it.
 */
export function pairColumns(
  F: FragFeatures[],
  sideBySide: number[][],
  inRun: (i: number) => boolean,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const heads of sideBySide) {
    const first = heads[heads.length - 1] + 1;
    for (let k = first; k < F.length && inRun(k) && F[k].page === F[first - 1].page; k++)
      out.set(k, heads[(k - first) % heads.length]);
  }
  return out;
}

/**
 * A jump-to line of its own (`（下转第2版）`) prints right under the part it closes: it goes right after the text that
 * stands before it in source order, whichever article the grouping filed it with (an article's part may end
 * anywhere in it, so it keeps its place when it is there already).
 */
export function placeJumpLines(articles: ArticleSuggestion[], F: FragFeatures[], roles: RoleSuggestion[]): void {
  const where = new Map<string, { a: number; k: number }>();
  const refresh = () => {
    where.clear();
    articles.forEach((a, ai) => a.items.forEach((it, k) => where.set(it.id, { a: ai, k })));
  };
  refresh();
  F.forEach((f, i) => {
    if (i === 0 || roles[i].role !== 'jump' || F[i - 1].page !== f.page) return;
    if (!parseJumpCues(f.text).some((c) => c.direction === 'to' && c.standalone)) return;
    const at = where.get(f.id);
    const before = where.get(F[i - 1].id);
    if (!at || !before || (at.a === before.a && at.k === before.k + 1)) return;
    const src = articles[at.a];
    const item = src.items[at.k];
    if (item.fixed || articles[before.a].items[before.k].fixed !== articles[before.a].items.at(-1)!.fixed) return;
    src.items.splice(at.k, 1);
    const dst = articles[before.a];
    dst.items.splice(dst.items.findIndex((it) => it.id === F[i - 1].id) + 1, 0, {
      ...item,
      join: false,
      confidence: roles[i].confidence,
      confident: item.confident,
      reasons: [`${roles[i].reason}: printed right under the text it closes`],
    });
    refresh();
  });
}

/** Lines of the run under headlines side by side that are read to tell their columns apart. */
const TOPIC_LINES = 40;

/**
 * Do the columns under headlines i…j follow the headlines? The lines after them are taken in turns (the first under
 * headline i); each headline's character bigrams should be found more in its own column's lines than in the others'.
 * A kicker over its headline, both over one article's two-column band, shares no more with one turn than the other.
 */
function columnsFollowHeads(F: FragFeatures[], i: number, j: number, heading: boolean[]): boolean {
  const k = j - i + 1;
  const cols: string[] = Array.from({ length: k }, () => '');
  for (let x = j + 1, t = 0; x < F.length && x <= j + TOPIC_LINES && !heading[x] && F[x].page === F[i].page; x++, t++)
    cols[t % k] += F[x].text;
  const found = (h: number, c: number) => {
    const t = [...F[h].text.replace(/[^\u3400-\u9fff]/gu, '')];
    let hits = 0;
    for (let q = 0; q + 1 < t.length; q++) if (cols[c].includes(t[q] + t[q + 1])) hits++;
    return hits;
  };
  let own = 0;
  let other = 0;
  for (let h = 0; h < k; h++)
    for (let c = 0; c < k; c++) {
      if (c === h) own += found(i + h, c);
      else other += found(i + h, c) / (k - 1);
    }
  return own > other;
}
