import { describe, expect, it } from 'vitest';
import path from 'node:path';
import fc from 'fast-check';
import { MAX_STEM_BYTES, orderedFileNames, safeFileName, uniqueFileNames } from '@shared/export/file-names';

const bytes = (s: string) => new TextEncoder().encode(s).length;
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** The name joined under a folder stays a direct child of it, on POSIX and on Windows path rules. */
function staysInside(name: string): void {
  for (const [p, root] of [
    [path.posix, '/export/target'],
    [path.win32, 'C:\\export\\target'],
  ] as const) {
    const target = p.resolve(root, name);
    const rel = p.relative(root, target);
    expect(rel, `${JSON.stringify(name)} on ${p === path.posix ? 'posix' : 'win32'}`).toBe(name);
    expect(p.dirname(target)).toBe(root);
  }
}

function checkName(name: string): void {
  staysInside(name);
  expect(name.length).toBeGreaterThan(0);
  expect(bytes(name)).toBeLessThanOrEqual(255);
  expect(name).not.toMatch(/[\\/:*?"<>|\p{Cc}\p{Cf}]/u);
  expect(name).not.toMatch(/^[.\s]|[.\s]$/u);
  expect(RESERVED.test(name.split('.')[0].trim())).toBe(false);
  expect(name.isWellFormed()).toBe(true);
  expect(name).toBe(name.normalize('NFC'));
}

describe('export file names from article titles', () => {
  it('handles the known attacks and edge cases', () => {
    const long = '在诗乡吟诗赛诗迎亚运'.repeat(12); // 120 characters, 360 bytes
    const cases: [string, string][] = [
      ['../../x', 'x'],
      ['C:\\Windows\\evil', 'C Windows evil'],
      ['\\\\server\\share', 'server share'],
      ['CON', '_CON'],
      ['con.md', '_con.md'],
      ['LPT¹', '_LPT¹'],
      ['name.', 'name'],
      ['  spaced  ', 'spaced'],
      ['..', 'article'],
      ['.', 'article'],
      ['', 'article'],
      ['a/b', 'a b'],
      ['"管家"上门', '管家 上门'],
      ['e\u0301', 'é'],
      ['a\u202Eb', 'a b'],
      ['\uD800x', 'x'],
    ];
    for (const [title, want] of cases) expect(safeFileName(title), title).toBe(want);
    const cut = safeFileName(long);
    expect(bytes(cut)).toBeLessThanOrEqual(MAX_STEM_BYTES);
    expect(long.startsWith(cut)).toBe(true);
    for (const [t] of cases) checkName(`${safeFileName(t)}.md`);
  });

  it('keeps 10,000 generated titles inside the target folder', () => {
    const pieces = fc.constantFrom(
      '..',
      '.',
      '/',
      '\\',
      'C:',
      '\\\\srv\\share',
      'CON',
      'nul',
      'com1',
      'LPT9',
      ' ',
      '\t',
      '\n',
      '\u0000',
      '\u202E',
      '\uFEFF',
      '在诗乡',
      '吟诗',
      '𠮷',
      '😀',
      'e\u0301',
      '\uD800',
      '\uDC00',
      ':',
      '*',
      '?',
      '"',
      '<',
      '>',
      '|',
      '~',
      '$',
      'abc',
      '.md',
    );
    const title = fc.oneof(
      fc.array(pieces, { maxLength: 30, size: 'large' }).map((a) => a.join('')),
      fc.string({ unit: 'binary', maxLength: 120, size: 'large' }),
      fc.array(fc.constantFrom('诗', '歌', '節', '𩸽'), { minLength: 60, maxLength: 150 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(title, (t) => {
        checkName(`${safeFileName(t)}.md`);
        checkName(`${safeFileName(t)} (12).docx`);
      }),
      { numRuns: 10_000 },
    );
  });

  it('numbers names in board order and never repeats one', () => {
    expect(orderedFileNames(['标题', '标题', '../x'], 'md')).toEqual(['01 标题.md', '02 标题.md', '03 x.md']);
    expect(
      orderedFileNames(
        Array.from({ length: 100 }, () => 't'),
        'md',
      )[99],
    ).toBe('100 t.md');
    expect(uniqueFileNames(['A', 'a', 'A'], 'md')).toEqual(['A.md', 'a (2).md', 'A (3).md']);
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 }), { maxLength: 40 }), (titles) => {
        const names = orderedFileNames(titles, 'html');
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(titles.length);
        names.forEach(checkName);
      }),
      { numRuns: 500 },
    );
  });
});
