import { pageFromPlainText } from '../../shared/import/plain-text';
import { createIssue } from '../../shared/model/create';
import { suggest } from '../../shared/suggest/engine';
import { chineseSetC, ecpoSetC } from './dev-set-c';
import { JUMP_CASE_ARTICLES, JUMP_CASE_PAGE_1, JUMP_CASE_PAGE_2 } from './jump-case';
import { scorePage, summarize, type Summary } from './metrics';
import type { PracticePageC } from './practice-pages-c';
import { issueFromText } from './run';

/** Set C's rows (bench/suggest/practice-pages-c.ts) and the article that jumps across two pages. */
export function setCReport(quick: boolean, row: (name: string, s: Summary) => string): void {
  const n = quick ? 6 : 30;
  const run = (pages: PracticePageC[]) =>
    summarize(pages.map((p) => scorePage(suggest(issueFromText(p.text)), p.truth)));
  console.log('\npractice set C (bench/suggest/practice-pages-c.ts; no # marks anywhere)');
  console.log(row('C: zh tuning part', run(chineseSetC(n, 60, 'tune'))));
  const held = [...chineseSetC(n, 60, 'heldout'), ...chineseSetC(Math.round(n / 3), 25, 'heldout')];
  console.log(row('C: zh held out', run(held)));
  for (const kind of ['triples', 'inline-pens', 'mixed'] as const)
    console.log(row(`C: zh held out, ${kind}`, run(held.filter((p) => p.kind === kind))));
  console.log(row('C: zh held out, wrap lost', run(held.filter((p) => p.wrap === 'none'))));
  console.log(row('C: zh ECPO evaluation folds', run(ecpoSetC(quick ? 6 : 20, 60))));

  // The article across two pages (bench/suggest/jump-case.ts): the whole reading, and each page asked for alone.
  const issue = createIssue(
    [JUMP_CASE_PAGE_1, JUMP_CASE_PAGE_2].map((text, k) =>
      pageFromPlainText(text, {
        pageId: `p${k + 1}`,
        label: String(k + 1),
        encoding: 'utf-8',
        sourceName: `p${k + 1}`,
      }),
    ),
    { id: 'jump-case', title: 'jump case' },
  );
  const truth = {
    articles: JUMP_CASE_ARTICLES.map((ids) => ({ items: ids.map((id) => ({ id, join: false })) })),
    openEnds: [],
  };
  const whole = suggest(issue, { minConfidence: 0 });
  const same = (s: typeof whole) =>
    JSON.stringify(s.articles.map((a) => a.items.map((it) => it.id)).sort()) ===
    JSON.stringify([...JUMP_CASE_ARTICLES].sort());
  const lead = (s: typeof whole) =>
    JSON.stringify(s.articles.find((a) => a.items[0].id === 'p1.1')?.items.map((it) => it.id)) ===
    JSON.stringify(JUMP_CASE_ARTICLES[0]);
  const s = summarize([scorePage(whole, truth)]);
  console.log(
    `article across two pages (下转/上接): whole reading ${same(whole) ? 'right' : 'WRONG'} (successor ${s.successor.toFixed(3)}, BCubed-F ${s.bcubedF.toFixed(3)}, ${whole.articles.length} of ${JUMP_CASE_ARTICLES.length} articles); asked for page 1 alone: ${lead(suggest(issue, { pageIds: ['p1'] })) ? 'one article' : 'NOT one article'}; page 2 alone: ${lead(suggest(issue, { pageIds: ['p2'] })) ? 'one article' : 'NOT one article'}`,
  );
}
