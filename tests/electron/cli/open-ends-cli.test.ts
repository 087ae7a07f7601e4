import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../electron/cli/main';
import { loadIssueFile } from '../../../electron/host/services/issue-files';
import { findFragment } from '../../../shared/model/lookup';
import { ROOT } from '../../support/paths';
import { ARRANGED_FILE, DASH_ENDS, LOST_ENDS } from '../../support/open-ends-fixture';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
function galley(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'bin/galley.mjs'), ...args],
      { cwd: ROOT, timeout: 60_000 },
      (e, out, err) => {
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : -1) : 0, out, err });
      },
    );
  });
}
function expectOneLineError(r: { code: number; err: string }, what: RegExp) {
  expect(r.code).toBe(2);
  const lines = r.err.trim().split('\n');
  expect(lines, r.err).toHaveLength(1);
  expect(lines[0]).toMatch(/^galley: /);
  expect(lines[0]).toMatch(what);
}

describe('galley open-ends', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'galley-open-ends-'));
    file = path.join(dir, 'p2.galley.json');
    copyFileSync(ARRANGED_FILE, file);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the open ends with article title and last words, and proposes "ends here" for the dash endings', async () => {
    const r = await run('open-ends', file);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('10 open end(s): 10 unresolved, 0 resolved');
    expect(r.out).toMatch(/^p1\.3\t«…记者又一次走进宁波北仑区大碶街道»\t“管家”上门帮企业招工揽才拼经济\tunresolved$/m);
    expect(r.out).toMatch(/^p1\.101\t.*面前-»\t（上接第一版）衢州\tunresolved \(looks like: ends here\)$/m);
    const json = JSON.parse((await run('open-ends', file, '--json')).out) as {
      unresolved: Array<{ id: string; article: string; end: string }>;
      resolved: unknown[];
    };
    expect(json.unresolved.map((o) => o.id)).toEqual([...LOST_ENDS, ...DASH_ENDS]);
    expect(json.unresolved[0].article).toBe('“管家”上门帮企业招工揽才拼经济');
    expect(json.resolved).toEqual([]);
  });

  it('check exits 1 until every open end is resolved, then 0; unresolve brings it back to 1', async () => {
    expect((await run('check', file)).code).toBe(1);
    const first = await galley('open-ends', file, '--resolve', LOST_ENDS[0], '--as', 'lost', '--by', '校对甲');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/p1\.3: text lost · 9 unresolved, 1 resolved/);
    expect(existsSync(`${file}.bak`)).toBe(true);
    for (const id of LOST_ENDS.slice(1))
      expect((await run('open-ends', file, '--resolve', id, '--as', 'lost')).code).toBe(0);
    for (const id of DASH_ENDS) expect((await run('open-ends', file, '--resolve', id, '--as', 'ends')).code).toBe(0);
    const check = await run('check', file);
    expect(check.out).toMatch(
      /^114 of 114 fragments placed · 0 unassigned · 0 open ends \(10 resolved\) · 0 empty articles$/,
    );
    expect(check.code).toBe(0);
    const issue = await loadIssueFile(file);
    expect(findFragment(issue, 'p1.3')!.openEnd).toMatchObject({ as: 'lost', by: '校对甲' });
    expect(issue.history.at(-1)!.op).toMatchObject({ type: 'resolveOpenEnd', fragmentId: 'p1.110', as: 'ends' });

    const un = await run('open-ends', file, '--unresolve', 'p1.110');
    expect(un.out).toMatch(/p1\.110: resolution removed · 1 unresolved, 9 resolved/);
    expect((await run('check', file)).code).toBe(1);
    const listed = await run('open-ends', file);
    expect(listed.out.split('\n')[0]).toBe('10 open end(s): 1 unresolved, 9 resolved');
    expect(listed.out).toMatch(/^p1\.3\t.*\tresolved: text lost$/m);
  });

  it('continues elsewhere with a page, given or proposed', async () => {
    expect((await run('open-ends', file, '--unresolve', 'p1.60')).code).toBe(0);
    expect((await run('open-ends', file, '--resolve', 'p1.60', '--as', 'elsewhere', '--page', '5')).out).toMatch(
      /p1\.60: continues on p\. 5/,
    );
    expect(findFragment(await loadIssueFile(file), 'p1.60')!.openEnd).toMatchObject({ as: 'elsewhere', page: '5' });
  });

  it('export shows text marked lost as [……] unless --lost-text-mark off', async () => {
    const md = path.join(dir, 'out.md');
    expect((await run('export', file, '--format', 'md', '-o', md, '--allow-incomplete')).code).toBe(0);
    expect(readFileSync(md, 'utf8')).toMatch(/大碶街道\\\[……\\\]$/m);
    expect(
      (
        await run(
          'export',
          file,
          '--format',
          'md',
          '-o',
          md,
          '--allow-incomplete',
          '--lost-text-mark',
          'off',
          '--force',
        )
      ).code,
    ).toBe(0);
    expect(readFileSync(md, 'utf8')).not.toContain('……\\]');
    expectOneLineError(
      await run('export', file, '--format', 'md', '-o', md, '--lost-text-mark', 'maybe'),
      /--lost-text-mark takes on or off/,
    );
  });

  it('refuses bad requests with one line and exit 2, leaving the file as it was', async () => {
    const before = readFileSync(file, 'utf8');
    expectOneLineError(await run('open-ends', file, '--resolve', 'p1.999', '--as', 'lost'), /no fragment "p1\.999"/);
    expectOneLineError(
      await run('open-ends', file, '--resolve', 'p1.110', '--as', 'maybe'),
      /--as lost\|elsewhere\|ends, not "maybe"/,
    );
    expectOneLineError(await run('open-ends', file, '--resolve', 'p1.110'), /needs --as/);
    expectOneLineError(
      await run('open-ends', file, '--resolve', 'p1.110', '--as', 'lost', '--page', '3'),
      /--page goes only with --as elsewhere/,
    );
    expectOneLineError(await run('open-ends', file, '--resolve', 'p1.1', '--as', 'lost'), /not an open end/);
    expectOneLineError(await run('open-ends', file, '--unresolve', 'p1.110'), /no resolved open end/);
    expectOneLineError(await run('open-ends', file, '--as', 'lost'), /go with --resolve/);
    expectOneLineError(await galley('open-ends', path.join(dir, 'missing.galley.json')), /no such file/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
