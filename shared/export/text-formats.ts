import type { ExportArticle, ExportDocument } from './build';

/** Markdown: kicker above the headline as emphasis, headline as `##`, subheads `###`, captions as quotes. */
export function articleToMarkdown(a: ExportArticle): string {
  const lines: string[] = [];
  for (const p of a.paragraphs) {
    const t = p.text.replace(/\n+/g, ' ');
    switch (p.role) {
      case 'headline': lines.push(`## ${t}`); break;
      case 'kicker': lines.push(`*${t}*`); break;
      case 'deck': lines.push(`### ${t}`); break;
      case 'subhead': lines.push(`#### ${t}`); break;
      case 'caption': case 'credit': lines.push(`> ${t}`); break;
      default: lines.push(escapeMdStart(t));
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** A body line that happens to start with Markdown syntax must stay text. */
function escapeMdStart(t: string): string {
  return t.replace(/^([#>*+-]|\d+\.)(?=\s|$)/, '\\$1');
}

export function toMarkdown(doc: ExportDocument): string {
  const head = `# ${doc.issue.title}\n\n`;
  return head + doc.articles.map(articleToMarkdown).join('\n---\n\n');
}

export function articleToText(a: ExportArticle): string {
  return a.paragraphs.map((p) => p.text).join('\n\n') + '\n';
}

export function toText(doc: ExportDocument): string {
  return doc.articles.map(articleToText).join('\n\n');
}
