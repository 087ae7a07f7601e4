import { describe, expect, it } from 'vitest';
import { parseXml, textContent } from '../../../shared/import/xml-tree';
import { XmlRefusedError, MAX_XML_DEPTH } from '../../../shared/import/xml-safety';
import { pageFromAlto } from '../../../shared/import/alto';
import { partFromTei } from '../../../shared/import/tei';
import { partFromPageXml } from '../../../shared/import/page-xml';

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
    try { parseXml(xxe); } catch (e) { err = e as Error; }
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
    expect(() => partFromPageXml('<!DOCTYPE PcGts [<!ENTITY x SYSTEM "/etc/hostname">]><PcGts>&x;</PcGts>', { firstPage: 1 })).toThrow(XmlRefusedError);
  });
});
