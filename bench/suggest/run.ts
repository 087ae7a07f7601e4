import { pageFromPlainText } from '../../shared/import/plain-text';
import { createIssue } from '../../shared/model/create';
import type { Issue } from '../../shared/model/types';
import { suggest, DEFAULT_PARAMS, type EngineParams } from '../../shared/suggest/engine';
import { scorePage, type PageScore } from './metrics';
import type { PracticePage } from './practice-pages';

export function issueFromText(text: string, name = 'page'): Issue {
  return createIssue([pageFromPlainText(text, { pageId: 'p1', label: '1', encoding: 'utf-8', sourceName: name })], {
    id: 'bench',
    title: name,
  });
}

export function runPages(pages: PracticePage[], params: EngineParams = DEFAULT_PARAMS): PageScore[] {
  return pages.map((p) => {
    const issue = issueFromText(p.text, p.name);
    const t0 = performance.now();
    const s = suggest(issue, {}, params);
    const ms = performance.now() - t0;
    return { ...scorePage(s, p.truth), ms };
  });
}
