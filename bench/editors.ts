/**
 * Editors' figures (`npm run bench editors`, or `tsx bench/editors.ts`) on an issue of 100 copies of the sample
 * page (11,400 fragments in 1,200 articles, 750,000 characters): the Cleanup preview and its application as one
 * op, issue-wide find and the sample word list, and rendering each export format. Goals: Cleanup preview and
 * apply under 5 s each on 100 pages (the editor waits once per issue), any export under 10 s.
 * Times are medians of 3 runs; the machine is shared, so read them as orders of magnitude.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageFromPlainText } from '../shared/import/plain-text';
import { createIssue } from '../shared/model/create';
import { applyOp } from '../shared/ops';
import { cleanupOp, previewCleanup } from '../shared/cleanup';
import { findAll, findWordListHits, parseWordList } from '../shared/find-replace';
import { buildExport } from '../shared/export/build';
import { renderDocumentFormat, renderZip } from '../shared/export/formats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const text = readFileSync(path.join(root, 'tests/fixtures/pages/zhejiang-daily-2023-02-27-p2.txt'), 'utf8');
const PAGES = 100;

let issue = createIssue(
  Array.from({ length: PAGES }, (_, i) =>
    pageFromPlainText(text, { pageId: `p${i}`, label: String(i + 1), encoding: 'utf-8' }),
  ),
  { id: 'bench', title: 'bench' },
);
for (const page of issue.pages) {
  const ids = page.fragments.map((f) => f.id);
  for (let k = 0; k < ids.length; k += 10)
    issue = applyOp(
      issue,
      { type: 'createArticle', articleId: `a-${page.id}-${k}`, fragmentIds: ids.slice(k, k + 10) },
      { unrecorded: true },
    ).issue;
}

async function med(label: string, fn: () => unknown, goalMs?: number): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  const m = [...times].sort((a, b) => a - b)[1];
  console.log(
    `${label.padEnd(34)} ${m.toFixed(0).padStart(7)} ms${goalMs ? `   (goal < ${goalMs} ms${m > goalMs ? ': MISSED' : ''})` : ''}`,
  );
}

const fragments = issue.pages.reduce((n, p) => n + p.fragments.length, 0);
console.log(
  `${PAGES} pages, ${fragments} fragments, ${issue.articles.length} articles, ${text.length * PAGES} characters`,
);
const preview = previewCleanup(issue);
console.log(`cleanup finds ${preview.changeCount} changes in ${preview.fragments.length} fragments`);
await med('cleanup preview (all rules)', () => previewCleanup(issue), 5000);
await med('cleanup apply (one batch op)', () => applyOp(issue, cleanupOp(issue, preview)!), 5000);
await med('find 服务 (all hits)', () => findAll(issue, { find: '服务', replace: '服務' }));
const list = parseWordList(readFileSync(path.join(root, 'tests/fixtures/wordlist.tsv'), 'utf8'));
if (list.ok) await med('word list (4 entries)', () => findWordListHits(issue, list.entries));
const doc = buildExport(issue);
for (const f of ['md', 'txt', 'html', 'docx'] as const)
  await med(`render ${f} (whole issue)`, () => renderDocumentFormat(doc, issue, f), 10_000);
await med('render nitf (1,200 files)', () => renderDocumentFormat(doc, issue, 'nitf', { split: true }), 10_000);
await med('zip of html (1,200 entries)', () => renderZip(doc, issue, 'html'), 10_000);
