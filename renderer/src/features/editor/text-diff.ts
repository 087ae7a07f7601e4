import { diffChars } from 'diff';
import type { Article, Issue } from '@shared/model/types';
import { findFragment, originalTextOf } from '@shared/model/lookup';
import { joinTexts } from '@shared/text/join';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Character diff (the right grain for Chinese, where a correction is often one character: 人职 → 入职). */
export function textDiff(before: string, after: string): DiffPart[] {
  return diffChars(before, after).map((p) => ({
    kind: p.added ? 'added' : p.removed ? 'removed' : 'same',
    text: p.value,
  }));
}

/** The article as it will export (joined fragments in one paragraph), built from current or original texts. */
export function articleText(issue: Issue, article: Article, which: 'current' | 'original'): string {
  const paras: string[][] = [];
  for (const it of article.items) {
    const f = findFragment(issue, it.id);
    if (!f) continue;
    const text = which === 'current' ? f.text : originalTextOf(issue, f);
    if (it.join && paras.length) paras[paras.length - 1].push(text);
    else paras.push([text]);
  }
  return paras.map((p) => joinTexts(p)).join('\n\n');
}
