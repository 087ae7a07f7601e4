import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../electron/cli/main';
import { loadIssueFile } from '../../../electron/host/services/issue-files';
import { audit, textIntact } from '../../../shared/audit/audit';
import type { Issue } from '../../../shared/model/types';
import { PAGE_1, PAGE_3 } from '../../shared/suggest/jump-pages';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Ids and texts of the article holding the page-one headline 衢州打造制造业投资热土. */
function quzhou(issue: Issue): { pages: string[]; text: string } {
  const frags = new Map(issue.pages.flatMap((p) => p.fragments.map((f) => [f.id, f] as const)));
  const a = issue.articles.find((x) => x.items.some((it) => frags.get(it.id)?.text.includes('衢州打造制造业投资热土')));
  expect(a, 'the 衢州 article exists').toBeDefined();
  const items = a!.items.map((it) => frags.get(it.id)!);
  return {
    pages: [...new Set(items.map((f) => issue.pages.find((p) => p.id === f.page)!.label))],
    text: items.map((f) => f.text).join(''),
  };
}

describe('galley with articles that jump across pages (上接/下转)', () => {
  let dir: string;
  const p = (n: string) => path.join(dir, n);
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'galley-jumps-'));
    writeFileSync(p('day-p1.txt'), PAGE_1);
    writeFileSync(p('day-p3.txt'), PAGE_3);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('import A B --auto merges the page-3 continuation into its page-1 article and exports it as one text', async () => {
    const r = await run('import', p('day-p1.txt'), p('day-p3.txt'), '--auto', '-o', p('auto.galley.json'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/imported 2 page\(s\)/);
    const issue = await loadIssueFile(p('auto.galley.json'));
    expect(issue.pages.map((pg) => pg.label)).toEqual(['1', '3']);
    expect(issue.history).toHaveLength(1);
    expect(textIntact(audit(issue))).toBe(true);
    const q = quzhou(issue);
    expect(q.pages).toEqual(['1', '3']);
    expect(q.text).toContain('批流程明显加快');
    const e = await run('export', p('auto.galley.json'), '--format', 'txt', '--allow-incomplete', '-o', p('auto.txt'));
    expect(e.code, e.err).toBe(0);
    // The paragraph cut at 审 on page 1 reads on with 批 on page 3.
    expect(readFileSync(p('auto.txt'), 'utf8')).toMatch(/衢州企业普遍反映审批流程明显加快/);
  });

  it('suggest lists the merged article with its jump reason; suggest --apply applies it on the multi-page issue', async () => {
    const imp = await run('import', p('day-p1.txt'), p('day-p3.txt'), '-o', p('plain.galley.json'));
    expect(imp.code, imp.err).toBe(0);
    const list = await run('suggest', p('plain.galley.json'));
    expect(list.code, list.err).toBe(0);
    expect(list.out).toMatch(/continued from page 1 \(上接第一版\)/);
    const r = await run('suggest', p('plain.galley.json'), '--apply');
    expect(r.code, r.err).toBe(0);
    const issue = await loadIssueFile(p('plain.galley.json'));
    expect(quzhou(issue).pages).toEqual(['1', '3']);
    expect(textIntact(audit(issue))).toBe(true);
  });
});
