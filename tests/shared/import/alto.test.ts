import { describe, expect, it } from 'vitest';
import { pageFromAlto } from '../../../shared/import/alto';
import { createIssue } from '../../../shared/model/create';
import { audit, textIntact } from '../../../shared/audit/audit';

const NS4 = 'http://www.loc.gov/standards/alto/ns-v4#';

function alto(body: string, unit = 'pixel', ns = ` xmlns="${NS4}"`): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<alto${ns}><Description><MeasurementUnit>${unit}</MeasurementUnit></Description>
<Layout><Page ID="P7" WIDTH="2000" HEIGHT="3000" PHYSICAL_IMG_NR="7"><PrintSpace>${body}</PrintSpace></Page></Layout></alto>`;
}

describe('ALTO import', () => {
  it('keeps String, SP and HYP exactly in document order', () => {
    const xml = alto(`
      <TextBlock ID="TB1" HPOS="10" VPOS="20" WIDTH="300" HEIGHT="80">
        <TextLine><String ID="s1" CONTENT="Zeitung"/><SP/><String ID="s2" CONTENT="der"/><SP/><String ID="s3" CONTENT="Stadt"/><SP/><String ID="s4" CONTENT="Luxem" SUBS_CONTENT="Luxemburg"/><HYP CONTENT="-"/></TextLine>
        <TextLine><String ID="s5" CONTENT="burg"/><SP/><String ID="s6" CONTENT="erscheint"/><String ID="s7" CONTENT="täglich."/></TextLine>
      </TextBlock>`);
    const { page, blocks } = pageFromAlto(xml, { pageId: 'p1' });
    expect(page.fragments).toHaveLength(1);
    // A missing SP between two Strings still separates the words; HYP stays where it was printed.
    expect(page.fragments[0].text).toBe('Zeitung der Stadt Luxem-\nburg erscheint täglich.');
    expect(page.original).toBe(page.fragments[0].text);
    expect(blocks[0].strings.map((s) => page.original.slice(s.start, s.end))).toEqual([
      'Zeitung',
      'der',
      'Stadt',
      'Luxem',
      'burg',
      'erscheint',
      'täglich.',
    ]);
  });

  it('makes one fragment per TextBlock (also inside ComposedBlocks) with exact spans, boxes and page size', () => {
    const xml = alto(
      `
      <TextBlock ID="A" HPOS="1" VPOS="2" WIDTH="3" HEIGHT="4"><TextLine><String CONTENT="Erster"/><SP/><String CONTENT="Block"/></TextLine></TextBlock>
      <ComposedBlock ID="CB1"><TextBlock ID="B" HPOS="5" VPOS="6" WIDTH="7" HEIGHT="8"><TextLine><String CONTENT="im"/><SP/><String CONTENT="Verbund"/></TextLine></TextBlock>
        <GraphicalElement ID="G1" HPOS="0" VPOS="0" WIDTH="1" HEIGHT="1"/></ComposedBlock>
      <TextBlock ID="EMPTY"><TextLine><SP/></TextLine></TextBlock>
      <TextBlock ID="C"><TextLine><String CONTENT="新聞"/><String CONTENT="報道"/></TextLine></TextBlock>`,
      'mm10',
    );
    const r = pageFromAlto(xml, { pageId: 'p2' });
    expect(r.page.fragments.map((f) => f.text)).toEqual(['Erster Block', 'im Verbund', '新聞報道']);
    for (const f of r.page.fragments) expect(r.page.original.slice(f.spans[0].start, f.spans[0].end)).toBe(f.text);
    expect(r.page.original).toBe('Erster Block\n\nim Verbund\n\n新聞報道');
    expect(r.page.fragments[1].box).toEqual({ x: 5, y: 6, w: 7, h: 8 });
    expect(r.page.size).toEqual({ width: 2000, height: 3000 });
    expect(r.page.label).toBe('7');
    expect(r.measurementUnit).toBe('mm10');
    expect(r.blocks.find((b) => b.id === 'B')?.composed).toEqual(['CB1']);
    expect(r.otherIds.has('G1')).toBe(true);
    const issue = createIssue([r.page], { title: 't' });
    expect(textIntact(audit(issue))).toBe(true);
  });

  it('takes a relative sourceImageInformation/fileName as the scan, never a server path', () => {
    const withName = (name: string) =>
      alto('<TextBlock><TextLine><String CONTENT="x"/></TextLine></TextBlock>').replace(
        '<Description>',
        `<Description><sourceImageInformation><fileName>${name}</fileName></sourceImageInformation>`,
      );
    expect(pageFromAlto(withName('scans/p7.png'), { pageId: 'p1' }).imageHref).toBe('scans/p7.png');
    for (const bad of ['//NP1-STOR2/data01/x.tif', 'C:\\img\\x.tif', '/srv/x.tif', 'http://example.invalid/x.png']) {
      expect(pageFromAlto(withName(bad), { pageId: 'p1' }).imageHref).toBeUndefined();
    }
  });

  it('reads ALTO 1.4 without a namespace', () => {
    const r = pageFromAlto(
      alto(
        '<TextBlock ID="x"><TextLine><String CONTENT="The"/><SP/><String CONTENT="Statesman"/></TextLine></TextBlock>',
        'pixel',
        '',
      ),
      { pageId: 'p1' },
    );
    expect(r.page.fragments[0].text).toBe('The Statesman');
  });

  it('refuses a file that is not ALTO, and malformed XML with a position', () => {
    expect(() => pageFromAlto('<PcGts/>', { pageId: 'p1' })).toThrow(/not an ALTO file/i);
    expect(() => pageFromAlto('<alto><Layout><Page></Layout></alto>', { pageId: 'p1' })).toThrow(
      /not well-formed.*\d+:\d+/,
    );
  });
});
