import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../electron/cli/main';
import { loadIssueFile } from '../../../electron/host/services/issue-files';
import { historyPath, loadHistory } from '../../../electron/host/services/collab-history';
import { pageFromPlainText } from '../../../shared/import/plain-text';
import { createIssue } from '../../../shared/model/create';
import { placeIndex } from '../../../shared/model/lookup';
import { serializeIssue } from '../../../shared/issue-file/parse-issue';
import { applyOp, type Op } from '../../../shared/ops';
import { audit, textIntact } from '../../../shared/audit/audit';
import { CollabDoc } from '../../../shared/collab';
import type { Issue } from '../../../shared/model/types';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const PAGE = ['第一段文字在这里。', '第二段说的是别的事情。', '第三段是广告。', '第四段结束了。'].join('\n\n');

function baseIssue(): Issue {
  const page = pageFromPlainText(PAGE, { pageId: 'p1', label: '1', encoding: 'utf-8' });
  return createIssue([page], { id: 'issue-merge', title: 'merge test' });
}

/** A copy edited apart: `ops` applied through the shared history (kept beside it) or only to the file. */
async function copy(dir: string, name: string, ops: Op[], withHistory: boolean): Promise<string> {
  const file = path.join(dir, `${name}.galley.json`);
  let issue = baseIssue();
  if (withHistory) {
    const doc = CollabDoc.fromIssue(issue);
    for (const op of ops) issue = doc.apply(op, { at: '2026-12-07T06:00:00Z', by: name });
    writeFileSync(historyPath(file), doc.snapshot());
  } else {
    for (const op of ops) issue = applyOp(issue, op, { at: '2026-12-07T06:00:00Z', by: name }).issue;
  }
  writeFileSync(file, serializeIssue(issue));
  return file;
}

const text = (i: Issue, id: string) => i.pages[0].fragments.find((f) => f.id === id)?.text;
const where = (i: Issue, id: string) => placeIndex(i).get(id);

describe('galley merge', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'galley-merge-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const withHistory of [true, false]) {
    const how = withHistory ? 'with their shared history' : 'without history (correction lists only)';

    it(`merges two copies edited apart ${how}: exit 0, audit clean, every change kept`, async () => {
      const a = await copy(
        dir,
        `a-clean-${withHistory}`,
        [
          { type: 'createArticle', articleId: 'a-ann', title: 'Ann', fragmentIds: ['p1.1'] },
          { type: 'editText', fragmentId: 'p1.2', text: '第二段说的是别的事。' },
        ],
        withHistory,
      );
      const b = await copy(
        dir,
        `b-clean-${withHistory}`,
        [
          { type: 'moveFragments', fragmentIds: ['p1.3'], to: { kind: 'discard' } },
          { type: 'splitFragment', fragmentId: 'p1.4', offset: 3, newId: 'bob-1' },
        ],
        withHistory,
      );
      const out = path.join(dir, `c-clean-${withHistory}.galley.json`);
      const r = await run('merge', a, b, '-o', out);
      expect(r.err).toBe('');
      expect(r.out).toMatch(/0 conflicts to review/);
      expect(r.code).toBe(0);
      const c = await loadIssueFile(out);
      expect(textIntact(audit(c))).toBe(true);
      expect(where(c, 'p1.1')).toMatchObject({ kind: 'article', articleId: 'a-ann' });
      expect(text(c, 'p1.2')).toBe('第二段说的是别的事。');
      expect(where(c, 'p1.3')?.kind).toBe('discard');
      expect(text(c, 'p1.4')).toBe('第四段');
      expect(text(c, 'bob-1')).toBe('结束了。');
      // The history travels beside the output and holds the merged issue.
      const h = await loadHistory(out);
      expect(h).toBeDefined();
      expect(CollabDoc.fromBytes(h!).project().pages).toEqual(c.pages);
    });

    it(`lists what both changed (${how}) and exits 1 while a conflict is unreviewed`, async () => {
      const a = await copy(
        dir,
        `a-both-${withHistory}`,
        [
          { type: 'createArticle', articleId: 'a-ann', title: 'Ann', fragmentIds: ['p1.1'] },
          { type: 'editText', fragmentId: 'p1.2', text: '第二段讲的是别的事情。' },
        ],
        withHistory,
      );
      const b = await copy(
        dir,
        `b-both-${withHistory}`,
        [
          { type: 'moveFragments', fragmentIds: ['p1.1'], to: { kind: 'discard' } },
          { type: 'editText', fragmentId: 'p1.2', text: '第二段谈的是别的事情。' },
        ],
        withHistory,
      );
      const out = path.join(dir, `c-both-${withHistory}.galley.json`);
      const r = await run('merge', a, b, '-o', out);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/2 conflicts to review/);
      expect(r.out).toMatch(/changed by both: fragment p1\.1 placed differently/);
      expect(r.out).toMatch(/changed by both: fragment p1\.2 edited differently/);
      const c = await loadIssueFile(out);
      expect(textIntact(audit(c))).toBe(true);
      // One choice kept, the other listed: both texts appear in the report, one of them in the issue.
      expect(['第二段讲的是别的事情。', '第二段谈的是别的事情。']).toContain(text(c, 'p1.2'));
      expect(r.out).toContain('讲');
      expect(r.out).toContain('谈');
    });
  }

  it('refuses to write over an input or its history, with one line and exit 2', async () => {
    const a = await copy(dir, 'a-guard', [], true);
    const b = await copy(dir, 'b-guard', [], true);
    const before = readFileSync(a, 'utf8');
    for (const out of [a, b]) {
      const r = await run('merge', a, b, '-o', out);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^galley: merge refused: .* is the issue file itself/);
    }
    const r = await run('merge', a, b, '-o', historyPath(a).replace(/\.crdt$/, ''));
    expect(r.code).toBe(2);
    expect(readFileSync(a, 'utf8')).toBe(before);
    expect(existsSync(historyPath(a))).toBe(true);
  });
});
