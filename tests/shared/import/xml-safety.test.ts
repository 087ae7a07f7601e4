import { describe, expect, it } from 'vitest';
import { parseXml, textContent } from '../../../shared/import/xml-tree';
import { XmlRefusedError, MAX_XML_DEPTH } from '../../../shared/import/xml-safety';
import { pageFromAlto } from '../../../shared/import/alto';
import { partFromTei } from '../../../shared/import/tei';
import { partFromPageXml } from '../../../shared/import/page-xml';
import { xmlRootName } from '../../../shared/import/detect';
import { decodeXmlBytes } from '../../../shared/import/xml-decode';

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<alto><Layout><Page><TextBlock><TextLine><String CONTENT="&lol9;"/></TextLine></TextBlock></Page></Layout></alto>`;

describe('hostile XML is refused with a clear message', () => {
  it('billion laughs: nested entity definitions are refused before any expansion', () => {
    expect(() => pageFromAlto(billionLaughs, { pageId: 'p1' })).toThrow(XmlRefusedError);
    expect(() => parseXml(billionLaughs)).toThrow(/billion laughs/);
  });

  it('an external entity pointing at a local file is refused and the file is never read', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>`;
    let err: Error | undefined;
    try {
      parseXml(xxe);
    } catch (e) {
      err = e as Error;
    }
    expect(err).toBeInstanceOf(XmlRefusedError);
    expect(err?.message).toMatch(/external entity/);
    expect(err?.message).not.toMatch(/root:/);
  });

  it('parameter entities and external DTD tricks are refused', () => {
    expect(() => parseXml('<!DOCTYPE r [<!ENTITY % p SYSTEM "http://x/evil.dtd"> %p;]><r/>')).toThrow(XmlRefusedError);
    expect(() => parseXml('<!DOCTYPE r [<!ELEMENT r ANY>]><r/>')).toThrow(XmlRefusedError);
  });

  it('an undeclared entity is refused, not kept as text', () => {
    expect(() => parseXml('<r>&nope;</r>')).toThrow(/entity/);
  });

  it('very deep nesting (100 MB of open tags) is refused at the depth limit', () => {
    const deep = '<a>'.repeat(34_000_000);
    expect(deep.length).toBeGreaterThanOrEqual(100_000_000);
    expect(() => parseXml(deep)).toThrow(new RegExp(`more than ${MAX_XML_DEPTH} deep`));
  });

  it('modest real-world depth and the predefined entities still work', () => {
    const ok = `${'<d>'.repeat(40)}a &amp; b &lt; c${'</d>'.repeat(40)}`;
    expect(textContent(parseXml(ok))).toBe('a & b < c');
  });

  it('one declared internal entity (ECPO &gaiji;) maps to U+3013 and nothing else is expanded', () => {
    const tei = `<!DOCTYPE ecpo [ <!ENTITY gaiji "&#xe111;"> ]><fold><div type="article"><p>甲&gaiji;乙<lb/>丙</p></div></fold>`;
    const part = partFromTei(tei, { firstPage: 1 });
    expect(part.pages[0].fragments[0].text).toBe('甲〓乙\n丙');
    // The same declaration read by a generic importer keeps the declared value.
    expect(textContent(parseXml(tei))).toContain('\ue111');
  });

  it('PAGE XML with an XXE is refused the same way', () => {
    expect(() =>
      partFromPageXml('<!DOCTYPE PcGts [<!ENTITY x SYSTEM "/etc/hostname">]><PcGts>&x;</PcGts>', { firstPage: 1 }),
    ).toThrow(XmlRefusedError);
  });

  it('a `]>` or `>` inside an entity value is part of the value, not the end of the DOCTYPE', () => {
    const xml = `<!DOCTYPE r [\n <!ENTITY close "]>">\n <!-- a ]> comment -->\n <!ENTITY gt2 '>'>\n]><r>a &close; &gt2; b</r>`;
    expect(textContent(parseXml(xml))).toBe('a ]> > b');
    expect(xmlRootName(xml)).toBe('r');
  });

  it('the predefined entities cannot be redefined to something else; declared as themselves they are fine', () => {
    expect(() => parseXml('<!DOCTYPE r [<!ENTITY lt "x">]><r>1 &lt; 2</r>')).toThrow(
      /redefines the predefined entity &lt;/,
    );
    expect(() => parseXml('<!DOCTYPE r [<!ENTITY amp "and">]><r>a &amp; b</r>')).toThrow(
      /redefines the predefined entity &amp;/,
    );
    expect(textContent(parseXml('<!DOCTYPE r [<!ENTITY lt "&#38;#60;"><!ENTITY gt ">">]><r>1 &lt; 2 &gt; 0</r>'))).toBe(
      '1 < 2 > 0',
    );
  });
});

describe('XML bytes are decoded as the file declares, strictly', () => {
  const alto = (decl: string, text: string) =>
    `${decl}<alto><Layout><Page><TextBlock><TextLine><String CONTENT="${text}"/></TextLine></TextBlock></Page></Layout></alto>`;
  it('a damaged UTF-8 byte is refused with its offset instead of entering the text as U+FFFD', () => {
    const bytes = Buffer.concat([
      Buffer.from(alto('<?xml version="1.0"?>', 'ab')).subarray(0, 80),
      Buffer.from([0xff]),
      Buffer.from(alto('', 'cd')).subarray(80),
    ]);
    expect(() => decodeXmlBytes(bytes)).toThrow(/not valid UTF-8 \(the first damaged byte is near byte 80\)/);
  });

  it('UTF-16 (with or without BOM) and a declared legacy encoding are read as such', () => {
    const text = alto('<?xml version="1.0" encoding="UTF-16"?>', '浙江日报');
    expect(decodeXmlBytes(Buffer.from(text, 'utf16le'))).toBe(text);
    expect(decodeXmlBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text);
    const latin = alto('<?xml version="1.0" encoding="ISO-8859-1"?>', 'Société');
    expect(decodeXmlBytes(Buffer.from(latin, 'latin1'))).toBe(latin);
    expect(() => decodeXmlBytes(Buffer.from(alto('<?xml version="1.0" encoding="x-unknown-9"?>', 'a')))).toThrow(
      /declares the encoding "x-unknown-9", which Galley cannot read/,
    );
  });
});
