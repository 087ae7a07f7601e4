import { ISSUE_FORMAT, SCHEMA_VERSION } from '@shared/model/schema';
import type { Article, Fragment, Issue, Page } from '@shared/model/types';

const SENTENCES = [
  '早春时节，循着轰隆隆的机器声',
  '记者又一次走进宁波北仑区大碶街道。',
  '说是社区，这里的服务对象却以企业为主。',
  '生产任务已排到下半年，六',
  '成以上的一线工人连春节也在加班。',
];

/**
 * A small valid issue for renderer tests (the big generator in bench/ reads the corpus with node:fs, which
 * the renderer's tsconfig rightly refuses). Fragment ids `p<page>.<n>`; the first `articles` articles take
 * runs of `perArticle` fragments of page 1, 2, …; everything else is in the pool. Some texts end mid-sentence,
 * so placed ones are open ends.
 */
export function smallIssue(o: { pages: number; perPage: number; articles?: number; perArticle?: number }): Issue {
  const pages: Page[] = [];
  let k = 0;
  for (let p = 1; p <= o.pages; p++) {
    let original = '';
    const fragments: Fragment[] = [];
    for (let i = 1; i <= o.perPage; i++) {
      const text = SENTENCES[k++ % SENTENCES.length];
      if (original) original += '\n\n';
      const start = original.length;
      original += text;
      fragments.push({
        id: `p${p}.${i}`,
        page: `p${p}`,
        spans: [{ start, end: original.length }],
        text,
        role: i === 1 ? 'headline' : 'body',
      });
    }
    pages.push({ id: `p${p}`, label: `第${p}版`, original, encoding: 'utf-8', markup: [], fragments });
  }
  const articles: Article[] = [];
  const placed = new Set<string>();
  const per = o.perArticle ?? 3;
  for (let a = 0; a < (o.articles ?? 0); a++) {
    const page = pages[a % pages.length];
    const start = Math.floor(a / pages.length) * per;
    const ids = page.fragments
      .slice(start, start + per)
      .map((f) => f.id)
      .filter((id) => !placed.has(id));
    ids.forEach((id) => placed.add(id));
    articles.push({ id: `a${a + 1}`, items: ids.map((id) => ({ id, join: false })), status: 'draft' });
  }
  return {
    format: ISSUE_FORMAT,
    version: SCHEMA_VERSION,
    id: 'small-issue',
    title: '小样',
    pages,
    articles,
    pool: pages.flatMap((p) => p.fragments.map((f) => f.id)).filter((id) => !placed.has(id)),
    discarded: [],
    history: [],
    nextId: 1,
  };
}
