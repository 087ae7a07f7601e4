import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { test, expect } from '@playwright/test';
import { pageFromPlainText } from '../../shared/import/plain-text';
import { createIssue } from '../../shared/model/create';
import { applyOp } from '../../shared/ops/apply';
import { buildExport } from '../../shared/export/build';
import { toHtml } from '../../shared/export/html';

/**
 * The HTML export opened in Chromium: an article whose text carries script and markup injections shows them as
 * text, nothing runs (no dialog, no script element, no on* attribute, no javascript: URL), and the strict CSP of
 * the file is in force. Plain Playwright (no app): the exported file is loaded from disk like a reader would.
 */
const VECTORS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)></svg>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">点我</a>',
  '</p><p onclick="alert(1)">x',
  '<style>body{display:none}</style>',
];

function hostileHtml(): string {
  const text = ['# 标题<script>alert(1)</script>', '正文:', ...VECTORS].join('\n\n');
  let issue = createIssue([pageFromPlainText(text, { pageId: 'p', label: '1', encoding: 'utf-8' })], {
    id: 'x',
    title: '"><script>alert(2)</script>',
  });
  issue = applyOp(issue, { type: 'createArticle', articleId: 'a', fragmentIds: issue.pool }).issue;
  return toHtml(buildExport(issue));
}

test('an HTML export shows injected markup as text and runs nothing', async ({ page }, info) => {
  const file = info.outputPath('hostile-export.html');
  await writeFile(file, hostileHtml(), 'utf8');
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const requests: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) requests.push(r.url());
  });

  await page.goto(pathToFileURL(file).href);
  await page.waitForLoadState('load');
  await page.waitForTimeout(300); // an onerror or onload handler would have fired by now

  expect(dialogs).toEqual([]);
  expect(requests).toEqual([]);
  const dom = await page.evaluate(() => {
    const all = Array.from(document.querySelectorAll('*'));
    return {
      scripts: document.querySelectorAll('script').length,
      injected: document.querySelectorAll('img, svg, iframe, a, main style').length,
      onAttributes: all.flatMap((e) =>
        Array.from(e.attributes)
          .filter((a) => /^on/i.test(a.name))
          .map((a) => `${e.tagName}.${a.name}`),
      ),
      javascriptUrls: all.flatMap((e) =>
        Array.from(e.attributes)
          .filter((a) => /javascript:/i.test(a.value))
          .map((a) => a.name),
      ),
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      title: document.title,
    };
  });
  expect(dom).toEqual({
    scripts: 0,
    injected: 0,
    onAttributes: [],
    javascriptUrls: [],
    csp: "default-src 'none'; style-src 'unsafe-inline'",
    title: '"><script>alert(2)</script>',
  });

  await expect(page.getByRole('heading', { level: 2 })).toHaveText('标题<script>alert(1)</script>');
  for (const v of VECTORS) await expect(page.getByText(v, { exact: true })).toBeVisible();
});
