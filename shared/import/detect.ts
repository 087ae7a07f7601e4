/**
 * Which importer a file needs, from its first bytes and its name. Bytes win over the extension: a `.xml` may be
 * ALTO, METS, PAGE or TEI; an `.html` may be hOCR. Anything not recognised is plain text.
 */
export type LayoutFormat =
  'mets' | 'alto' | 'page-xml' | 'hocr' | 'tei' | 'pdf' | 'png' | 'jpeg' | 'tiff' | 'gif' | 'webp' | 'text';

export const IMAGE_FORMATS: readonly LayoutFormat[] = ['png', 'jpeg', 'tiff', 'gif', 'webp'];

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  return sig.every((v, i) => b[at + i] === v);
}

/**
 * Index just past the `>` that ends the DOCTYPE at the start of `s`, or -1. Quoted literals and comments are
 * skipped, so a `]>` inside an entity value does not end it.
 */
function doctypeEnd(s: string): number {
  let inSubset = false;
  for (let i = 2; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") {
      const close = s.indexOf(c, i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (inSubset && s.startsWith('<!--', i)) {
      const close = s.indexOf('-->', i + 4);
      if (close < 0) return -1;
      i = close + 2;
    } else if (c === '[' && !inSubset) inSubset = true;
    else if (c === ']' && inSubset) inSubset = false;
    else if (c === '>' && !inSubset) return i + 1;
  }
  return -1;
}

/** The local name of the first element, skipping the XML declaration, processing instructions, comments, DOCTYPE. */
export function xmlRootName(head: string): string | undefined {
  let s = head.replace(/^\uFEFF/, '');
  for (;;) {
    s = s.trimStart();
    if (s.startsWith('<?')) {
      const i = s.indexOf('?>');
      if (i < 0) return undefined;
      s = s.slice(i + 2);
      continue;
    }
    if (s.startsWith('<!--')) {
      const i = s.indexOf('-->');
      if (i < 0) return undefined;
      s = s.slice(i + 3);
      continue;
    }
    if (s.startsWith('<!')) {
      // DOCTYPE, possibly with an internal subset in brackets.
      const end = doctypeEnd(s);
      if (end < 0) return undefined;
      s = s.slice(end);
      continue;
    }
    const m = /^<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(s);
    return m?.[1];
  }
}

/** The start of a file as text: UTF-16 when a BOM or a `<` next to a zero byte says so, else UTF-8 (loosely). */
function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 65536);
  const le = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0x3c && head[1] === 0 && head[2] !== 0);
  const be = (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0 && head[1] === 0x3c);
  return new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8').decode(head);
}

export function detectFormat(bytes: Uint8Array, name = ''): LayoutFormat {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  const head = headText(bytes);
  const root = xmlRootName(head)?.toLowerCase();
  const lower = name.toLowerCase();
  if (root === 'mets') return 'mets';
  if (root === 'alto') return 'alto';
  if (root === 'pcgts') return 'page-xml';
  if (root === 'html' || /\.(x?html?|hocr)$/.test(lower)) {
    if (/\bocr_(?:page|carea|par|line)\b|\bocrx_word\b/.test(head)) return 'hocr';
    return 'text';
  }
  // Other XML only by name or declaration: a text page that happens to start with `<` stays text.
  if (root && /^\s*(?:\uFEFF)?</.test(head) && (/\.(xml|tei)$/.test(lower) || /^\s*(?:\uFEFF)?<\?xml/.test(head)))
    return 'tei';
  return 'text';
}
