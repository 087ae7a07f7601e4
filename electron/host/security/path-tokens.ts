import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { HostError } from '../../../shared/ipc/contract';

/**
 * What a token lets the renderer do with its path. A token handed out by "Import pages" cannot be used to
 * overwrite that page file with an issue, and an export target cannot be opened as an issue.
 */
export type TokenKind = 'issue' | 'pages' | 'export';

interface Entry {
  path: string;
  kind: TokenKind;
}

/**
 * The path token registry (docs/security.md, Containment): the renderer never sends a filesystem path. Dialogs run in the
 * host and register the chosen path here; the renderer gets a random opaque token and names it in later calls.
 * Tokens live as long as the host process: a restarted host forgets them, so a stale token is refused.
 */
export class PathTokens {
  private readonly byToken = new Map<string, Entry>();
  private readonly byKey = new Map<string, string>();

  /** Registers an absolute path; the same path and kind always get the same token within one launch. */
  register(file: string, kind: TokenKind): string {
    if (!path.isAbsolute(file)) throw new Error(`path tokens need absolute paths, got "${file}"`);
    const abs = path.resolve(file);
    const key = `${kind}\0${abs}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const token = randomBytes(18).toString('base64url');
    this.byToken.set(token, { path: abs, kind });
    this.byKey.set(key, token);
    return token;
  }

  /** A file reference for the renderer: the token and the base name to show. */
  ref(file: string, kind: TokenKind): { token: string; name: string } {
    return { token: this.register(file, kind), name: path.basename(file) };
  }

  /** The path behind a token, when it was handed out for one of `kinds`; otherwise a refusal. */
  resolve(token: string, ...kinds: TokenKind[]): string {
    const e = this.byToken.get(token);
    if (!e)
      throw new HostError('unknown file token: choose the file again (tokens do not survive a restart)', 'refused');
    if (kinds.length && !kinds.includes(e.kind)) {
      throw new HostError(
        `this file was chosen for ${e.kind === 'pages' ? 'page import' : e.kind}, not for ${kinds.join(' or ')}`,
        'refused',
      );
    }
    return e.path;
  }

  /**
   * The folders of every path handed out for `kind` in this launch: for `pages`, the folders the user imported
   * from, which an issue's scan and ALTO references may point into (docs/security.md, "Containment").
   */
  folders(kind: TokenKind): string[] {
    const out = new Set<string>();
    for (const e of this.byToken.values()) if (e.kind === kind) out.add(path.dirname(e.path));
    return [...out];
  }

  /** The path behind a token if it is known, without kind check (recovery headers remember the issue file). */
  peek(token: string): string | undefined {
    return this.byToken.get(token)?.path;
  }
}
