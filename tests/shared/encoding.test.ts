import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { DecodeError, decodeBytes, normalizeNewlines } from '@shared/text/encoding';
import { pageFromPlainText } from '@shared/import/plain-text';
import { FIXTURES, SAMPLE_PAGE } from '../support/paths';

/** Every fixture here is generated from the sample page or the corpus in the test (no binary fixture files). */
const sample = readFileSync(SAMPLE_PAGE, 'utf8');
const importBytes = (b: Uint8Array) => {
  const d = decodeBytes(b);
  return {
    encoding: d.encoding,
    page: pageFromPlainText(normalizeNewlines(d.text), { pageId: 'p1', label: '2', encoding: d.encoding }),
  };
};
const reference = pageFromPlainText(sample, { pageId: 'p1', label: '2', encoding: 'utf-8' });

/** A few paragraphs of traditional Chinese (晶報, 1920) from the training corpus, tags stripped. */
function traditionalText(): string {
  const dir = path.join(FIXTURES, 'corpus');
  const file = readdirSync(dir)
    .filter((n) => n.endsWith('.xml'))
    .sort()[0];
  const raw = readFileSync(path.join(dir, file), 'utf8')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, '');
  const paras = raw
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ''))
    .filter((p) => [...p].length > 20)
    .slice(0, 6);
  // Keep only characters Big5 holds in both iconv-lite's table and the WHATWG one the decoder uses (旣 differs).
  const big5 = new TextDecoder('big5');
  return [...paras.join('\n\n')].filter((ch) => big5.decode(iconv.encode(ch, 'big5')) === ch).join('');
}

describe('page encodings', () => {
  const variants: [string, Buffer, string][] = [
    ['GB18030 without BOM', iconv.encode(sample, 'gb18030'), 'gb18030'],
    ['UTF-16LE with BOM', iconv.encode(sample, 'utf-16le', { addBOM: true }), 'utf-16le'],
    ['UTF-16BE with BOM', iconv.encode(sample, 'utf-16be', { addBOM: true }), 'utf-16be'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample)]), 'utf-8-bom'],
    ['UTF-8 with CRLF', Buffer.from(sample.replace(/\n/g, '\r\n')), 'utf-8'],
    ['GB18030 with CRLF', iconv.encode(sample.replace(/\n/g, '\r\n'), 'gb18030'), 'gb18030'],
  ];
  it.each(variants)('%s imports to the same text and fragments', (_name, bytes, encoding) => {
    const r = importBytes(bytes);
    expect(r.encoding).toBe(encoding);
    expect(r.page.original).toBe(sample);
    expect(r.page.fragments).toEqual(reference.fragments);
    expect(r.page.markup).toEqual(reference.markup);
  });

  it('detects a Big5 page of traditional Chinese as big5', () => {
    const trad = traditionalText();
    expect([...trad].length).toBeGreaterThan(100);
    const r = importBytes(iconv.encode(trad, 'big5'));
    expect(r.encoding).toBe('big5');
    expect(r.page.original).toBe(trad);
  });

  it('reads the same traditional text saved as GB18030 as gb18030 (both tables decode it; the frequency score decides)', () => {
    const trad = traditionalText();
    const r = importBytes(iconv.encode(trad, 'gb18030'));
    expect(r.encoding).toBe('gb18030');
    expect(r.page.original).toBe(trad);
  });

  it('decodes GBK text, including characters outside GB2312, and GB18030 four-byte characters', () => {
    const gbkOnly = '朱镕基说，們的書和喆、堃、昇都在GBK里。';
    expect(decodeBytes(iconv.encode(gbkOnly, 'gbk'))).toEqual({ text: gbkOnly, encoding: 'gb18030' });
    const astral = '𠮷野家和𩸽都在GB18030的四字节区。';
    expect(decodeBytes(iconv.encode(astral, 'gb18030'))).toEqual({ text: astral, encoding: 'gb18030' });
  });

  it('refuses bytes that are neither UTF-8, GB18030 nor Big5, never decoding with U+FFFD', () => {
    expect(() => decodeBytes(Buffer.from('正文 abc \xff\xff\xff end', 'latin1'))).toThrow(
      /neither UTF-8, GB18030\/GBK nor Big5/,
    );
  });

  it('refuses UTF-8 with a damaged byte instead of reading it as GB18030 mojibake, and says where', () => {
    const bytes = Buffer.concat([
      Buffer.from(sample.slice(0, 500)),
      Buffer.from([0xff]),
      Buffer.from(sample.slice(500, 900)),
    ]);
    const at = Buffer.byteLength(sample.slice(0, 500));
    expect(() => decodeBytes(bytes)).toThrow(
      new RegExp(`UTF-8 text with 1 damaged byte sequence\\(s\\), the first near byte ${at}`),
    );
  });

  it('refuses binary and empty input with a clear message', () => {
    expect(() => decodeBytes(new Uint8Array(0))).toThrow(/empty/);
    expect(() =>
      decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])),
    ).toThrow(DecodeError);
    expect(() => decodeBytes(Buffer.from('text\u0000more text'))).toThrow(/NUL bytes/);
    const controls = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 1 + (i % 7) : 0x41)));
    expect(() => decodeBytes(controls)).toThrow(/control characters/);
  });

  it('honours an encoding chosen by hand, and refuses it when the bytes do not fit', () => {
    const gb = iconv.encode('浙江日报', 'gb18030');
    expect(decodeBytes(gb, 'gb18030').text).toBe('浙江日报');
    expect(() => decodeBytes(gb, 'utf-8')).toThrow(/not valid utf-8/);
  });

  it('reads UTF-16 without BOM by its NUL bytes, Chinese and English, in both byte orders', () => {
    for (const enc of ['utf-16le', 'utf-16be'] as const) {
      expect(decodeBytes(iconv.encode(sample, enc))).toEqual({ text: sample, encoding: enc });
      expect(decodeBytes(iconv.encode('Page two.\nColumn 3.\n', enc))).toEqual({
        text: 'Page two.\nColumn 3.\n',
        encoding: enc,
      });
    }
    // Without any NUL byte (Chinese only, no newline), the frequent-hanzi score still tells UTF-16 from GB18030/Big5.
    const han = sample.replace(/[\x00-\x7f]/g, '').slice(0, 400);
    for (const enc of ['utf-16le', 'utf-16be'] as const)
      expect(decodeBytes(iconv.encode(han, enc))).toEqual({ text: han, encoding: enc });
    // Binary with NUL bytes on both sides of the code units stays binary.
    expect(() =>
      decodeBytes(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0])),
    ).toThrow(/NUL bytes/);
  });

  it('reads CESU-8 (surrogates encoded one by one) instead of GB18030 mojibake, and refuses a lone surrogate', () => {
    const cesu = Buffer.concat([
      Buffer.from('正文'),
      Buffer.from([0xed, 0xa1, 0x82, 0xed, 0xbe, 0xb7]),
      Buffer.from('野家'),
    ]);
    expect(decodeBytes(cesu)).toEqual({ text: '正文𠮷野家', encoding: 'cesu-8' });
    const lone = Buffer.concat([Buffer.from('正文'), Buffer.from([0xed, 0xa1, 0x82]), Buffer.from('野家')]);
    expect(() => decodeBytes(lone)).toThrow(/half of a UTF-16 surrogate pair encoded near byte 6/);
  });

  it('names the runner-up when the legacy guess is not sure, and not for a clear page', () => {
    const unsure = decodeBytes(iconv.encode('饕餮', 'big5'));
    expect(unsure.encoding).toBe('gb18030');
    expect(unsure.alternative).toBe('big5');
    expect(decodeBytes(iconv.encode('饕餮', 'big5'), 'big5').text).toBe('饕餮');
    expect(decodeBytes(iconv.encode(sample, 'gb18030')).alternative).toBeUndefined();
    expect(decodeBytes(iconv.encode(traditionalText(), 'big5')).alternative).toBeUndefined();
  });

  it('normalizes CRLF and lone CR to LF', () => {
    expect(normalizeNewlines('a\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
});
