import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, mkdir, writeFile, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startWebHost, type WebHost } from '../../../electron/web/server';

/**
 * The browser host's in-app file picker (`files.list`, `files.choose`): one folder of the launch folder at a time,
 * nothing outside it listed (no `..`, no absolute path, no link that leads out), and a choice queued for the
 * next dialog call, contained like every other answer. `app.info` tells the renderer to show its picker.
 */
let dir: string;
let host: WebHost;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'galley-picker-'));
  const renderer = path.join(dir, 'renderer');
  await mkdir(renderer);
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  await writeFile(path.join(dir, 'secret.txt'), 'SECRET');
  await mkdir(path.join(dir, 'outside-folder'));
  await writeFile(path.join(dir, 'outside-folder', 'key.txt'), 'KEY');
  const work = path.join(dir, 'work');
  await mkdir(path.join(work, 'pages', 'deep'), { recursive: true });
  await mkdir(path.join(work, 'node_modules'));
  await mkdir(path.join(work, '.hidden'));
  await writeFile(path.join(work, 'p2.txt'), '正文。');
  await writeFile(path.join(work, 'day.galley.json'), '{}');
  await writeFile(path.join(work, 'pages', 'p3.txt'), '正文。');
  await symlink(path.join(dir, 'secret.txt'), path.join(work, 'link-out.txt'));
  await symlink(path.join(dir, 'outside-folder'), path.join(work, 'folder-out'));
  await symlink(path.join(work, 'p2.txt'), path.join(work, 'link-in.txt'));
  host = await startWebHost({
    root: work,
    rendererDir: renderer,
    testMode: true,
    inAppPicker: true,
    session: { userDataDir: path.join(dir, 'user'), version: '0.0.1', host: 'test' },
  });
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

async function rpc(
  channel: string,
  body: unknown,
): Promise<{ status: number; data: { ok: boolean; value?: never; error?: string } }> {
  const res = await fetch(`${host.origin}/rpc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-galley-token': host.token },
    body: JSON.stringify(body),
  });
  return { status: res.status, data: (await res.json()) as never };
}

describe('browser host: in-app file picker', () => {
  it('app.info asks the renderer for its picker', async () => {
    expect((await rpc('app.info', {})).data.value).toMatchObject({ picker: 'in-app' });
  });

  it('lists one folder: folders and files, no hidden or build folders, links only when they stay inside', async () => {
    const { data } = await rpc('files.list', { dir: '' });
    expect(data.ok).toBe(true);
    const value = data.value as unknown as { root: string; dir: string; entries: { name: string; kind: string }[] };
    expect(value.root).toBe('work');
    expect(value.dir).toBe('');
    expect(value.entries.map((e) => `${e.kind}:${e.name}`)).toEqual([
      'file:day.galley.json',
      'file:link-in.txt',
      'file:p2.txt',
      'dir:pages',
    ]);
    const sub = (await rpc('files.list', { dir: 'pages' })).data.value as unknown as {
      dir: string;
      entries: { name: string }[];
    };
    expect(sub.dir).toBe('pages');
    expect(sub.entries.map((e) => e.name)).toEqual(['deep', 'p3.txt']);
  });

  it('lists nothing outside the launch folder', async () => {
    for (const d of [
      '..',
      '../outside-folder',
      path.join(dir, 'outside-folder'),
      'folder-out',
      'pages/../..',
      'C:\\\\Windows',
    ]) {
      const r = await rpc('files.list', { dir: d });
      expect(r.data.ok, d).toBe(false);
      expect(JSON.stringify(r.data)).not.toMatch(/key\.txt/);
    }
  });

  it('a choice is queued for the next dialog call and must lie inside', async () => {
    expect((await rpc('files.choose', { channel: 'dialog.importPages', paths: ['../secret.txt'] })).data.ok).toBe(
      false,
    );
    expect((await rpc('files.choose', { channel: 'dialog.importPages', paths: ['link-out.txt'] })).data.ok).toBe(true);
    // Queued by its text, refused on its real path when the dialog takes it.
    expect((await rpc('dialog.importPages', {})).data.ok).toBe(false);
    expect(
      (await rpc('files.choose', { channel: 'dialog.importPages', paths: ['p2.txt', 'pages/p3.txt'] })).data.ok,
    ).toBe(true);
    const refs = (await rpc('dialog.importPages', {})).data.value as unknown as { name: string }[];
    expect(refs.map((r) => r.name)).toEqual(['p2.txt', 'p3.txt']);
  });
});
