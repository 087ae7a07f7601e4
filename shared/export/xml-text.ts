/**
 * Text for XML formats (DOCX, NITF). XML 1.0 cannot carry C0 controls other than tab, LF and CR, U+FFFE/U+FFFF or
 * lone surrogates; the `docx` package silently drops some and keeps others, producing invalid XML.
 * The exporters strip them here, before any library sees the text, and report how many per article.
 */
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Counts of stripped characters, by article title, for the export report. */
export class StripReport {
  private readonly counts = new Map<string, number>();

  /** The text without XML-invalid characters; counts what went under `where`. */
  clean(text: string, where: string): string {
    let n = 0;
    const out = text.replace(XML_INVALID, () => {
      n++;
      return '';
    });
    if (n) this.counts.set(where, (this.counts.get(where) ?? 0) + n);
    return out;
  }

  /** One line per article with stripped characters, for the user. */
  warnings(format: string): string[] {
    return [...this.counts].map(
      ([where, n]) => `${format}: removed ${n} control character(s) the format cannot hold from «${where}»`,
    );
  }
}

/** Escapes text for an XML text node or a double-quoted attribute. */
export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
