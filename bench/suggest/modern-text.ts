import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { SourceArticle } from './practice-pages-b';

/**
 * Modern simplified Chinese prose for practice pages: the Debian FAQ's Simplified Chinese translation, as Debian's
 * `debian-faq-zh-cn` package installs it (its permission notice allows copies and modified versions under the
 * same notice; it is read from the installed package at bench time, never copied into this repository). Each FAQ
 * question is an article: the question is its title, its prose paragraphs (at least half Han characters, no
 * addresses) its body. Returns [] when the package is not installed.
 */
export const DEBIAN_FAQ_ZH = '/usr/share/doc/debian/FAQ/debian-faq.zh-cn.txt.gz';

const SECTION = /^\d+(\.\d+)+\.\s+/;

export function modernArticles(file = DEBIAN_FAQ_ZH): SourceArticle[] {
  if (!existsSync(file)) return [];
  // The text uses no-break spaces in places of plain ones (after section numbers, in some indents).
  const text = gunzipSync(readFileSync(file))
    .toString('utf8')
    .replace(/\u00a0/g, ' ');
  const out: SourceArticle[] = [];
  let cur: SourceArticle | null = null;
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim());
    if (!lines.length) continue;
    if (SECTION.test(lines[0]) && lines.length <= 3) {
      if (cur && cur.paragraphs.length) out.push(cur);
      // A question mark closing the question is dropped: set as a headline, the question reads as one.
      cur = {
        title: unwrap(lines)
          .replace(SECTION, '')
          .replace(/[？?]$/, ''),
        paragraphs: [],
      };
      continue;
    }
    // Prose paragraphs are indented four spaces; list items (`*`), code and tables are not prose.
    if (!cur || !lines.every((l) => /^ {4}\S/.test(l)) || /^\s*[*•]/.test(lines[0])) continue;
    const p = unwrap(lines);
    const han = [...p].filter((c) => /\p{Script=Han}/u.test(c)).length;
    if (p.length >= 20 && han >= 0.5 * [...p].length && !/https?:|www\./.test(p)) cur.paragraphs.push(p);
  }
  if (cur && cur.paragraphs.length) out.push(cur);
  return out.filter((a) => a.paragraphs.join('').length >= 60);
}

/** The printed lines of a paragraph joined: no space next to a CJK character, one between Latin words. */
function unwrap(lines: string[]): string {
  return lines
    .map((l) => l.trim())
    .reduce((acc, l) => {
      if (!acc) return l;
      const latin = /[\x21-\x7e]$/.test(acc) && /^[\x21-\x7e]/.test(l);
      return acc + (latin ? ' ' : '') + l;
    }, '');
}
