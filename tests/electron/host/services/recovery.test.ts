import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtemp, rm, readFile, writeFile, readdir, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  discardRecovery,
  listRecovery,
  readRecovery,
  recoveryDir,
  recoveryFileName,
  RECOVERY_SCHEMA,
  writeRecovery,
} from '../../../../electron/host/services/recovery-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'galley-recovery-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const header = (id: string, savedAt = '2026-11-27T10:00:00.000Z') => ({
  id,
  appVersion: '0.1.0',
  issueId: id,
  title: 'T ' + id,
  savedAt,
  changes: 2,
});

describe('recovery store', () => {
  it('writes one file per id with a header line, lists newest first, reads back exactly', async () => {
    const payload = JSON.stringify({ doc: '𠮷野 "quoted"\n', history: [1, 2, 3] });
    await writeRecovery(dir, header('a', '2026-11-27T10:00:00.000Z'), payload);
    await writeRecovery(dir, { ...header('b', '2026-11-27T11:00:00.000Z'), filePath: '/x/y.galley.json' }, 'B');
    const text = await readFile(path.join(recoveryDir(dir), 'a.galley-recovery.json'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^\{"format":"galley-recovery","schema":1,"header":\{.*"id":"a".*\},$/);
    expect(JSON.parse(text).payload).toBe(payload); // the whole file is one JSON value
    expect((await listRecovery(dir)).map((r) => r.id)).toEqual(['b', 'a']);
    expect((await listRecovery(dir))[0].filePath).toBe('/x/y.galley.json');
    expect((await readRecovery(dir, 'a')).payload).toBe(payload);
    // no temp files or backups left next to it
    expect((await readdir(recoveryDir(dir))).sort()).toEqual(['a.galley-recovery.json', 'b.galley-recovery.json']);
  });

  it('a rewrite replaces the previous snapshot', async () => {
    await writeRecovery(dir, header('a'), 'one');
    await writeRecovery(dir, { ...header('a'), changes: 9 }, 'two');
    expect(await listRecovery(dir)).toMatchObject([{ id: 'a', changes: 9 }]);
    expect((await readRecovery(dir, 'a')).payload).toBe('two');
  });

  it('ids that are not safe file names are hashed, and still round-trip', async () => {
    const id = '../../etc/passwd 浙江';
    expect(recoveryFileName(id)).toMatch(/^h-[0-9a-f]{40}\.galley-recovery\.json$/);
    await writeRecovery(dir, header(id), 'p');
    expect((await listRecovery(dir))[0].id).toBe(id);
    expect((await readRecovery(dir, id)).payload).toBe('p');
    await discardRecovery(dir, id);
    expect(await readdir(recoveryDir(dir))).toEqual([]);
  });

  it('a file from a newer schema is listed as unreadable, refused on read and never deleted by list or read', async () => {
    await mkdir(recoveryDir(dir), { recursive: true });
    const newer = path.join(recoveryDir(dir), 'future.galley-recovery.json');
    const body = `{"format":"galley-recovery","schema":${RECOVERY_SCHEMA + 1},"header":{"id":"future","savedAt":"2030-01-01T00:00:00.000Z","changes":1,"whatever":true},\n"payload":"x","extra":1}\n`;
    await writeFile(newer, body);
    const [item] = await listRecovery(dir);
    expect(item.id).toBe('future');
    expect(item.unreadable).toMatch(/newer Galley .*format 2.*kept/);
    await expect(readRecovery(dir, 'future')).rejects.toThrow(/newer Galley/);
    expect(await readFile(newer, 'utf8')).toBe(body);
  });

  it('damaged files are listed as unreadable and refused on read: truncation, checksum, foreign files', async () => {
    await writeRecovery(dir, header('t'), 'x'.repeat(1000));
    const file = path.join(recoveryDir(dir), 't.galley-recovery.json');
    const full = await readFile(file, 'utf8');
    await writeFile(file, full.slice(0, full.length - 100));
    await expect(readRecovery(dir, 't')).rejects.toThrow(/damaged/);
    await writeFile(file, full.replace('xxxx', 'yyyy'));
    await expect(readRecovery(dir, 't')).rejects.toThrow(/checksum/);
    await writeFile(path.join(recoveryDir(dir), 'junk.galley-recovery.json'), 'hello');
    expect((await listRecovery(dir)).find((r) => r.id === 'junk')?.unreadable).toMatch(/not a Galley recovery file/);
  });

  it('golden: a schema-1 file written by this release stays readable (changing the layout must bump RECOVERY_SCHEMA)', async () => {
    await mkdir(recoveryDir(dir), { recursive: true });
    const golden =
      '{"format":"galley-recovery","schema":1,"header":{"id":"issue-1-golden","appVersion":"0.1.0","issueId":"issue-1","title":"浙江日报","savedAt":"2026-11-27T10:00:00.000Z","changes":7,"filePath":"/x/day.galley.json","sha256":"40b0b7290f84fdadf30b94177594ef8222a015f5527228bdb589acf83a12201f"},\n' +
      '"payload":"{\\"doc\\":{\\"id\\":\\"issue-1\\",\\"title\\":\\"浙江日报\\"},\\"history\\":[{\\"op\\":\\"x\\"}]}"}\n';
    await writeFile(path.join(recoveryDir(dir), 'issue-1-golden.galley-recovery.json'), golden);
    expect(await listRecovery(dir)).toEqual([
      {
        id: 'issue-1-golden',
        issueId: 'issue-1',
        title: '浙江日报',
        savedAt: '2026-11-27T10:00:00.000Z',
        changes: 7,
        filePath: '/x/day.galley.json',
      },
    ]);
    expect(JSON.parse((await readRecovery(dir, 'issue-1-golden')).payload)).toEqual({
      doc: { id: 'issue-1', title: '浙江日报' },
      history: [{ op: 'x' }],
    });
    // and this build writes the same bytes for the same content
    await writeRecovery(
      dir,
      {
        id: 'again',
        appVersion: '0.1.0',
        issueId: 'issue-1',
        title: '浙江日报',
        savedAt: '2026-11-27T10:00:00.000Z',
        changes: 7,
        filePath: '/x/day.galley.json',
      },
      JSON.stringify({ doc: { id: 'issue-1', title: '浙江日报' }, history: [{ op: 'x' }] }),
    );
    expect(await readFile(path.join(recoveryDir(dir), 'again.galley-recovery.json'), 'utf8')).toBe(
      golden.replace('issue-1-golden', 'again'),
    );
  });

  it('lists nothing when the folder does not exist; discarding a missing id is fine', async () => {
    expect(await listRecovery(dir)).toEqual([]);
    await expect(discardRecovery(dir, 'nope')).resolves.toBeUndefined();
  });
});
