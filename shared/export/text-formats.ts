import { withLostMark, type ExportArticle, type ExportDocument, type ExportParagraph } from './build';

/**
 * Markdown: kicker above the headline as emphasis, headline as `##`, deck `###`, subheads `####`, captions and
 * credits as quotes. Text is escaped so that it stays text: a body line `---` is not a rule, `<script>` is not
 * HTML, `*` in a kicker does not end the emphasis. Line breaks inside a paragraph become spaces (Markdown
 * paragraphs are one line here; run Cleanup first to remove line-wrap breaks inside Chinese text).
 */
export function articleToMarkdown(a: ExportArticle): string {
  const lines: string[] = [];
  for (const p of a.paragraphs) {
    // CR, LF and the Unicode separators all end a Markdown line; whitespace at the ends would break `*…*`.
    const t = escapeMdInline(
      textOf(p)
        .replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')
        .trim(),
    );
    switch (p.role) {
      case 'headline':
        lines.push(`## ${headingText(t)}`);
        break;
      case 'kicker':
        lines.push(`*${t}*`);
        break;
      case 'deck':
        lines.push(`### ${headingText(t)}`);
        break;
      case 'subhead':
        lines.push(`#### ${headingText(t)}`);
        break;
      case 'caption':
      case 'credit':
        lines.push(`> ${escapeMdStart(t)}`);
        break;
      default:
        lines.push(escapeMdStart(t));
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Characters that start inline Markdown, raw HTML or an entity get a backslash (CommonMark backslash escapes). */
export function escapeMdInline(t: string): string {
  return t.replace(/([\\`*_[\]<>|&~])/g, '\\$1');
}

/** A heading's trailing `#` run would be read as its closing sequence and dropped. */
function headingText(t: string): string {
  return t.replace(/(^|\s)(#+)$/, '$1\\$2');
}

/** A body line that happens to start with block syntax (heading, quote, list, rule, setext line) must stay text. */
function escapeMdStart(t: string): string {
  if (/^(?:[-=_*]\s*){3,}$/.test(t)) return `\\${t}`;
  return t
    .replace(/^\s+/, '')
    .replace(/^(#{1,6}|[>+-])(?=\s|$)/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** Markdown back to text: removes the escapes of `escapeMdInline`/`escapeMdStart` (for round-trip checks). */
export function unescapeMd(t: string): string {
  return t.replace(/\\([\\`*_[\]<>|&~#+\-=.)])/g, '$1');
}

export function toMarkdown(doc: ExportDocument): string {
  const head = `# ${escapeMdInline(doc.issue.title)}\n\n`;
  return head + doc.articles.map(articleToMarkdown).join('\n---\n\n');
}

/** A paragraph's text, followed by the lost-text mark when the renderer was asked to show it. */
function textOf(p: ExportParagraph): string {
  return p.lostMark ? withLostMark(p.text) : p.text;
}

/** Plain text: paragraphs separated by a blank line, articles by two. */
export function articleToText(a: ExportArticle): string {
  return a.paragraphs.map(textOf).join('\n\n') + '\n';
}

export function toText(doc: ExportDocument): string {
  return doc.articles.map(articleToText).join('\n\n');
}
