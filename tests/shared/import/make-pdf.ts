/**
 * Test helper: a small, valid PDF with a real text layer in Chinese and Latin, written by hand so that no
 * font file or PDF library is needed. Chinese runs use the non-embedded `STSong-Light` font with the predefined
 * `UniGB-UCS2-H` CMap (the case that needs pdfjs `cMapUrl` + `cMapPacked`); Latin runs use Helvetica.
 * The UI side imports it for the scan-view screenshot test.
 */
export interface PdfTextRun {
  text: string;
  /** Left edge and baseline in PDF points, origin at the bottom left (PDF convention). */
  x: number;
  y: number;
  size: number;
}
export interface PdfPageSpec {
  width: number;
  height: number;
  runs: PdfTextRun[];
}

const CJK = /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]/;

function hexUcs2(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0xffff) throw new Error('make-pdf: only BMP characters');
    out += cp.toString(16).padStart(4, '0').toUpperCase();
  }
  return out;
}

function latin(s: string): string {
  return s.replace(/[\\()]/g, (c) => `\\${c}`);
}

/** Splits a line into runs of one script so each is shown with the right font. */
function segments(text: string): { cjk: boolean; text: string }[] {
  const out: { cjk: boolean; text: string }[] = [];
  for (const ch of text) {
    const cjk = CJK.test(ch);
    const last = out[out.length - 1];
    if (last && last.cjk === cjk) last.text += ch;
    else out.push({ cjk, text: ch });
  }
  return out;
}

export function makePdf(pages: PdfPageSpec[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const helv = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const cidFont = add(
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ' +
      (objects.length + 2) +
      ' 0 R /DW 1000 >>',
  );
  const song = add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${cidFont} 0 R] >>`,
  );
  add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  );
  const kids: number[] = [];
  for (const p of pages) {
    let content = '';
    for (const r of p.runs) {
      content += `BT /F1 ${r.size} Tf ${r.x} ${r.y} Td `;
      for (const seg of segments(r.text)) {
        content += seg.cjk
          ? `/F2 ${r.size} Tf <${hexUcs2(seg.text)}> Tj `
          : `/F1 ${r.size} Tf (${latin(seg.text)}) Tj `;
      }
      content += 'ET\n';
    }
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${p.width} ${p.height}] /Resources << /Font << /F1 ${helv} 0 R /F2 ${song} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let pdf = '%PDF-1.7\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

/** A two-column newspaper-like page: a Chinese headline, two Chinese columns and a Latin byline. */
export function sampleNewspaperPdf(): Uint8Array {
  return makePdf([
    {
      width: 420,
      height: 300,
      runs: [
        { text: '管家上门帮企业招工', x: 40, y: 260, size: 20 },
        { text: '本报记者 Liu Jian', x: 40, y: 236, size: 10 },
        { text: '循着轰隆隆的机器声，', x: 40, y: 200, size: 12 },
        { text: '记者又一次走进企业。', x: 40, y: 184, size: 12 },
        { text: '生产任务已排到下半年，', x: 230, y: 200, size: 12 },
        { text: '六成以上的一线工人。', x: 230, y: 184, size: 12 },
        { text: 'Page 2', x: 190, y: 20, size: 8 },
      ],
    },
  ]);
}
