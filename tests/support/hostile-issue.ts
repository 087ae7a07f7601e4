import { copyFile, cp, link, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { importPageFiles } from '../../electron/host/services/page-files';
import type { Issue } from '../../shared/model/types';
import { makePng } from '../shared/import/make-png';
import { FIXTURES } from './paths';

/**
 * The hostile issue fixture: an issue file someone sends you, whose pages name files outside its folder. Built
 * at run time (symbolic and hard links cannot live in the repository portably) around the real BNL METS/ALTO
 * sample (tests/fixtures/SOURCES.md):
 *
 *   <tmp>/outside/          files the issue must never reach
 *     id_ed25519            a "private key" (text)
 *     secret.png            a real PNG
 *     alto/*.xml            byte copies of the issue's ALTO files (their text matches: an unchecked export copies them)
 *   <tmp>/issue/            the issue's folder
 *     hostile.galley.json   pages imported from mets/ (ALTO sources `mets/text/…`)
 *     mets/                 the METS and its ALTO files
 *     scans/fake.png        a text file named .png
 *     scans/link.png        → outside/secret.png        (file symlink leading out)
 *     scans/hard.png        hard link of outside/secret.png
 *     linkdir/              → outside/                  (folder symlink leading out)
 *     text/hard.xml         hard link of outside/alto/<page 1>.xml
 *
 * `scanCases` and `altoCases` are the references a test puts on a page, with the reason the host must give
 * (called without a setup they give the case names, for test titles).
 */
export const BNL_DIR = path.join(FIXTURES, 'real/bnl-luxzeit-1858-12-07');
const BNL_METS = '2385348_newspaper_luxzeit1858_1858-12-07_01-mets.xml';

export const SECRET_KEY = '-----BEGIN OPENSSH PRIVATE KEY----- hostile-fixture-secret';
export const FAKE_PNG = 'not an image: hostile-fixture notes';

export interface HostileSetup {
  tmp: string;
  issueDir: string;
  outside: string;
  issueFile: string;
  /** The imported issue, every page's image and source still inside the issue folder. */
  issue: Issue;
  /** The ALTO file names of the pages, in page order (for the ALTO cases). */
  altoNames: string[];
}

/** The import is the slow part and its paths are relative to the issue folder: done once per test file. */
let imported: Issue | undefined;

export async function makeHostileSetup(tmp: string): Promise<HostileSetup> {
  const issueDir = path.join(tmp, 'issue');
  const outside = path.join(tmp, 'outside');
  await mkdir(path.join(outside, 'alto'), { recursive: true });
  await mkdir(path.join(issueDir, 'scans'), { recursive: true });
  await mkdir(path.join(issueDir, 'text'), { recursive: true });
  await cp(BNL_DIR, path.join(issueDir, 'mets'), { recursive: true });
  await writeFile(path.join(outside, 'id_ed25519'), SECRET_KEY);
  await writeFile(path.join(outside, 'secret.png'), makePng(5, 4));
  const altoNames = (await readdir(path.join(BNL_DIR, 'text'))).filter((f) => f.endsWith('.xml')).sort();
  for (const f of altoNames) await copyFile(path.join(BNL_DIR, 'text', f), path.join(outside, 'alto', f));
  await writeFile(path.join(issueDir, 'scans', 'fake.png'), FAKE_PNG);
  await symlink(path.join(outside, 'secret.png'), path.join(issueDir, 'scans', 'link.png'));
  await link(path.join(outside, 'secret.png'), path.join(issueDir, 'scans', 'hard.png'));
  await symlink(outside, path.join(issueDir, 'linkdir'));
  await link(path.join(outside, 'alto', altoNames[0]), path.join(issueDir, 'text', 'hard.xml'));
  imported ??= await importPageFiles([path.join(issueDir, 'mets', BNL_METS)], { baseDir: issueDir });
  const issue = structuredClone(imported);
  return { tmp, issueDir, outside, issueFile: path.join(issueDir, 'hostile.galley.json'), issue, altoNames };
}

/** Scan references that must be left out of a PAGE export (and refused by the scan view), with the reason. */
export function scanCases(s?: HostileSetup): { name: string; src: string; mime?: string; why: RegExp }[] {
  const outside = s?.outside ?? '/outside';
  return [
    {
      name: '../ leading out',
      src: '../outside/id_ed25519',
      mime: 'image/png',
      why: /lies outside the issue's folder/,
    },
    { name: 'absolute path outside', src: path.join(outside, 'secret.png'), why: /lies outside the issue's folder/ },
    { name: 'file symlink leading out', src: 'scans/link.png', why: /link that leads outside/ },
    { name: 'folder symlink leading out', src: 'linkdir/secret.png', why: /link that leads outside/ },
    { name: 'hard link to a file outside', src: 'scans/hard.png', why: /hard links/ },
    { name: 'a text file named .png', src: 'scans/fake.png', why: /not an image/ },
    { name: 'Windows device name', src: 'scans/NUL.png', why: /Windows device NUL/ },
    { name: 'Windows long-path namespace', src: '\\\\?\\C:\\Windows\\win.ini', why: /device or long-path name/ },
    { name: 'UNC path', src: '\\\\server\\share\\secret.png', why: /network \(UNC\) path/ },
  ];
}

/** ALTO source references that a METS/ALTO export must refuse (nothing written), with the reason. */
export function altoCases(s?: HostileSetup): { name: string; source: string; why: RegExp }[] {
  const outside = s?.outside ?? '/outside';
  const first = s?.altoNames[0] ?? 'first.xml';
  return [
    { name: '../ leading out', source: `../outside/alto/${first}`, why: /lies outside the issue's folder/ },
    {
      name: 'absolute path outside',
      source: path.join(outside, 'alto', first),
      why: /lies outside the issue's folder/,
    },
    { name: 'folder symlink leading out', source: `linkdir/alto/${first}`, why: /link that leads outside/ },
    { name: 'hard link to a file outside', source: 'text/hard.xml', why: /hard links/ },
  ];
}

/** The issue with page 1's scan set to `src` (and its declared type), every other page without a scan. */
export function withScan(issue: Issue, src: string, mime?: string): Issue {
  return {
    ...issue,
    pages: issue.pages.map((p, i) => {
      const { image: _drop, ...rest } = p;
      return i === 0 ? { ...rest, image: { src, width: 5, height: 4, ...(mime ? { mime } : {}) } } : rest;
    }),
  };
}

/** The issue with page 1's ALTO source set to `source`. */
export function withAltoSource(issue: Issue, source: string): Issue {
  return {
    ...issue,
    pages: issue.pages.map((p, i) => (i === 0 ? { ...p, source: { name: source, format: 'alto' } } : p)),
  };
}

/** True when any file under `dir` holds `needle` (the secret was copied). */
export async function anyFileHolds(dir: string, needle: Buffer): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isFile()) continue;
    if ((await readFile(path.join(e.parentPath, e.name))).includes(needle)) return true;
  }
  return false;
}
