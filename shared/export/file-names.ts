/**
 * File names from article titles (RELIABILITY 1.6): NFC, no control or reserved characters, no `.`/`..`, no
 * Windows device names, no trailing dots or spaces, at most 200 UTF-8 bytes (room for a suffix), Unicode kept.
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

export function safeFileName(title: string, fallback = 'article'): string {
  let s = title.normalize('NFC').replace(/[\p{Cc}\p{Cf}/\\:*?"<>|]/gu, ' ').replace(/\s+/g, ' ').trim();
  s = s.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (!s || s === '.' || s === '..') s = fallback;
  const stem = s.split('.')[0];
  if (RESERVED.test(stem.trim())) s = `_${s}`;
  const enc = new TextEncoder();
  while (enc.encode(s).length > 200) s = [...s].slice(0, -1).join('');
  s = s.replace(/[.\s]+$/, '');
  return s || fallback;
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
