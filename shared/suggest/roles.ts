import type { FragFeatures } from './features';
import type { RoleSuggestion } from './types';

/**
 * Role of each fragment from cues and its neighbours in source order. `#` marks only say "set large":
 * in a run of large lines the largest is the headline, lines before it kickers, after it decks.
 * A lone large line followed by a lead paragraph (dateline) is a headline; inside body text it is a subhead.
 */
export function classifyRoles(frags: FragFeatures[]): RoleSuggestion[] {
  const out: RoleSuggestion[] = frags.map((f) => baseRole(f));
  const centered = centeredLines(frags);
  const isHeading = headingFlags(frags, centered);
  let i = 0;
  while (i < frags.length) {
    if (!isHeading[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < frags.length && isHeading[j + 1] && !peerHeadings(frags[j], frags[j + 1])) j++;
    const next = frags[j + 1];
    if (j > i) {
      // A run: the largest type (smallest level; without hints the last line) is the headline.
      let best = j;
      for (let k = i; k <= j; k++) if (level(frags[k]) < level(frags[best])) best = k;
      for (let k = i; k <= j; k++) {
        if (k < best) out[k] = { role: 'kicker', confidence: 0.8, reason: 'large line above the headline' };
        else if (k === best) out[k] = { role: 'headline', confidence: 0.9, reason: 'largest line of a heading group' };
        else out[k] = { role: 'deck', confidence: 0.7, reason: 'large line below the headline' };
      }
    } else {
      const f = frags[i];
      if (next?.dateline || next?.byline)
        out[i] = { role: 'headline', confidence: 0.9, reason: 'large line before a dateline' };
      else if (f.headingLevel >= 4 || (f.headingLevel === 0 && [...f.text].length <= 12)) {
        out[i] = { role: 'subhead', confidence: 0.6, reason: 'lone small heading inside body text' };
      } else out[i] = { role: 'headline', confidence: 0.6, reason: 'large line' };
    }
    i = j + 1;
  }
  // A heading known only by its centred setting (no hint, not headline-shaped text) is a weaker heading: it may be
  // a section label over the article's own heading (`Nicht amtlicher Theil.` over `Revue politique.`).
  out.forEach((r, k) => {
    if (
      HEADING_ROLES.has(r.role) &&
      centered[k] &&
      frags[k].headingLevel === 0 &&
      !headlineShaped(frags[k], false) &&
      !headlineShaped(frags[k], true)
    ) {
      out[k] = { ...r, confidence: Math.min(r.confidence, 0.65), reason: `${r.reason} (set centred over its column)` };
    }
  });
  return out;
}

/**
 * Two heading lines marked at the same level, one right after the other, are the headlines of two articles (two
 * narrow articles set side by side, read across), not one heading group: a kicker is set smaller than its
 * headline and a deck smaller again, so a group's marks differ from line to line (`##` over `#`, `###` over `##`).
 */
export function peerHeadings(a: FragFeatures, b: FragFeatures): boolean {
  return a.headingLevel > 0 && a.headingLevel === b.headingLevel;
}

/**
 * Two unmarked heading lines, one right after the other, both headline-shaped without a comma: a kicker over its
 * headline (`以青春视角深度感受全过程人民民主` / `3名大学生列席嘉兴市政协开幕会`) or the headlines of two articles side
 * by side look the same in text. Grouped, but the link is not sure.
 */
export function ambiguousHeadingPair(a: FragFeatures, b: FragFeatures): boolean {
  return a.headingLevel === 0 && b.headingLevel === 0 && headlineShaped(a, false) && headlineShaped(b, false);
}

function level(f: FragFeatures): number {
  return f.headingLevel || 7;
}

/** Roles that start an article (with a jump line): the engine's "heading" units. */
export const HEADING_ROLES = new Set(['kicker', 'headline', 'deck']);

/**
 * Heading candidates: a `#` hint, or, without hints (plain extraction output), a headline-shaped line — short,
 * no sentence punctuation, no other cue — that is not a one-line sliver of a narrow column: a sliver sits among
 * lines of its own width, a headline is set in another measure than the body text around it.
 */
export function headingFlags(frags: FragFeatures[], centered: boolean[] = centeredLines(frags)): boolean[] {
  // A page whose extraction marks headings (`#`) marks all of them: shape alone only counts on unmarked pages.
  const hinted = new Set(frags.filter((f) => f.headingLevel > 0).map((f) => f.page));
  const strict = frags.map(
    (f, i) =>
      !otherCue(f) && (f.headingLevel > 0 || (!hinted.has(f.page) && (headlineShaped(f, false) || centered[i]))),
  );
  // A two-part line with a comma (a kicker or a deck) counts when it sits right against a heading.
  const shaped = frags.map(
    (f, i) =>
      strict[i] ||
      (!otherCue(f) &&
        !hinted.has(f.page) &&
        headlineShaped(f, true) &&
        ((strict[i + 1] && frags[i + 1].page === f.page) || (strict[i - 1] && frags[i - 1].page === f.page))),
  );
  return frags.map((f, i) => {
    if (!shaped[i]) return false;
    if (f.headingLevel > 0 || !f.cjk) return true;
    // Column mates of a sliver are full lines cut mid-sentence (a short paragraph end may have any width).
    // A neighbour that is only comma-shaped (a two-part line such as 课",帮助新员工更好) is as likely a column mate.
    for (let k = i - 1; k <= i + 1; k++) {
      const g = frags[k];
      if (
        k === i ||
        !g ||
        g.page !== f.page ||
        strict[k] ||
        !g.cjk ||
        g.complete ||
        g.lineWidths.length !== 1 ||
        notColumnText(g)
      )
        continue;
      if (Math.abs(g.lineWidths[0] - f.lineWidths[0]) <= 1.5) return false;
    }
    return true;
  });
}

/**
 * With boxes (ALTO, hOCR, PDF): a short one-line block set centred over the column below it (or above it), in a
 * narrower measure, is a heading whatever its punctuation — 19th-century papers end them with a full stop
 * (`Revue politique.`, `WELSH JUDGES.`). Body lines are set flush left, signatures flush right.
 */
function centeredLines(frags: FragFeatures[]): boolean[] {
  return frags.map((f) => {
    const A = f.box;
    if (
      !A ||
      f.lineCount !== 1 ||
      f.lowerStart ||
      f.startsProhibited ||
      [...f.text].length > (f.cjk ? 30 : 60) ||
      /[,，;；:：]$/.test(f.text)
    )
      return false;
    const cx = A.x + A.w / 2;
    // The nearest multi-line block right below (else right above) that spans this line horizontally.
    let col: NonNullable<FragFeatures['box']> | null = null;
    let gap = Infinity;
    for (const g of frags) {
      const B = g.box;
      if (!B || g === f || g.page !== f.page || g.lineCount < 2 || B.x > A.x || B.x + B.w < A.x + A.w) continue;
      const d = B.y >= A.y + A.h / 2 ? B.y - (A.y + A.h) : A.y - (B.y + B.h);
      if (d >= -A.h && d < gap) {
        gap = d;
        col = B;
      }
    }
    if (!col || gap > 4 * A.h) return false;
    return A.w <= 0.85 * col.w && Math.abs(cx - (col.x + col.w / 2)) <= 0.06 * col.w;
  });
}

/** A byline, a caption or a bracketed note such as （一）（八） is no column line a sliver could sit among. */
function notColumnText(f: FragFeatures): boolean {
  return (
    otherCue(f) || /^[（(【〔\[][^）)】〕\]]*[）)】〕\]](?:[（(【〔\[][^）)】〕\]]*[）)】〕\]])*$/.test(f.text.trim())
  );
}

function otherCue(f: FragFeatures): boolean {
  return !!(f.jumpFrom || f.caption || f.credit || f.byline || f.furniture || f.dateline);
}

/**
 * Short, unpunctuated, one printed line; CJK: 4–30 characters, not opening with a bracket. `comma`: a comma
 * between two parts is allowed (本报记者蹲点北仑区灵峰社区,感受助企服务再升级). Or a longer CJK block, up to 80
 * characters over at most four lines, with no punctuation at all: running text has a pause mark every dozen
 * characters or so, a headline stacked over several lines has none (各路華軍大擧反攻克復石龍包圍南昌贛南高安…).
 */
function headlineShaped(f: FragFeatures, comma: boolean): boolean {
  if (!comma && f.cjk && !f.startsProhibited && unpunctuatedBlock(f)) return true;
  if (f.startsProhibited || f.lowerStart || f.text.length > 30) return false;
  if (!f.cjk) return !comma && f.headlineLike && /^[\p{Lu}0-9][^.]*$/u.test(f.text) && f.text === f.text.toUpperCase();
  const len = [...f.text].length;
  const punct = comma ? /[。；;：:！!？?、]|[，,].*[，,]|[，,]$/ : /[，,。；;：:！!？?、]/;
  return len >= 4 && f.lineWidths.length <= 1 && !punct.test(f.text) && !/^[（(【〔\[]/.test(f.text);
}

/** More than 30 CJK characters, at most 80, on at most four lines, without a single punctuation mark. */
function unpunctuatedBlock(f: FragFeatures): boolean {
  const text = f.text.replace(/\s+/g, '');
  const len = [...text].length;
  return len > 30 && len <= 80 && f.lineWidths.length <= 4 && !/[\p{P}\p{S}]/u.test(text);
}

function baseRole(f: FragFeatures): RoleSuggestion {
  if (f.jumpFrom) return { role: 'jump', confidence: 0.95, reason: f.jumpFrom };
  if (f.jumpTo && f.text.length <= 20) return { role: 'jump', confidence: 0.9, reason: f.jumpTo };
  if (f.furniture) return { role: 'other', confidence: 0.8, reason: f.furniture };
  if (f.caption) return { role: 'caption', confidence: 0.85, reason: f.caption };
  if (f.credit) return { role: 'credit', confidence: 0.85, reason: f.credit };
  if (f.byline) return { role: 'byline', confidence: 0.8, reason: f.byline };
  if (f.dateline && [...f.text].length <= 40) return { role: 'dateline', confidence: 0.8, reason: f.dateline };
  if (f.dateline) return { role: 'body', confidence: 0.85, reason: `lead paragraph (${f.dateline})` };
  return {
    role: 'body',
    confidence: f.complete ? 0.8 : 0.7,
    reason: f.complete ? 'running text' : 'running text, cut mid-sentence',
  };
}
