import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { saveAtomic } from '../../../../electron/host/services/atomic-save';
import { loadIssueFile, saveIssueFile } from '../../../../electron/host/services/issue-files';
import { pageFromPlainText } from '../../../../shared/import/plain-text';
import { createIssue } from '../../../../shared/model/create';

/** Save states the kill loop reaches only by luck, reproduced deterministically. */
describe('atomic save: backups and leftovers', () => {
  let dir: string;
  let target: string;
  const others = () =>
    fs
      .readdirSync(dir)
      .filter((n) => n !== 'x.galley.json' && n !== 'x.galley.json.bak')
      .sort();
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-bak-'));
    target = path.join(dir, 'x.galley.json');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps the previous version as .bak, as a separate file from the new one', async () => {
    await saveAtomic(target, 'v1');
    expect(fs.existsSync(`${target}.bak`)).toBe(false);
    await saveAtomic(target, 'v2');
    await saveAtomic(target, 'v3');
    expect(fs.readFileSync(target, 'utf8')).toBe('v3');
    expect(fs.readFileSync(`${target}.bak`, 'utf8')).toBe('v2');
    expect(fs.statSync(target).ino).not.toBe(fs.statSync(`${target}.bak`).ino);
    expect(others()).toEqual([]);
  });

  it('after a save killed between the backup and the commit (.bak and file one inode), leaves no temp link and never writes through .bak', async () => {
    await saveAtomic(target, 'v1');
    await saveAtomic(target, 'v2');
    // The state a SIGKILL right after the backup step leaves: .bak is a second name of the current file.
    fs.rmSync(`${target}.bak`);
    fs.linkSync(target, `${target}.bak`);
    await saveAtomic(target, 'v3');
    // rename() between two names of one inode does nothing: the temp link used to stay behind here …
    expect(others()).toEqual([]);
    expect(fs.readFileSync(`${target}.bak`, 'utf8')).toBe('v2');
    const bakInode = fs.statSync(`${target}.bak`).ino;
    await saveAtomic(target, 'v4');
    // … and the next save then copied the file *into* that inode, in place (a torn .bak when killed mid-copy).
    expect(fs.readFileSync(`${target}.bak`, 'utf8')).toBe('v3');
    expect(fs.statSync(`${target}.bak`).ino).not.toBe(bakInode);
    expect(others()).toEqual([]);
  });

  it('serializes overlapping saves of one file: the last one wins, .bak is the one before', async () => {
    const issue = createIssue([pageFromPlainText('正文。', { pageId: 'p1', label: '1', encoding: 'utf-8' })], {
      id: 'i',
      title: 't0',
    });
    await Promise.all([1, 2, 3, 4, 5].map((n) => saveIssueFile(target, { ...issue, title: `t${n}` })));
    expect((await loadIssueFile(target)).title).toBe('t5');
    expect(JSON.parse(fs.readFileSync(`${target}.bak`, 'utf8')).title).toBe('t4');
    expect(others()).toEqual([]);
  });
});
