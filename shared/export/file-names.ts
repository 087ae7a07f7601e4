/**
 * File names from article titles (docs/security.md, Containment): NFC, no control, format or reserved characters (`/ \ : * ?
 * " < > |`), no `.`/`..`, no leading or trailing dots and spaces, no Windows device names (`CON`, `com1.txt`,
 * `CONIN$`, also with superscript digits), at most 200 UTF-8 bytes so that a counter and an extension still fit
 * in 255. Unicode is kept: a Chinese title gives a Chinese file name.
 *
 * The caller still joins the name under the chosen folder and re-checks containment (`export-service.ts`).
 */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|clock\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
export const MAX_STEM_BYTES = 200;
const enc = new TextEncoder();

function utf8Length(s: string): number {
  return enc.encode(s).length;
}

/** Cuts to at most `max` UTF-8 bytes on a code-point boundary. */
function cutBytes(s: string, max: number): string {
  if (utf8Length(s) <= max) return s;
  let out = '';
  let n = 0;
  for (const ch of s) {
    const len = utf8Length(ch);
    if (n + len > max) break;
    out += ch;
    n += len;
  }
  return out;
}

function trimDotsAndSpaces(s: string): string {
  return s.replace(/^[.\s]+/u, '').replace(/[.\s]+$/u, '');
}

export function safeFileName(title: string, fallback = 'article'): string {
  let s = title.isWellFormed() ? title.normalize('NFC') : title.toWellFormed().normalize('NFC');
  s = s.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\uFFFD/\\:*?"<>|]/gu, ' ').replace(/\s+/gu, ' ');
  s = trimDotsAndSpaces(s);
  s = trimDotsAndSpaces(cutBytes(s, MAX_STEM_BYTES));
  if (!s) s = fallback;
  // `CON`, `con.md`, `Com1 .txt`: Windows reserves the device name with any extension.
  const stem = s.split('.')[0].trim();
  if (RESERVED.test(stem)) s = `_${s}`;
  return s;
}

/** Unique names for a list of titles (`标题`, `标题 (2)`, …), compared case-insensitively. */
export function uniqueFileNames(titles: readonly string[], ext: string): string[] {
  const used = new Set<string>();
  return titles.map((t, i) => {
    const stem = safeFileName(t, `article-${i + 1}`);
    let name = `${stem}.${ext}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem} (${n}).${ext}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * Names numbered in board order (`01 标题.md`, `02 …`), so a folder listing or a zip reads like the board and
 * two articles with the same title never collide.
 */
export function orderedFileNames(titles: readonly string[], ext: string): string[] {
  const width = Math.max(2, String(titles.length).length);
  return titles.map((t, i) => {
    const n = String(i + 1).padStart(width, '0');
    return `${n} ${safeFileName(t, 'article')}.${ext}`;
  });
}
