import { describe, expect, it } from 'vitest';
import { pageFromPlainText } from '../../../shared/import/plain-text';
import { createIssue } from '../../../shared/model/create';
import { suggest, DEFAULT_PARAMS } from '../../../shared/suggest/engine';
import { layoutReading, opensParagraph } from '../../../shared/suggest/layout-reading';

/**
 * Two articles side by side, each headline set centred and narrower than the columns under it, the blocks in a
 * scrambled file order (as a PDF content stream or an ALTO file may have them). Every block ends on a comma, so
 * the text gives no cue: the layout alone says which column belongs to which headline and in what order.
 */
const blocks: Array<{ text: string; box: { x: number; y: number; w: number; h: number } }> = [
  { text: '丁块说到家长们的期待，', box: { x: 320, y: 30, w: 90, h: 100 } }, // B, column 1
  { text: '乙块提到新建的教室，', box: { x: 105, y: 30, w: 95, h: 100 } }, // A, column 2
  { text: '# 城南菜场今日开张', box: { x: 360, y: 0, w: 80, h: 20 } }, // B headline
  { text: '甲块讲到学校的历史，', box: { x: 0, y: 30, w: 95, h: 100 } }, // A, column 1
  { text: '戊块写到摊位的安排，', box: { x: 420, y: 30, w: 90, h: 80 } }, // B, column 2
  { text: '# 山区小学新校舍落成', box: { x: 80, y: 0, w: 140, h: 20 } }, // A headline
  { text: '丙块写到操场上的树木，', box: { x: 210, y: 30, w: 90, h: 60 } }, // A, column 3
];

/** Five printed lines a block (a line pitch of 20 under 100-high boxes), each ending on a comma. */
const body = (t: string) =>
  t.startsWith('#') ? t : Array.from({ length: 5 }, (_, k) => `${t.slice(0, 2)}${k}${t.slice(2)}`).join('\n');

function issue() {
  const page = pageFromPlainText(blocks.map((b) => body(b.text)).join('\n\n'), {
    pageId: 'p1',
    label: '1',
    encoding: 'utf-8',
  });
  page.fragments = page.fragments.map((f, k) => ({ ...f, box: blocks[k].box }));
  return createIssue([page], { id: 'g', title: 'g' });
}

const A = ['p1.6', 'p1.4', 'p1.2', 'p1.7'];
const B = ['p1.3', 'p1.1', 'p1.5'];

describe('layout reading (pages whose file gives boxes and heading ranks)', () => {
  it('reads each article under its own headline, columns left to right, when the headline is narrower than them', () => {
    expect(layoutReading(issue().pages[0].fragments)?.map((a) => a.ids)).toEqual([A, B]);
  });

  it('the engine takes it: two articles, each in column order', () => {
    const s = suggest(issue(), { minConfidence: 0 });
    expect(s.articles.map((a) => a.items.map((it) => it.id))).toEqual([A, B]);
    // Without it the text-and-pairwise reading mixes the two articles up.
    const off = suggest(issue(), { minConfidence: 0 }, { ...DEFAULT_PARAMS, layoutReading: false });
    expect(off.articles.map((a) => a.items.map((it) => it.id))).not.toEqual([A, B]);
  });

  it('does not apply without boxes on every block, or without heading ranks from the file', () => {
    const frags = issue().pages[0].fragments;
    expect(layoutReading(frags.map((f, k) => (k === 3 ? { ...f, box: undefined } : f)))).toBeNull();
    expect(layoutReading(frags.map((f) => ({ ...f, hint: undefined })))).toBeNull();
  });

  it('reads a paragraph start from an indented first line, and a cut from full lines (CJK only)', () => {
    expect(opensParagraph('甲乙丙丁戊己庚辛\n甲乙丙丁戊己庚辛', '甲乙丙丁戊己\n甲乙丙丁戊己庚辛')).toBe(true);
    expect(opensParagraph('甲乙丙丁戊己庚辛\n甲乙丙丁戊己庚辛', '甲乙丙丁戊己庚辛\n甲乙丙')).toBe(false);
    expect(opensParagraph('Some words here\nmore', 'And then a line\nwith more words')).toBeNull();
  });
});
