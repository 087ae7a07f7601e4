/**
 * XML text and attribute escaping for Galley's XML exports (METS, PAGE). Characters XML 1.0 cannot carry (C0
 * controls other than tab/newline/CR, lone surrogates, U+FFFE/U+FFFF) are replaced by U+FFFD and counted, so an
 * export is always well-formed and the caller can report what changed (docs/foundation.md, Bad input).
 */
const INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(s: string, replaced?: { count: number }): string {
  return s.replace(INVALID, () => {
    if (replaced) replaced.count++;
    return '\uFFFD';
  });
}

export function escText(s: string, replaced?: { count: number }): string {
  return xmlSafe(s, replaced).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escAttr(s: string, replaced?: { count: number }): string {
  return escText(s, replaced)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
