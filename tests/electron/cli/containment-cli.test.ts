import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../electron/cli/main';
import { saveIssueFile } from '../../../electron/host/services/issue-files';
import {
  BNL_DIR,
  SECRET_KEY,
  altoCases,
  anyFileHolds,
  makeHostileSetup,
  scanCases,
  withAltoSource,
  withScan,
  type HostileSetup,
} from '../../support/hostile-issue';

/**
 * The CLI acts on what the user names on the command line, and on nothing an issue or a METS names outside its
 * folder: `-o` and inputs that are Windows device names or `\\?\` paths are refused; the hostile issue's scans
 * are left out of a PAGE export and its outside ALTO files stop a METS/ALTO export; a METS's `../` and links
 * leading out are not followed on import.
 */
let s: HostileSetup;
beforeEach(async () => {
  s = await makeHostileSetup(await mkdtemp(path.join(os.tmpdir(), 'galley-contain-cli-')));
});
afterEach(async () => {
  await rm(s.tmp, { recursive: true, force: true });
});

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (x) => out.push(x), err: (x) => err.push(x) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const exists = (f: string) =>
  stat(f).then(
    () => true,
    () => false,
  );

describe('galley export: the hostile issue', () => {
  for (const c of scanCases()) {
    it(`--format page leaves out ${c.name} and says why`, async () => {
      const kase = scanCases(s).find((k) => k.name === c.name)!;
      await saveIssueFile(s.issueFile, withScan(s.issue, kase.src, kase.mime));
      const out = path.join(s.tmp, 'page');
      const r = await run('export', s.issueFile, '--format', 'page', '-o', out);
      expect(r.code, r.err).toBe(0);
      expect(r.err).toMatch(new RegExp(`warning: the scan of page ${s.issue.pages[0].label}\\b.*${kase.why.source}`));
      expect((await readdir(out)).filter((f) => !f.endsWith('.xml'))).toEqual([]);
      expect(await anyFileHolds(out, Buffer.from(SECRET_KEY))).toBe(false);
      expect(await anyFileHolds(out, await readFile(path.join(s.outside, 'secret.png')))).toBe(false);
    });
  }

  for (const c of altoCases()) {
    it(`--format mets-alto refuses ${c.name}; nothing is written`, async () => {
      const kase = altoCases(s).find((k) => k.name === c.name)!;
      await saveIssueFile(s.issueFile, withAltoSource(s.issue, kase.source));
      const out = path.join(s.tmp, 'mets.zip');
      const r = await run('export', s.issueFile, '--format', 'mets-alto', '--allow-incomplete', '-o', out);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(kase.why);
      expect(r.err.split('\n')).toHaveLength(1);
      expect(await exists(out)).toBe(false);
    });
  }
});

describe('galley: paths on the command line', () => {
  it('-o and inputs naming a Windows device or the \\\\?\\ namespace are refused; nothing is written', async () => {
    await saveIssueFile(s.issueFile, s.issue);
    for (const o of [
      path.join(s.tmp, 'CON.md'),
      path.join(s.tmp, 'nul'),
      path.join(s.tmp, 'com1.json'),
      '\\\\?\\C:\\out.md',
      '\\\\.\\PhysicalDrive0',
    ]) {
      const r = await run('export', s.issueFile, '--format', 'json', '-o', o);
      expect(r.code, o).toBe(2);
      expect(r.err, o).toMatch(/Windows device|long-path name/);
    }
    expect((await readdir(s.tmp)).sort()).toEqual(['issue', 'outside']);
    const imp = await run('import', path.join(s.issueDir, 'AUX.txt'), '-o', path.join(s.tmp, 'x.galley.json'));
    expect(imp.code).toBe(2);
    expect(imp.err).toMatch(/Windows device AUX/);
  });

  it('import does not follow a METS reference out of its folder (../, symlink); the rest imports', async () => {
    const dir = path.join(s.tmp, 'in');
    await cp(BNL_DIR, dir, { recursive: true });
    const metsName = (await readdir(dir)).find((f) => f.endsWith('-mets.xml'))!;
    await symlink(path.join(s.outside, 'alto', s.altoNames[1]), path.join(dir, 'text', 'linked.xml'));
    const metsFile = path.join(dir, metsName);
    await writeFile(
      metsFile,
      (await readFile(metsFile, 'utf8'))
        .replace(`file://./text/${s.altoNames[0]}`, `../outside/alto/${s.altoNames[0]}`)
        .replace(`file://./text/${s.altoNames[1]}`, 'file://./text/linked.xml'),
    );
    const r = await run('import', metsFile, '-o', path.join(dir, 'x.galley.json'));
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(
      /warning: Not read: the ALTO file of page 1: "..\/outside\/alto\/[^"]+" lies outside the folder of/,
    );
    expect(r.err).toMatch(
      /warning: Not read: the ALTO file of page 2: "text\/linked.xml" is a link that leads outside/,
    );
    expect(r.out).toMatch(/imported 1 page/);
  });

  it('import tells when the source files lie outside the issue folder, and export reads them with --sources', async () => {
    const issueFile = path.join(s.tmp, 'elsewhere', 'x.galley.json');
    await mkdir(path.dirname(issueFile));
    const metsFile = path.join(
      s.issueDir,
      'mets',
      (await readdir(path.join(s.issueDir, 'mets'))).find((f) => f.endsWith('-mets.xml'))!,
    );
    const imp = await run('import', metsFile, '-o', issueFile);
    expect(imp.code).toBe(0);
    expect(imp.err).toMatch(/lie outside the folder of x\.galley\.json; layout exports read them only with --sources/);
    const out = path.join(s.tmp, 'm.zip');
    expect((await run('export', issueFile, '--format', 'mets-alto', '--allow-incomplete', '-o', out)).err).toMatch(
      /lies outside the issue's folder/,
    );
    const ok = await run(
      'export',
      issueFile,
      '--format',
      'mets-alto',
      '--allow-incomplete',
      '--sources',
      path.dirname(metsFile),
      '-o',
      out,
    );
    expect(ok.code, ok.err).toBe(0);
  });
});
