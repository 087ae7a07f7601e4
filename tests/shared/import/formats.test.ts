import { describe, expect, it } from 'vitest';
import { detectFormat, xmlRootName } from '../../../shared/import/detect';
import { imageInfo, imageDataUrl } from '../../../shared/import/image';
import { partFromHocr } from '../../../shared/import/hocr';
import { partFromPageXml } from '../../../shared/import/page-xml';
import { assembleIssue } from '../../../shared/import/layout-result';
import { audit, textIntact } from '../../../shared/audit/audit';
import { findFragment } from '../../../shared/model/lookup';
import { makePdf } from './make-pdf';
import { parseMets } from '../../../shared/import/mets';
import { makePng } from './make-png';

const enc = (s: string) => new TextEncoder().encode(s);

describe('format detection from bytes and name', () => {
  it('tells the layout formats apart by content, not extension', () => {
    expect(
      detectFormat(enc('<?xml version="1.0"?>\n<!-- c --><mets:mets xmlns:mets="http://www.loc.gov/METS/"/>'), 'a.xml'),
    ).toBe('mets');
    expect(detectFormat(enc('\uFEFF<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"/>'), 'a.xml')).toBe('alto');
    expect(
      detectFormat(enc('<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"/>'), 'x'),
    ).toBe('page-xml');
    expect(
      detectFormat(enc('<?xml-model href="x"?><!DOCTYPE ecpo [ <!ENTITY gaiji "&#xe111;"> ]><fold/>'), 'jb.xml'),
    ).toBe('tei');
    expect(
      detectFormat(enc('<html><body><div class="ocr_page" title="bbox 0 0 10 10"></div></body></html>'), 'p.html'),
    ).toBe('hocr');
    expect(detectFormat(enc('%PDF-1.7\n'), 'a.bin')).toBe('pdf');
    expect(detectFormat(makePng(2, 2), 'scan.jpg')).toBe('png');
    expect(detectFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'x')).toBe('jpeg');
    expect(detectFormat(new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), 'x.tif')).toBe('tiff');
    expect(detectFormat(enc('# 标题\n\n正文'), 'p2.txt')).toBe('text');
    expect(detectFormat(enc('<p>not hocr</p>'), 'page.html')).toBe('text');
    expect(detectFormat(enc('<b>标题</b>\n正文'), 'page-3.txt')).toBe('text');
    expect(detectFormat(enc('<?xml version="1.0"?><TEI/>'), 'noext')).toBe('tei');
    expect(xmlRootName('<!DOCTYPE a [ <!ENTITY x "y"> ]>\n<b:root/>')).toBe('root');
  });
});

describe('scan image headers', () => {
  it('reads PNG, JPEG and TIFF sizes from the header without decoding', () => {
    expect(imageInfo(makePng(123, 45))).toEqual({ mime: 'image/png', width: 123, height: 45 });
    // A baseline JPEG header: SOI, APP0 (16 bytes), SOF0 with height 300 and width 200.
    const jpeg = new Uint8Array([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0x00,
      0x10,
      ...new Array(14).fill(0),
      0xff,
      0xc0,
      0x00,
      0x11,
      0x08,
      0x01,
      0x2c,
      0x00,
      0xc8,
      0x03,
    ]);
    expect(imageInfo(jpeg)).toEqual({ mime: 'image/jpeg', width: 200, height: 300 });
    const tiff = new Uint8Array([
      0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 2, 0, 0x00, 0x01, 3, 0, 1, 0, 0, 0, 0x10, 0x00, 0, 0, 0x01, 0x01, 3, 0, 1, 0,
      0, 0, 0x20, 0x00, 0, 0, 0, 0, 0, 0,
    ]);
    expect(imageInfo(tiff)).toEqual({ mime: 'image/tiff', width: 16, height: 32 });
    expect(imageInfo(enc('not an image'))).toBeUndefined();
    expect(imageDataUrl(new Uint8Array([1, 2, 3]), 'image/png')).toBe('data:image/png;base64,AQID');
  });
});

describe('hOCR import', () => {
  it('one fragment per ocr_carea with bbox boxes, lines and words in order, page size and scan name', () => {
    const html = `<!DOCTYPE html><html><head><title>x</title></head><body>
      <div class="ocr_page" id="page_1" title="image 'scan-1.png'; bbox 0 0 1200 1800; ppageno 0">
        <div class="ocr_carea" id="block_1" title="bbox 100 100 500 200">
          <p class="ocr_par"><span class="ocr_line" title="bbox 100 100 500 140"><span class="ocrx_word" title="bbox 100 100 200 140">Galley</span> <span class="ocrx_word">fixes</span></span>
          <span class="ocr_line" title="bbox 100 150 500 190"><span class="ocrx_word">columns &amp; order</span></span></p>
        </div>
        <div class="ocr_carea" id="block_2" title="bbox 600 100 1000 300"><p class="ocr_par"><span class="ocr_line"><span class="ocrx_word">循着</span> <span class="ocrx_word">机器声</span></span></p></div>
      </div></body></html>`;
    const part = partFromHocr(html, { firstPage: 1 });
    const page = part.pages[0];
    expect(page.fragments.map((f) => f.text)).toEqual(['Galley fixes\ncolumns & order', '循着 机器声']);
    expect(page.fragments[0].box).toEqual({ x: 100, y: 100, w: 400, h: 100 });
    expect(page.size).toEqual({ width: 1200, height: 1800 });
    expect(part.images).toEqual([{ pageId: 'p1', href: 'scan-1.png' }]);
    expect(textIntact(audit(assembleIssue([part], { title: 't' })))).toBe(true);
  });
});

describe('hOCR text outside the spans', () => {
  it('keeps text between word spans, paragraphs without lines and blocks outside areas; skips the head', () => {
    const html = `<html><head><title>head text</title><style>p{}</style></head><body><div class="ocr_page" title="bbox 0 0 100 100">
      <div class="ocr_carea"><p class="ocr_par"><span class="ocr_line"><span class="ocrx_word">A</span><span class="ocrx_word">B</span>, and C</span></p>
      <p class="ocr_par">no lines here<br>second line</p></div>
      stray text
      <div class="ocr_carea"><span class="ocr_line">line without words</span></div></div></body></html>`;
    const page = partFromHocr(html, { firstPage: 1 }).pages[0];
    expect(page.fragments.map((f) => f.text)).toEqual([
      'A B, and C\nno lines here\nsecond line',
      'stray text',
      'line without words',
    ]);
    expect(textIntact(audit(assembleIssue([partFromHocr(html, { firstPage: 1 })], { title: 't' })))).toBe(true);
  });
});

describe('hostile hOCR', () => {
  it('refuses absurd nesting before building a DOM, and never resolves entities', () => {
    expect(() => partFromHocr(`<html><body>${'<div>'.repeat(200_000)}x</body></html>`, { firstPage: 1 })).toThrow(
      /nests elements more than/,
    );
    const xxe = `<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body><div class="ocr_page" title="bbox 0 0 9 9"><div class="ocr_carea" title="bbox 0 0 9 9">a&x;b</div></div></body></html>`;
    const text = partFromHocr(xxe, { firstPage: 1 })
      .pages[0].fragments.map((f) => f.text)
      .join('');
    expect(text).toContain('a&x;b');
    expect(text).not.toMatch(/root:/);
  });
});

describe('PAGE XML import', () => {
  const NS = 'http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15';
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<PcGts xmlns="${NS}"><Metadata><Creator>t</Creator></Metadata>
<Page imageFilename="p.png" imageWidth="1000" imageHeight="1500">
  <ReadingOrder><OrderedGroup id="ro">
    <OrderedGroupIndexed id="g1" index="1" caption="Second story"><RegionRefIndexed index="0" regionRef="r4"/></OrderedGroupIndexed>
    <OrderedGroupIndexed id="g0" index="0"><RegionRefIndexed index="1" regionRef="r2"/><RegionRefIndexed index="0" regionRef="r1"/><RegionRefIndexed index="2" regionRef="r3"/></OrderedGroupIndexed>
  </OrderedGroup></ReadingOrder>
  <Relations><Relation type="join"><RegionRef regionRef="r2"/><RegionRef regionRef="r3"/></Relation></Relations>
  <TextRegion id="r3" type="paragraph"><Coords points="10,300 400,300 400,500 10,500"/><TextLine id="l1"><TextEquiv><Unicode>und weiter.</Unicode></TextEquiv></TextLine></TextRegion>
  <TextRegion id="r1" type="heading"><Coords points="10,10 900,10 900,90 10,90"/><TextEquiv><Unicode>Schlagzeile</Unicode></TextEquiv></TextRegion>
  <TextRegion id="r2" type="paragraph"><Coords><Point x="10" y="100"/><Point x="400" y="290"/></Coords><TextLine><TextEquiv><Unicode>Erste Zeile</Unicode></TextEquiv></TextLine><TextLine><TextEquiv><Unicode>zweite Zeile</Unicode></TextEquiv></TextLine></TextRegion>
  <TextRegion id="r4" type="caption"><Coords points="500,100 900,100 900,200 500,200"/><TextEquiv><Unicode>Bildtext</Unicode></TextEquiv></TextRegion>
  <TextRegion id="r5" type="page-number"><Coords points="490,1450 510,1450 510,1480 490,1480"/><TextEquiv><Unicode>3</Unicode></TextEquiv></TextRegion>
</Page></PcGts>`;

  it('reading order groups → articles, join relations, region types → roles, furniture discarded', () => {
    const part = partFromPageXml(xml, { firstPage: 1 });
    const issue = assembleIssue([part], { title: 't' });
    const text = (id: string) => findFragment(issue, id)!.text;
    // The page text follows the reading order by `index` (not document order); unlisted regions come last.
    expect(issue.pages[0].fragments.map((f) => f.text)).toEqual([
      'Schlagzeile',
      'Erste Zeile\nzweite Zeile',
      'und weiter.',
      'Bildtext',
      '3',
    ]);
    expect(issue.articles.map((a) => a.items.map((it) => text(it.id)))).toEqual([
      ['Schlagzeile', 'Erste Zeile\nzweite Zeile', 'und weiter.'],
      ['Bildtext'],
    ]);
    expect(issue.articles[0].items.map((it) => it.join)).toEqual([false, false, true]);
    expect(issue.articles[1].title).toBe('Second story');
    expect(issue.pages[0].fragments.map((f) => f.role)).toEqual(['headline', 'body', 'body', 'caption', 'other']);
    expect(issue.discarded.map(text)).toEqual(['3']);
    expect(issue.pages[0].fragments[1].box).toEqual({ x: 10, y: 100, w: 390, h: 190 });
    expect(issue.pages[0].size).toEqual({ width: 1000, height: 1500 });
    expect(part.images).toEqual([{ pageId: 'p1', href: 'p.png' }]);
    expect(textIntact(audit(issue))).toBe(true);
  });
});

describe('make-pdf test helper', () => {
  it('writes a structurally valid PDF (xref offsets point at the objects)', () => {
    const pdf = Buffer.from(
      makePdf([{ width: 100, height: 100, runs: [{ text: 'Hi 你好', x: 10, y: 50, size: 12 }] }]),
    );
    const s = pdf.toString('latin1');
    expect(s.startsWith('%PDF-1.7')).toBe(true);
    const xrefAt = Number(/startxref\n(\d+)/.exec(s)![1]);
    expect(s.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...s.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((o, i) => expect(s.slice(o, o + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    expect(s).toContain('<4F60597D> Tj');
  });
});

describe('METS without a physical structMap', () => {
  it('reads the ALTO files of the fileSec as pages in file order, and its logical articles', () => {
    const xml = `<mets xmlns="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink">
      <fileSec><fileGrp USE="Text">
        <file ID="A2" MIMETYPE="text/xml"><FLocat LOCTYPE="URL" xlink:href="b.xml"/></file>
        <file ID="A1" MIMETYPE="text/xml"><FLocat LOCTYPE="URL" xlink:href="file://./a.xml"/></file>
      </fileGrp></fileSec>
      <structMap TYPE="LOGICAL"><div TYPE="ISSUE"><div ID="art1" TYPE="ARTICLE" LABEL="X"><fptr><area FILEID="A1" BETYPE="IDREF" BEGIN="TB1"/></fptr></div></div></structMap>
    </mets>`;
    const mets = parseMets(xml);
    expect(mets.pages.map((p) => mets.files.get(p.altoFileId!)!.href)).toEqual(['b.xml', 'a.xml']);
    expect(mets.articles).toEqual([
      { id: 'art1', type: 'ARTICLE', label: 'X', refs: [{ fileId: 'A1', begin: 'TB1', role: 'body', group: 'g1' }] },
    ]);
    expect(mets.warnings.join()).toMatch(/no physical structure/);
  });
});
