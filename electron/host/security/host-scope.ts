import path from 'node:path';
import { containPath, ContainmentError, pathTextProblem } from './containment';

/**
 * Where a host may read and write: every path becomes a token only through `admit` (dialog answers, files from
 * the command line, the recent list, a recovery file's issue). Electron and the CLI act on what the user chose
 * (`USER_CHOICE_SCOPE`); the browser host on its launch folder only (`folderScope`).
 */
export interface HostScope {
  /** The folder every path must lie in, when there is one (the browser host's launch folder). */
  readonly root?: string;
  /** The path to register (its real path inside a folder scope), or a `ContainmentError` saying why not. */
  admit(file: string, use: 'read' | 'write'): Promise<string>;
}

/**
 * The Electron host and the CLI: a path comes from a native dialog, the command line, an OS open or drop (what
 * the user chose), so any folder is fine; still, Windows device names and the `\\?\` / `\\.\` namespaces are
 * never opened (a dialog can return them, a CLI argument can name them).
 */
export const USER_CHOICE_SCOPE: HostScope = {
  async admit(file) {
    const problem = pathTextProblem(file, 'last');
    if (problem) throw new ContainmentError(problem);
    if (!path.isAbsolute(file)) throw new ContainmentError(`"${file.slice(0, 120)}" is not an absolute path`);
    return path.resolve(file);
  },
};

/**
 * The browser host: every path lies inside `root` after realpath (symlinks leading out are refused, for files
 * and for the folders on the way), device names are refused in every segment below the root, and a file with
 * other hard links is refused (one of its names may lie outside). The root itself is no file to open or write.
 */
export function folderScope(root: string): HostScope {
  const abs = path.resolve(root);
  return {
    root: abs,
    async admit(file, use) {
      const real = await containPath(file, abs, [abs], {
        what: use === 'read' ? 'the file to open' : 'the file to write',
        where: 'the folder the browser host was started on',
        mustExist: use === 'read',
        refuseHardLinks: true,
      });
      const realRoot = await containPath('.', abs, [abs], {
        what: 'the launch folder',
        where: 'itself',
        mustExist: true,
      });
      if (real === realRoot)
        throw new ContainmentError('the launch folder itself is not a file; choose a file inside it');
      return real;
    },
  };
}
