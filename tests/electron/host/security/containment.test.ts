import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { link, mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {
  containPath,
  ContainmentError,
  isDeviceName,
  pathTextProblem,
} from '../../../../electron/host/security/containment';
import { folderScope, USER_CHOICE_SCOPE } from '../../../../electron/host/security/host-scope';
import { imageTypeProblem } from '../../../../electron/host/security/image-magic';
import { makePng } from '../../../shared/import/make-png';

/**
 * The one containment check (electron/host/security/containment.ts) and the host scopes over it, on a real
 * folder with links: every way out is refused with a message that names the path and the reason.
 */
let tmp: string;
let root: string;
let outside: string;
const opts = { what: 'the test file', where: 'the root', mustExist: true, refuseHardLinks: true };

beforeAll(async () => {
  tmp = await realpath(await mkdtemp(path.join(os.tmpdir(), 'galley-contain-')));
  root = path.join(tmp, 'root');
  outside = path.join(tmp, 'outside');
  await mkdir(path.join(root, 'sub'), { recursive: true });
  await mkdir(outside);
  await writeFile(path.join(root, 'sub', 'in.txt'), 'in');
  await writeFile(path.join(outside, 'secret.txt'), 'secret');
  await symlink(path.join(outside, 'secret.txt'), path.join(root, 'file-link.txt'));
  await symlink(outside, path.join(root, 'dir-link'));
  await symlink(path.join(root, 'sub', 'in.txt'), path.join(root, 'inner-link.txt'));
  await link(path.join(outside, 'secret.txt'), path.join(root, 'hard.txt'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const refuse = (ref: string, o: Partial<typeof opts> = {}) => containPath(ref, root, [root], { ...opts, ...o });

describe('containPath', () => {
  it('admits files inside, by relative or absolute path, and links that stay inside; returns the real path', async () => {
    expect(await refuse('sub/in.txt')).toBe(path.join(root, 'sub', 'in.txt'));
    expect(await refuse(path.join(root, 'sub', 'in.txt'))).toBe(path.join(root, 'sub', 'in.txt'));
    expect(await refuse('sub/../sub/in.txt')).toBe(path.join(root, 'sub', 'in.txt'));
    expect(await refuse('inner-link.txt')).toBe(path.join(root, 'sub', 'in.txt'));
    expect(await refuse('sub\\in.txt')).toBe(path.join(root, 'sub', 'in.txt'));
  });

  it.each([
    ['../outside/secret.txt', /"..\/outside\/secret.txt" lies outside the root/],
    ['..\\outside\\secret.txt', /lies outside the root/],
    ['sub/../../outside/secret.txt', /lies outside the root/],
    ['<abs>', /lies outside the root/],
    ['file-link.txt', /"file-link.txt" is a link that leads outside the root/],
    ['dir-link/secret.txt', /is a link that leads outside the root/],
    ['hard.txt', /has 2 hard links/],
    ['CON', /names the Windows device CON/],
    ['sub/nul.txt', /Windows device NUL/],
    ['aux/x.txt', /Windows device AUX/],
    ['sub/COM1 .txt', /Windows device COM1/],
    ['conin$', /Windows device CONIN\$/],
    ['\\\\?\\C:\\secret.txt', /device or long-path name/],
    ['\\\\.\\PhysicalDrive0', /device or long-path name/],
    ['//?/C:/secret.txt', /device or long-path name/],
    ['\\\\server\\share\\x', /network \(UNC\) path/],
    ['//server/share/x', /network \(UNC\) path/],
    ['C:\\Windows\\win.ini', process.platform === 'win32' ? /lies outside the root/ : /Windows drive path/],
    ['sub/in.txt\0.png', /NUL character/],
  ])('refuses %j', async (ref, why) => {
    const r = refuse(ref === '<abs>' ? path.join(outside, 'secret.txt') : ref);
    await expect(r).rejects.toBeInstanceOf(ContainmentError);
    await expect(r).rejects.toThrow(why);
  });

  it('a target not written yet is checked on its nearest existing folder', async () => {
    expect(await refuse('sub/new/deeper/x.txt', { mustExist: false })).toBe(
      path.join(root, 'sub', 'new', 'deeper', 'x.txt'),
    );
    await expect(refuse('dir-link/new/x.txt', { mustExist: false })).rejects.toThrow(/link that leads outside/);
  });

  it('a missing file to read is an ordinary "no such file" error; no root at all refuses everything', async () => {
    await expect(refuse('sub/missing.txt')).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(containPath('x', root, [], opts)).rejects.toThrow(/no folder it may lie in/);
  });

  it('hard links are allowed where the caller does not refuse them', async () => {
    expect(await refuse('hard.txt', { refuseHardLinks: false })).toBe(path.join(root, 'hard.txt'));
  });

  it('never answers a path outside the real root (5,000 generated references)', async () => {
    const realRoot = await realpath(root);
    const seg = fc.constantFrom(
      '..',
      '.',
      'sub',
      'in.txt',
      'dir-link',
      'file-link.txt',
      'inner-link.txt',
      'CON',
      'x',
      '',
      '\\',
      '%2e%2e',
      outside,
      'C:',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(seg, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('/', '\\'),
        async (parts, sep) => {
          const got = await refuse(parts.join(sep), { mustExist: false }).catch(() => null);
          if (got !== null) expect(path.relative(realRoot, got).startsWith('..')).toBe(false);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('path texts', () => {
  it('device names are found with extensions, trailing dots and spaces, in any case; ordinary names pass', () => {
    for (const n of ['CON', 'con.txt', 'Nul.png', 'COM1 .txt', 'lpt9', 'AUX.', 'com¹', 'CONOUT$'])
      expect(isDeviceName(n), n).toBe(true);
    for (const n of ['console', 'con-1.txt', 'nul_page.png', 'com10', 'auxiliary', '.con'])
      expect(isDeviceName(n), n).toBe(false);
  });

  it('an absolute POSIX path is checked on its last segment only (a home folder named "con" is fine)', () => {
    expect(pathTextProblem('/home/con/page.txt')).toBeNull();
    expect(pathTextProblem('/home/con/page.txt', 'all')).toMatch(/Windows device CON/);
  });
});

describe('host scopes', () => {
  it('the browser host scope admits real paths inside its folder only, and never the folder itself', async () => {
    const scope = folderScope(root);
    expect(await scope.admit(path.join(root, 'inner-link.txt'), 'read')).toBe(path.join(root, 'sub', 'in.txt'));
    await expect(scope.admit(path.join(root, 'file-link.txt'), 'read')).rejects.toThrow(
      /link that leads outside the folder the browser host was started on/,
    );
    await expect(scope.admit(path.join(root, 'hard.txt'), 'write')).rejects.toThrow(/hard links/);
    await expect(scope.admit(root, 'read')).rejects.toThrow(/launch folder itself/);
  });

  it('the user-choice scope (Electron, CLI) admits any absolute path but no device or long-path name', async () => {
    expect(await USER_CHOICE_SCOPE.admit(path.join(outside, 'secret.txt'), 'read')).toBe(
      path.join(outside, 'secret.txt'),
    );
    await expect(USER_CHOICE_SCOPE.admit(path.join(outside, 'NUL'), 'write')).rejects.toThrow(/Windows device NUL/);
    await expect(USER_CHOICE_SCOPE.admit('\\\\?\\C:\\x', 'read')).rejects.toThrow(/long-path name/);
    await expect(USER_CHOICE_SCOPE.admit('relative.txt', 'read')).rejects.toThrow(/not an absolute path/);
  });
});

describe('image signatures', () => {
  const png = makePng(2, 2);
  it('a file is a scan of its declared type only when its bytes say so', () => {
    expect(imageTypeProblem(png, 'p1.png')).toBeNull();
    expect(imageTypeProblem(png, 'scan', 'image/png')).toBeNull();
    expect(imageTypeProblem(new TextEncoder().encode('-----BEGIN KEY'), 'p1.png')).toMatch(/not an image/);
    expect(imageTypeProblem(png, 'p1.jpg')).toMatch(/named .jpg but its bytes are image\/png/);
    expect(imageTypeProblem(png, 'p1.png', 'image/tiff')).toMatch(/declared image\/tiff/);
    expect(imageTypeProblem(png, 'id_ed25519')).toMatch(/declares no image type/);
    expect(imageTypeProblem(new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]), 'p.tif')).toBeNull();
    expect(imageTypeProblem(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'p.jpeg')).toBeNull();
  });
});
