import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '../support/fixtures';
import { Workbench } from './pages/workbench';
import { PRODUCTION_CSP } from '../../electron/host/security/csp';
import { ROOT } from '../support/paths';

/**
 * The built renderer under the production CSP (sent as a header by the browser host, as by `app://` in
 * Electron): no CSP violation, no request to any non-loopback origin, while the app loads, imports a page and
 * opens the Monaco editor (a lazy chunk with a worker). Violations are collected by an init script (plain string:
 * a serialized function would carry the transpiler's `__name` helper) and from console errors.
 */
const COLLECT = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
  });
`;

test('the built renderer runs under the production CSP with no violation and no request leaving loopback', async ({
  page,
  host,
}) => {
  const foreign: string[] = [];
  const consoleCsp: string[] = [];
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['http:', 'data:', 'blob:'].includes(u.protocol) || (u.protocol === 'http:' && u.hostname !== '127.0.0.1'))
      foreign.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|CSP/i.test(m.text())) consoleCsp.push(m.text());
  });
  page.on('pageerror', (e) => {
    if (/Content Security Policy|CSP|Trusted/i.test(e.message)) consoleCsp.push(e.message);
  });
  await page.addInitScript({ content: COLLECT });
  await page.reload(); // the fixture opened the page before the collector existed
  await page.waitForLoadState('networkidle');
  await expect(page.getByTestId('app')).toBeVisible();

  const res = await page.request.get(host.url);
  expect(res.headers()['content-security-policy']).toBe(PRODUCTION_CSP);

  const wb = new Workbench(page, host);
  await wb.importSample();
  await wb.pageRow('p1.3').click();
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');

  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  expect(violations).toEqual([]);
  expect(consoleCsp).toEqual([]);
  expect(foreign).toEqual([]);
  // Nothing the page asks for is missing, and it names an icon the host serves (a desktop browser asks for
  // /favicon.ico, a 404, when the page names none).
  expect(failed).toEqual([]);
  await expect(page.locator('link[rel="icon"]')).toHaveCount(1);
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  const got = await page.evaluate(async (href) => {
    const r = await fetch(href);
    return { status: r.status, type: r.headers.get('content-type') };
  }, icon!);
  expect(got).toEqual({ status: 200, type: 'image/png' });
});

test('the built index.html carries a meta CSP without unsafe-eval or inline scripts, and no inline script', async () => {
  const html = await readFile(path.join(ROOT, 'out/renderer/index.html'), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
  expect(meta, 'index.html must carry the CSP meta').toBeTruthy();
  const scriptSrc = /script-src ([^;]+)/.exec(meta!)?.[1] ?? '';
  expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  expect(meta).not.toMatch(/unsafe-eval/);
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
});
