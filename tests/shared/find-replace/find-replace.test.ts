import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  findAll,
  findWordListHits,
  formatWordListTsv,
  parseWordList,
  parseWordListJson,
  parseWordListTsv,
  replaceOp,
} from '@shared/find-replace';
import { applyOp, applyRecorded } from '@shared/ops';
import { findFragment } from '@shared/model/lookup';
import { audit, textIntact } from '@shared/audit/audit';
import { FIXTURES } from '../../support/paths';
import { fragmentStarting, sampleIssue } from '../export/sample-issue';

const wordlistText = readFileSync(path.join(FIXTURES, 'wordlist.tsv'), 'utf8');

describe('issue-wide find and replace', () => {
  const issue = sampleIssue();

  it('lists every hit with fragment, page, article, offset and context', () => {
    const { hits } = findAll(issue, { find: '人职', replace: '入职' });
    expect(hits).toHaveLength(1);
    const h = hits[0];
    expect(h).toMatchObject({
      fragmentId: fragmentStarting(issue, '为让员工更有归属感'),
      page: '2',
      articleId: 'a-lingfeng',
      match: '人职',
      replacement: '入职',
    });
    expect(h.articleTitle).toContain('管家');
    expect(findFragment(issue, h.fragmentId)!.text.slice(h.start, h.end)).toBe('人职');
    expect(h.contextBefore.endsWith('开讲"')).toBe(true);
    expect(h.contextAfter.startsWith('第一课"')).toBe(true);
    // The pool is searched only when asked.
    expect(findAll(issue, { find: '子女人学', replace: '子女入学' }).hits).toHaveLength(0);
    expect(findAll(issue, { find: '子女人学', replace: '子女入学', includePool: true }).hits).toHaveLength(1);
  });

  it('applies accepted hits as one undo step and skips the rest', () => {
    const { hits } = findAll(issue, { find: '服务', replace: '服務' });
    expect(hits.length).toBeGreaterThan(5);
    const accepted = new Set([hits[0].id, hits[2].id]);
    const { op, replaced } = replaceOp(issue, hits, accepted);
    expect(replaced).toBe(2);
    const r = applyOp(issue, op!);
    const after = findAll(r.issue, { find: '服務', replace: '' }).hits;
    expect(after.map((h) => [h.fragmentId, h.start])).toEqual([
      [hits[0].fragmentId, hits[0].start],
      [hits[2].fragmentId, hits[2].start],
    ]);
    expect(textIntact(audit(r.issue))).toBe(true);
    expect(applyRecorded(r.issue, r.inversePatches)).toEqual(issue);
    expect(replaceOp(issue, hits, new Set()).op).toBeNull();
  });

  it('supports regular expressions with groups, ignores empty matches and reports a bad pattern clearly', () => {
    const { hits } = findAll(issue, { find: '(\\d+)家', replace: '$1 家', regex: true });
    expect(hits.some((h) => h.match === '46家' && h.replacement === '46 家')).toBe(true);
    expect(findAll(issue, { find: 'x*', replace: 'y', regex: true }).hits).toEqual([]);
    expect(() => findAll(issue, { find: '(', replace: '', regex: true })).toThrow(/not a valid regular expression/);
    expect(() => findAll(issue, { find: '', replace: '' })).toThrow(/empty/);
    // Literal mode escapes pattern characters.
    expect(findAll(issue, { find: '2.5', replace: '' }).hits).toHaveLength(1);
    expect(findAll(issue, { find: '2.5', replace: '', regex: true }).hits.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses to apply hits to a fragment that changed since the search', () => {
    const { hits } = findAll(issue, { find: '人职', replace: '入职' });
    const edited = applyOp(issue, { type: 'editText', fragmentId: hits[0].fragmentId, text: '别的' }).issue;
    expect(() => replaceOp(edited, hits)).toThrow(/changed since the search/);
  });
});

describe('newsroom word list', () => {
  it('parses the sample list and finds the sample page confusions', () => {
    const parsed = parseWordList(wordlistText, 'wordlist.tsv');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.entries.map((e) => `${e.wrong}→${e.right}`)).toEqual([
      '人十→人士',
      '人职→入职',
      '子女人学→子女入学',
      '富春汀→富春江',
    ]);
    expect(parsed.entries[0]).toMatchObject({ line: 3, note: '十/士 confusion (文化艺术界人士)' });
    const issue = sampleIssue();
    const { hits } = findWordListHits(issue, parsed.entries, { includePool: true });
    expect(hits.map((h) => `${h.match}→${h.replacement}`).sort()).toEqual(
      ['人十→人士', '人职→入职', '子女人学→子女入学', '富春汀→富春江'].sort(),
    );
    const { op, replaced } = replaceOp(issue, hits);
    expect(replaced).toBe(4);
    const after = applyOp(issue, op!).issue;
    expect(findWordListHits(after, parsed.entries, { includePool: true }).hits).toEqual([]);
    expect(findFragment(after, fragmentStarting(issue, '本届诗歌节请来多位'))!.text).toContain('文化艺术界 人士同台');
  });

  it('keeps one of two overlapping entries', () => {
    const parsed = parseWordListTsv('人学\t入学\n子女人学\t子女入学\n');
    if (!parsed.ok) throw new Error('parse');
    const issue = sampleIssue();
    const { hits } = findWordListHits(issue, parsed.entries, { includePool: true });
    expect(hits).toHaveLength(2);
    const { replaced, skipped } = replaceOp(issue, hits);
    expect(replaced).toBe(1);
    expect(skipped).toHaveLength(1);
  });

  it('reports every problem with its line', () => {
    const bad = parseWordListTsv(
      '# comment\n人职\n\t入职\n人十\t人士\n人十\t人仕\nx\ty\tnote\tbogus\n(\t)\tn\tregex\na\ta\n',
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => p.line)).toEqual([2, 3, 5, 6, 7, 8]);
    expect(bad.problems.find((p) => p.line === 5)!.message).toMatch(/already listed on line 4/);
    expect(bad.problems.find((p) => p.line === 7)!.message).toMatch(/not a valid regular expression/);
    expect(
      parseWordListJson(
        '{"format":"galley-wordlist","version":1,"entries":[{"wrong":"人十","right":"人士"},{"wrong":"","right":"x"}]}',
      ),
    ).toMatchObject({ ok: false, problems: [{ line: 2 }] });
    expect(parseWordListJson('{')).toMatchObject({ ok: false });
  });

  it('round-trips through TSV and JSON', () => {
    const parsed = parseWordListTsv(wordlistText);
    if (!parsed.ok) throw new Error('parse');
    const again = parseWordListTsv(formatWordListTsv(parsed.entries));
    expect(again.ok && again.entries.map(({ line: _l, ...e }) => e)).toEqual(
      parsed.entries.map(({ line: _l, ...e }) => e),
    );
    const json = parseWordList(
      JSON.stringify({
        format: 'galley-wordlist',
        version: 1,
        entries: [{ wrong: '(\\d+)元', right: '$1 元', regex: true }],
      }),
      'list.json',
    );
    expect(json).toMatchObject({ ok: true, entries: [{ wrong: '(\\d+)元', regex: true, line: 1 }] });
  });
});
