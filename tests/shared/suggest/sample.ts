import { readFileSync } from 'node:fs';
import { pageFromPlainText } from '../../../shared/import/plain-text';
import { createIssue } from '../../../shared/model/create';
import type { Issue } from '../../../shared/model/types';
import { SAMPLE_PAGE, FIXTURES } from '../../support/paths';
import path from 'node:path';

/** The sample page as a fresh issue (all fragments unassigned), ids p1.1 … p1.114 in source order. */
export function sampleIssue(): Issue {
  const text = readFileSync(SAMPLE_PAGE, 'utf8');
  return createIssue([pageFromPlainText(text, { pageId: 'p1', label: '2', encoding: 'utf-8' })], {
    id: 'sample',
    title: 'sample',
  });
}

export interface SampleTruth {
  articles: Array<{ title: string; items: Array<{ id: string; join: boolean }> }>;
  openEnds: string[];
}

/** The hand-written truth of the sample page (held out: used only to check, never to fit). */
export function sampleTruth(): SampleTruth {
  return JSON.parse(readFileSync(path.join(FIXTURES, 'suggest/zhejiang-p2.truth.json'), 'utf8')) as SampleTruth;
}

/** "A then B" pairs of the truth, with their join flags. */
export function truthLinks(t: SampleTruth): Map<string, { next: string; join: boolean }> {
  const m = new Map<string, { next: string; join: boolean }>();
  for (const a of t.articles)
    a.items.forEach((it, k) => {
      if (k > 0) m.set(a.items[k - 1].id, { next: it.id, join: it.join });
    });
  return m;
}
