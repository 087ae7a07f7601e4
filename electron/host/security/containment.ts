import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { HostError } from '../../../shared/ipc/contract';

/**
 * Path containment for every host: a path named by the renderer, a URL or a file reference must stay inside the
 * folder it belongs to. Used by the desktop shell's `app://` protocol, the browser host's static server and its
 * in-app dialogs.
 */

/**
 * Maps a URL path (still percent-encoded) to a file under `root`, or null when it would leave the root
 * (docs/security.md, Containment): decoded once, backslashes treated as separators (Windows, UNC), NUL refused, then
 * `path.relative` must be neither absolute nor start with `..`. Lexical only; see `resolveInsideRootReal`.
 */
export function resolveInsideRoot(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  // A second decoding layer would be an escape for any code that decodes again: refuse it outright.
  if (/%[0-9a-f]{2}/i.test(decoded)) return null;
  return containRelative(root, decoded);
}

/**
 * A path given relative to `root` (no URL decoding) → the absolute path inside it, or null when it would leave
 * it: backslashes count as separators (Windows, UNC), drive letters and NUL are refused.
 */
export function containRelative(root: string, relPath: string): string | null {
  if (relPath.includes('\0')) return null;
  const rel = relPath.replace(/\\/g, '/');
  if (/^\/*[A-Za-z]:/.test(rel)) return null;
  const base = path.resolve(root);
  const full = path.resolve(base, '.' + path.sep + rel.replace(/^\/+/, ''));
  const back = path.relative(base, full);
  if (back === '') return full;
  if (path.isAbsolute(back) || back === '..' || back.startsWith('..' + path.sep)) return null;
  return full;
}

/** `resolveInsideRoot`, then the same check on the real path, so a symlink inside the root cannot lead out. */
export async function resolveInsideRootReal(root: string, urlPath: string): Promise<string | null> {
  const lexical = resolveInsideRoot(root, urlPath);
  if (!lexical) return null;
  try {
    const [realRoot, real] = await Promise.all([fs.realpath(root), fs.realpath(lexical)]);
    const back = path.relative(realRoot, real);
    if (back !== '' && (path.isAbsolute(back) || back === '..' || back.startsWith('..' + path.sep))) return null;
    return real;
  } catch {
    return null; // missing file
  }
}

/**
 * A path refused before or during containment. The message is one line for the user: which path, what is wrong,
 * and (where there is one) what to do. It crosses every transport as a `refused` host error.
 */
export class ContainmentError extends HostError {
  constructor(message: string) {
    super(message, 'refused');
    this.name = 'ContainmentError';
  }
}

/** Windows reserves these names in every folder, with any extension (`con.txt`), also with trailing dots/spaces. */
const DEVICE_NAME = /^(con|prn|aux|nul|conin\$|conout\$|clock\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Shown paths are cut: a hostile reference can be megabytes long. */
function shown(p: string): string {
  const flat = p.replace(/[\u0000-\u001f\u007f]/g, '?');
  return flat.length > 120 ? `${flat.slice(0, 117)}…` : flat;
}

/** True when a name (one path segment) is a Windows device name such as `CON`, `nul.png`, `COM1 .txt`. */
export function isDeviceName(segment: string): boolean {
  const stem = segment.split('.')[0].replace(/[ .]+$/, '');
  return DEVICE_NAME.test(stem);
}

/**
 * Why a path text is refused before any file system access, or null. Refused everywhere: NUL, the Windows
 * device and long-path namespaces (`\\?\`, `\\.\`, also with forward slashes), UNC network paths (`\\host\share`,
 * `//host/share`), and a Windows device name as the last segment. `segments: 'all'` also checks every folder on
 * the way (for paths relative to a root: a reference inside an issue, a browser-host dialog answer).
 */
export function pathTextProblem(p: string, segments: 'last' | 'all' = 'last'): string | null {
  if (p === '') return 'an empty path';
  if (p.includes('\0')) return `"${shown(p)}" contains a NUL character`;
  if (/^[\\/]{2}[?.][\\/]/.test(p))
    return `"${shown(p)}" is a Windows device or long-path name (\\\\?\\, \\\\.\\), which Galley never opens`;
  if (/^[\\/]{2}[^\\/]/.test(p)) return `"${shown(p)}" is a network (UNC) path, which Galley never opens from here`;
  const parts = p.split(/[\\/]+/).filter((s) => s !== '');
  const checked = segments === 'all' ? parts : parts.slice(-1);
  const device = checked.find(isDeviceName);
  if (device) return `"${shown(p)}" names the Windows device ${device.split('.')[0].toUpperCase()}, not a file`;
  return null;
}

function isInside(root: string, file: string): boolean {
  const back = path.relative(root, file);
  return back === '' || !(path.isAbsolute(back) || back === '..' || back.startsWith('..' + path.sep));
}

/** The real path of `file`, or of its nearest existing folder with the rest appended (a target not written yet). */
async function realpathAllowMissing(file: string): Promise<string> {
  let rest = '';
  let cur = file;
  for (;;) {
    try {
      const real = await fs.realpath(cur);
      return rest ? path.join(real, rest) : real;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
      const parent = path.dirname(cur);
      if (parent === cur) throw e;
      rest = rest ? path.join(path.basename(cur), rest) : path.basename(cur);
      cur = parent;
    }
  }
}

export interface ContainOptions {
  /** What the path is, for messages: "the scan of page 3", "the file chosen". */
  what: string;
  /** What the roots are, for messages: "the folder", "the folder the browser host was started on". */
  where: string;
  /** A file read now must exist; a target written later may not exist yet (its nearest folder is checked). */
  mustExist: boolean;
  /**
   * Refuse a regular file with more than one hard link. A hard link cannot be told from its other names, and one
   * of them may lie outside the roots (a link made inside the folder to a file elsewhere); see docs/security.md.
   */
  refuseHardLinks?: boolean;
}

/**
 * The one containment check of the host (docs/security.md, "Containment"): resolves `ref` (relative to `base`,
 * or absolute) and returns its real path when it lies inside one of `roots`, else throws a `ContainmentError`
 * saying why. Refused: the path texts of `pathTextProblem` (device names in every segment below the root),
 * Windows drive letters outside Windows, `..` or an absolute path that leads out (backslashes count as
 * separators on every platform, so `..\..\x` is refused on Linux as on Windows), a symbolic link (file or
 * folder, anywhere on the way) whose target lies outside, and with `refuseHardLinks` a file with other hard
 * links. A missing file is an ordinary ENOENT error when `mustExist`.
 */
export async function containPath(
  ref: string,
  base: string,
  roots: readonly string[],
  opts: ContainOptions,
): Promise<string> {
  const text = pathTextProblem(ref, 'last');
  if (text) throw new ContainmentError(`${opts.what}: ${text}`);
  const norm = ref.replace(/\\/g, '/');
  if (process.platform !== 'win32' && /^[A-Za-z]:/.test(norm))
    throw new ContainmentError(`${opts.what}: "${shown(ref)}" is a Windows drive path; it lies outside ${opts.where}`);
  if (!roots.length)
    throw new ContainmentError(
      `${opts.what}: "${shown(ref)}" cannot be read: there is no folder it may lie in (save the issue first)`,
    );
  const full = path.resolve(base, norm);
  const root = roots.map((r) => path.resolve(r)).find((r) => isInside(r, full));
  if (!root)
    throw new ContainmentError(
      `${opts.what}: "${shown(ref)}" lies outside ${opts.where}; Galley does not read or write there`,
    );
  const below = path.relative(root, full);
  const device = below ? pathTextProblem(below, 'all') : null;
  if (device) throw new ContainmentError(`${opts.what}: ${device}`);
  const real = opts.mustExist ? await fs.realpath(full) : await realpathAllowMissing(full);
  const realRoots = await Promise.all(roots.map((r) => fs.realpath(r).catch(() => null)));
  if (!realRoots.some((r) => r !== null && isInside(r, real))) {
    throw new ContainmentError(
      `${opts.what}: "${shown(ref)}" is a link that leads outside ${opts.where}; Galley does not follow it`,
    );
  }
  if (opts.refuseHardLinks) {
    const st = await fs.stat(real).catch(() => null);
    if (st?.isFile() && st.nlink > 1) {
      throw new ContainmentError(
        `${opts.what}: "${shown(ref)}" has ${st.nlink} hard links, and Galley cannot tell whether another one lies outside ${opts.where}; copy the file instead of linking it`,
      );
    }
  }
  return real;
}

/**
 * Opens a file that `containPath` admitted, for reading only: the last segment is not followed if it was swapped
 * for a link since the check (O_NOFOLLOW where the platform has it), it must still be a regular file, and with
 * `refuseHardLinks` have one link. The caller reads from the handle, so what was checked is what is read.
 */
export async function openContained(real: string, what: string, refuseHardLinks: boolean): Promise<fs.FileHandle> {
  // Non-blocking, so that a FIFO named by a document cannot hang the open before the regular-file check below.
  const fh = await fs.open(real, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0));
  try {
    const st = await fh.stat();
    if (!st.isFile())
      throw new ContainmentError(
        `${what}: ${path.basename(real)} is not a file (a folder, device or pipe is never read)`,
      );
    if (refuseHardLinks && st.nlink > 1)
      throw new ContainmentError(
        `${what}: ${path.basename(real)} has ${st.nlink} hard links; copy the file instead of linking it`,
      );
    return fh;
  } catch (e) {
    await fh.close();
    throw e;
  }
}
