import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageFromPlainText } from '../../../shared/import/plain-text';
import { createIssue } from '../../../shared/model/create';
import { suggest } from '../../../shared/suggest/engine';
import type { Suggestions } from '../../../shared/suggest/types';
import { SAMPLE_PAGE } from '../../support/paths';

/**
 * Per-fragment features are cached by object and by content (the Web Worker gets a structured clone of the issue
 * with every request): a clone must give the same suggestions, and an edited text must never get stale features.
 */
const issue = () =>
  createIssue([pageFromPlainText(readFileSync(SAMPLE_PAGE, 'utf8'), { pageId: 'p1', label: '2', encoding: 'utf-8' })], {
    id: 't',
    title: 't',
  });
const withoutTime = (s: Suggestions) => ({ ...s, stats: { ...s.stats, ms: 0 } });

describe('feature cache', () => {
  it('gives a structured clone of the issue the same suggestions', () => {
    const a = issue();
    expect(withoutTime(suggest(structuredClone(a)))).toEqual(withoutTime(suggest(a)));
  });

  it('reads an edited fragment anew: a cut sentence completed in a clone is no longer an open end', () => {
    const a = issue();
    const before = suggest(a);
    expect(before.fragments['p1.3'].complete).toBe(false);
    expect(before.openEnds.map((o) => o.id)).toContain('p1.3');
    const b = structuredClone(a);
    const f = b.pages[0].fragments.find((x) => x.id === 'p1.3')!;
    f.text = `${f.text}灵峰社区。`;
    const after = suggest(b);
    expect(after.fragments['p1.3'].complete).toBe(true);
    expect(after.openEnds.map((o) => o.id)).not.toContain('p1.3');
    // And back: the original text again gives the original answer.
    expect(withoutTime(suggest(structuredClone(a)))).toEqual(withoutTime(before));
  });
});
