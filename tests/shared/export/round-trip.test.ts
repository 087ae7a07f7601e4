import { describe, expect, it } from 'vitest';
import { buildExport, type ExportDocument } from '@shared/export/build';
import { renderDocumentFormat, renderZip, DOCUMENT_FORMATS } from '@shared/export/formats';
import { toHtml } from '@shared/export/html';
import { articleToNitf } from '@shared/export/nitf';
import { toDocx } from '@shared/export/docx';
import { applyOp } from '@shared/ops';
import { previewCleanup, cleanupOp } from '@shared/cleanup';
import { finishedIssue } from './sample-issue';
import {
  htmlElements,
  isWellFormed,
  readDocx,
  readHtml,
  readMarkdownRendered,
  readNitf,
  readText,
  strFromU8,
  unzip,
} from './read-back';

/** The finished sample issue after Cleanup, so texts carry full-width marks, curly quotes and line breaks. */
function cleanedIssue() {
  const issue = finishedIssue();
  return applyOp(issue, cleanupOp(issue, previewCleanup(issue))!).issue;
}

const issue = cleanedIssue();
const doc = buildExport(issue);
const board = doc.articles.flatMap((a) => a.paragraphs.map((p) => p.text));
const oneLine = (t: string) => t.replace(/\s*\n+\s*/g, ' ');
const asString = (d: string | Uint8Array) => (typeof d === 'string' ? d : strFromU8(d));

describe('every export reads back in board order', () => {
  it('the sample has articles in a non-source order to prove it', () => {
    expect(doc.articles.map((a) => a.id)).toEqual(['a-poetry', 'a-lingfeng', 'a-minsu']);
    expect(board.length).toBeGreaterThan(15);
  });

  it('md', async () => {
    const { files } = await renderDocumentFormat(doc, issue, 'md');
    expect(readMarkdownRendered(asString(files[0].data))).toEqual(board.map(oneLine));
  });

  it('txt', async () => {
    const { files } = await renderDocumentFormat(doc, issue, 'txt');
    expect(readText(asString(files[0].data))).toEqual(board);
  });

  it('html', async () => {
    const { files } = await renderDocumentFormat(doc, issue, 'html');
    expect(readHtml(asString(files[0].data))).toEqual(board);
  });

  it('docx', async () => {
    const { files } = await renderDocumentFormat(doc, issue, 'docx');
    const { paragraphs, xml } = readDocx(files[0].data as Uint8Array);
    expect(paragraphs).toEqual(board);
    expect(isWellFormed(xml)).toBe(true);
    // Styled: the headline is a heading, the caption uses the Caption style.
    const caption = doc.articles[0].paragraphs.find((p) => p.role === 'caption')!.text;
    expect(xml).toMatch(new RegExp(`<w:pStyle w:val="Caption"/></w:pPr><w:r><w:t xml:space="preserve">${caption}`));
    expect(xml).toContain(
      `<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">${doc.articles[0].paragraphs[1].text}`,
    );
  });

  it('nitf (split: one well-formed document per article)', async () => {
    const { files } = await renderDocumentFormat(doc, issue, 'nitf', { split: true });
    expect(files.map((f) => f.name)).toEqual(
      doc.articles.map((a, i) => `0${i + 1} ${a.title.replace(/"/g, ' ').replace(/\s+/g, ' ').trim()}.xml`),
    );
    files.forEach((f, i) => {
      const xml = asString(f.data);
      const a = doc.articles[i];
      expect(isWellFormed(xml)).toBe(true);
      const head = readNitf(xml, ['title', 'hl1']);
      expect(head.map((h) => h.name)).toEqual(['title', 'hl1']);
      expect(head[1].text).toBe(a.paragraphs.find((p) => p.role === 'headline')!.text);
      expect(readNitf(xml, ['hl2']).map((h) => h.text)).toEqual(
        a.paragraphs.filter((p) => p.role === 'kicker' || p.role === 'deck').map((p) => p.text),
      );
      const body = readNitf(xml, ['p', 'media-caption', 'media-producer']).map((h) => h.text);
      expect(body).toEqual(
        a.paragraphs
          .filter((p) => !['headline', 'kicker', 'deck', 'byline', 'dateline', 'subhead'].includes(p.role))
          .map((p) => p.text),
      );
    });
  });

  it('nitf carries byline and dateline in body.head', () => {
    const d: ExportDocument = {
      ...doc,
      articles: [
        {
          ...doc.articles[0],
          paragraphs: [
            { role: 'headline', text: 'H & <h>', fragments: [] },
            { role: 'dateline', text: '本报桐庐2月26日电', fragments: [] },
            { role: 'byline', text: '记者 刘健', fragments: [] },
            { role: 'subhead', text: '小标题', fragments: [] },
            { role: 'body', text: 'x "y" \'z\'', fragments: [] },
          ],
        },
      ],
    };
    const xml = articleToNitf(d, d.articles[0]);
    expect(isWellFormed(xml)).toBe(true);
    expect(readNitf(xml, ['hl1', 'byline', 'dateline', 'hl2', 'p']).map((h) => `${h.name}:${h.text}`)).toEqual([
      'hl1:H & <h>',
      'byline:记者 刘健',
      'dateline:本报桐庐2月26日电',
      'hl2:小标题',
      'p:x "y" \'z\'',
    ]);
  });

  it('zip of each inner format: numbered entries in board order, each reading back its article', async () => {
    for (const inner of ['md', 'html', 'docx', 'nitf', 'txt'] as const) {
      const z = await renderZip(doc, issue, inner);
      const entries = unzip(z.data);
      expect(entries.map((e) => e.name)).toEqual(z.names);
      expect(entries.map((e) => e.name.slice(0, 3))).toEqual(['01 ', '02 ', '03 ']);
      entries.forEach((e, i) => {
        const want = doc.articles[i].paragraphs.map((p) => p.text);
        if (inner === 'md') expect(readMarkdownRendered(strFromU8(e.data))).toEqual(want.map(oneLine));
        if (inner === 'txt') expect(readText(strFromU8(e.data))).toEqual(want);
        if (inner === 'html') expect(readHtml(strFromU8(e.data))).toEqual(want);
        if (inner === 'docx') expect(readDocx(e.data).paragraphs).toEqual(want);
        if (inner === 'nitf') expect(isWellFormed(strFromU8(e.data))).toBe(true);
      });
    }
    // Same input, same bytes: entries carry a fixed time.
    expect((await renderZip(doc, issue, 'md')).data).toEqual((await renderZip(doc, issue, 'md')).data);
  });

  it('follows the board after articles and fragments move', async () => {
    let moved = applyOp(issue, { type: 'moveArticle', articleId: 'a-minsu', index: 0 }).issue;
    const lingfeng = moved.articles.find((a) => a.id === 'a-lingfeng')!;
    moved = applyOp(moved, {
      type: 'moveFragments',
      fragmentIds: [lingfeng.items[6].id],
      to: { kind: 'article', articleId: 'a-lingfeng', after: lingfeng.items[1].id },
    }).issue;
    const d = buildExport(moved);
    const want = d.articles.flatMap((a) => a.paragraphs.map((p) => p.text));
    expect(want).not.toEqual(board);
    expect(readHtml(toHtml(d))).toEqual(want);
    expect(readDocx((await toDocx(d)).data).paragraphs).toEqual(want);
  });

  it('only json is exempt from the audit gate', () => {
    expect(
      Object.values(DOCUMENT_FORMATS)
        .filter((f) => !f.gated)
        .map((f) => f.id),
    ).toEqual(['json']);
  });
});

describe('hostile text in exports', () => {
  const XSS = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '&lt;b&gt; & </p><p onclick=x>',
  ];

  function hostile(): ExportDocument {
    return {
      ...doc,
      issue: { ...doc.issue, title: XSS[0] },
      articles: [
        {
          ...doc.articles[0],
          title: XSS[1],
          paragraphs: XSS.map((text, i) => ({ role: i === 0 ? 'headline' : 'body', text, fragments: [] })),
        },
      ],
    };
  }

  it('HTML shows hostile text as text: no script element, no on* attribute, no javascript: URL', () => {
    const html = toHtml(hostile());
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    const els = htmlElements(html);
    expect(els.filter((e) => ['script', 'img', 'svg', 'a', 'iframe'].includes(e.name))).toEqual([]);
    expect(els.flatMap((e) => Object.keys(e.attribs)).filter((k) => /^on/i.test(k))).toEqual([]);
    expect(els.flatMap((e) => Object.values(e.attribs)).filter((v) => /javascript:/i.test(v))).toEqual([]);
    expect(readHtml(html)).toEqual(XSS);
  });

  it('DOCX and NITF strip and report characters XML cannot hold, and stay valid', async () => {
    const d = hostile();
    d.articles[0].paragraphs.push({ role: 'body', text: 'a\u0000b\u000bc\uFFFEd\uD800e', fragments: [] });
    const docx = await toDocx(d);
    expect(docx.warnings).toEqual([`docx: removed 4 control character(s) the format cannot hold from «${XSS[1]}»`]);
    const back = readDocx(docx.data);
    expect(isWellFormed(back.xml)).toBe(true);
    expect(back.paragraphs).toEqual([...XSS, 'abcde']);
    const r = await renderDocumentFormat(d, issue, 'nitf');
    expect(r.warnings).toHaveLength(1);
    expect(isWellFormed(asString(r.files[0].data))).toBe(true);
    expect(readNitf(asString(r.files[0].data), ['p']).map((p) => p.text)).toEqual([...XSS.slice(1), 'abcde']);
  });

  it('Markdown keeps block syntax and HTML in text as text', async () => {
    const d: ExportDocument = {
      ...doc,
      articles: [
        {
          ...doc.articles[0],
          paragraphs: ['---', '# not a heading', '1. not a list', '<script>x</script>', '*a* _b_ [c](d)'].map(
            (text) => ({ role: 'body' as const, text, fragments: [] }),
          ),
        },
      ],
    };
    const md = asString((await renderDocumentFormat(d, issue, 'md')).files[0].data);
    expect(md).not.toMatch(/^<script>/m);
    expect(md).toContain('\\---');
    expect(readMarkdownRendered(md.split('\n').slice(2).join('\n'))).toEqual([
      '---',
      '# not a heading',
      '1. not a list',
      '<script>x</script>',
      '*a* _b_ [c](d)',
    ]);
  });
});
