import type { FragFeatures } from './features';
import type { RoleSuggestion } from './types';

/**
 * Role of each fragment from cues and its neighbours in source order. `#` marks only say "set large"
 * (DOMAIN.md): in a run of large lines the largest is the headline, lines before it kickers, after it decks.
 * A lone large line followed by a lead paragraph (dateline) is a headline; inside body text it is a subhead.
 */
export function classifyRoles(frags: FragFeatures[]): RoleSuggestion[] {
  const out: RoleSuggestion[] = frags.map((f) => baseRole(f));
  let i = 0;
  while (i < frags.length) {
    if (!isHeading(frags[i])) { i++; continue; }
    let j = i;
    while (j + 1 < frags.length && isHeading(frags[j + 1])) j++;
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
      if (next?.dateline || next?.byline) out[i] = { role: 'headline', confidence: 0.9, reason: 'large line before a dateline' };
      else if (f.headingLevel >= 4 || (f.headingLevel === 0 && [...f.text].length <= 12)) {
        out[i] = { role: 'subhead', confidence: 0.6, reason: 'lone small heading inside body text' };
      } else out[i] = { role: 'headline', confidence: 0.6, reason: 'large line' };
    }
    i = j + 1;
  }
  return out;
}

function level(f: FragFeatures): number {
  return f.headingLevel || 7;
}

/** A heading candidate: a `#` hint, or (without hints) a short unpunctuated line that is no other cue. */
export function isHeading(f: FragFeatures): boolean {
  if (f.jumpFrom || f.caption || f.credit || f.byline || f.furniture || f.dateline) return false;
  return f.headingLevel > 0 || (f.headlineLike && !f.startsProhibited && [...f.text].length >= 4 && f.text.length <= 30 && !f.lowerStart && headingWithoutHint(f));
}

/** Without a hint, only very headline-shaped lines count, so one-line column slivers stay body. */
function headingWithoutHint(f: FragFeatures): boolean {
  if (!f.cjk) return /^[\p{Lu}0-9][^.]*$/u.test(f.text) && f.text === f.text.toUpperCase();
  return false;
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
  return { role: 'body', confidence: f.complete ? 0.8 : 0.7, reason: f.complete ? 'running text' : 'running text, cut mid-sentence' };
}
