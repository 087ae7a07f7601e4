import { AlignmentType, Document, HeadingLevel, Packer, PageBreak, Paragraph, TextRun } from 'docx';
import { withLostMark, type ExportArticle, type ExportDocument, type ExportParagraph } from './build';
import { StripReport } from './xml-text';

/**
 * DOCX for people: headline as Heading 1, subheads as Heading 2, kicker and deck in their own styles, captions
 * in the Caption style, one article after another with a page break. Text is stripped of XML-invalid
 * characters first (the `docx` package would write invalid XML) and what went is reported.
 */
const CJK_FONT = { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'Microsoft YaHei' };

function runs(text: string): TextRun[] {
  // A line break inside a paragraph stays a line break, not a new paragraph.
  return text.split('\n').map((line, i) => new TextRun({ text: line, ...(i ? { break: 1 } : {}) }));
}

function paragraph(p: ExportParagraph, text: string): Paragraph {
  const children = runs(text);
  switch (p.role) {
    case 'headline':
      return new Paragraph({ heading: HeadingLevel.HEADING_1, children });
    case 'subhead':
      return new Paragraph({ heading: HeadingLevel.HEADING_2, children });
    case 'kicker':
      return new Paragraph({ style: 'Kicker', children });
    case 'deck':
      return new Paragraph({ style: 'Deck', children });
    case 'caption':
      return new Paragraph({ style: 'Caption', children });
    case 'credit':
      return new Paragraph({ style: 'Credit', children });
    case 'byline':
    case 'dateline':
      return new Paragraph({ style: 'Byline', children });
    default:
      return new Paragraph({ style: 'BodyText', children });
  }
}

export async function toDocx(
  doc: ExportDocument,
  articles: readonly ExportArticle[] = doc.articles,
): Promise<{ data: Uint8Array; warnings: string[] }> {
  const report = new StripReport();
  const children: Paragraph[] = [];
  articles.forEach((a, i) => {
    if (i) children.push(new Paragraph({ children: [new PageBreak()] }));
    for (const p of a.paragraphs)
      children.push(paragraph(p, report.clean(p.lostMark ? withLostMark(p.text) : p.text, a.title || a.id)));
  });
  const document = new Document({
    creator: 'Galley',
    title: report.clean(articles.length === 1 ? articles[0].title || doc.issue.title : doc.issue.title, 'title'),
    styles: {
      default: { document: { run: { font: CJK_FONT, size: 22 } } },
      paragraphStyles: [
        {
          id: 'BodyText',
          name: 'Body Text',
          basedOn: 'Normal',
          quickFormat: true,
          paragraph: { spacing: { after: 120, line: 360 }, indent: { firstLine: 440 } },
        },
        {
          id: 'Kicker',
          name: 'Kicker',
          basedOn: 'Normal',
          quickFormat: true,
          run: { size: 24, color: '444444' },
          paragraph: { spacing: { after: 60 } },
        },
        {
          id: 'Deck',
          name: 'Deck',
          basedOn: 'Normal',
          quickFormat: true,
          run: { size: 26, color: '333333' },
          paragraph: { spacing: { after: 120 } },
        },
        {
          id: 'Byline',
          name: 'Byline',
          basedOn: 'Normal',
          quickFormat: true,
          run: { color: '333333' },
          paragraph: { spacing: { after: 120 } },
        },
        {
          id: 'Caption',
          name: 'caption',
          basedOn: 'Normal',
          quickFormat: true,
          run: { italics: true, size: 20, color: '333333' },
          paragraph: { spacing: { before: 120, after: 60 } },
        },
        {
          id: 'Credit',
          name: 'Credit',
          basedOn: 'Normal',
          quickFormat: true,
          run: { size: 18, color: '555555' },
          paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 120 } },
        },
      ],
    },
    sections: [{ children }],
  });
  const buf = await Packer.toArrayBuffer(document);
  return { data: new Uint8Array(buf), warnings: report.warnings('docx') };
}
