import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHandlers, type Dialogs } from '../../../../electron/host/services/handlers';
import { PathTokens } from '../../../../electron/host/security/path-tokens';
import { dispatch } from '../../../../shared/ipc/contract';
import { makePng } from '../../../shared/import/make-png';

/** `page.image`: a scan an issue names by path, read by the host for the scan view, and nothing else. */
let dir: string;
let tokens: PathTokens;
let issueToken: string;

const noDialogs = {} as Dialogs;
const call = (src: string, token = issueToken) =>
  dispatch(
    createHandlers({
      dialogs: noDialogs,
      tokens,
      userDataDir: dir,
      appInfo: { version: '0', host: 'test', locale: 'en', userName: '', platform: 'linux' },
    }),
    'page.image',
    { issueToken: token, src },
  ) as Promise<{ url: string }>;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'galley-scan-'));
  await mkdir(path.join(dir, 'issue', 'scans'), { recursive: true });
  await mkdir(path.join(dir, 'masters'));
  const png = makePng(3, 2);
  await writeFile(path.join(dir, 'issue', 'scans', 'p1.png'), png);
  await writeFile(path.join(dir, 'masters', 'p2.png'), png);
  await writeFile(path.join(dir, 'issue', 'notes.txt'), 'secret text');
  tokens = new PathTokens();
  issueToken = tokens.register(path.join(dir, 'issue', 'x.galley.json'), 'issue');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('page.image', () => {
  it('reads a scan relative to the issue file as a data URL; a sibling folder only once pages were imported from it', async () => {
    const png = Buffer.from(makePng(3, 2)).toString('base64');
    expect((await call('scans/p1.png')).url).toBe(`data:image/png;base64,${png}`);
    await expect(call('../masters/p2.png')).rejects.toThrow(/lies outside the issue's folder/);
    // Pages imported from masters/ in this launch (as layout imports write `../masters/…`): that folder is chosen.
    tokens.register(path.join(dir, 'masters', 'p2.txt'), 'pages');
    expect((await call('../masters/p2.png')).url).toBe(`data:image/png;base64,${png}`);
    expect((await call(path.join(dir, 'masters', 'p2.png'))).url).toBe(`data:image/png;base64,${png}`);
  });

  it('refuses what is not a displayable image file, URLs, missing files and tokens of other kinds', async () => {
    await expect(call('notes.txt')).rejects.toThrow(/not an image/);
    await expect(call('scans')).rejects.toThrow(/not a file/);
    await expect(call('http://example.com/p.png')).rejects.toThrow(/not a file path/);
    await expect(call('scans/missing.png')).rejects.toThrow(/no such file|ENOENT/);
    const pages = tokens.register(path.join(dir, 'issue', 'scans', 'p1.png'), 'pages');
    await expect(call('p1.png', pages)).rejects.toThrow(/not for issue/);
  });
});
