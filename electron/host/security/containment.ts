import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Path containment for every host: a path named by the renderer, a URL or a file reference must stay inside the
 * folder it belongs to. Used by the desktop shell's `app://` protocol, the browser host's static server and its
 * in-app dialogs.
 */

/**
 * Maps a URL path (still percent-encoded) to a file under `root`, or null when it would leave the root
 * (RELIABILITY 1.6): decoded once, backslashes treated as separators (Windows, UNC), NUL refused, then
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
