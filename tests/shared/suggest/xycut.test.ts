import { describe, expect, it } from 'vitest';
import {
  fileOrderAgreement,
  linePitch,
  readingOrder,
  writingMode,
  xyCutOrder,
  type XyBox,
} from '../../../shared/suggest/xycut';
import { pageFromPlainText } from '../../../shared/import/plain-text';
import { createIssue } from '../../../shared/model/create';
import { DEFAULT_PARAMS, suggest } from '../../../shared/suggest/engine';

/** Named boxes given in a scrambled order; the expected reading order is listed by name. */
function orderOf(named: Record<string, XyBox>, scramble: string[], opts = {}): string[] {
  return xyCutOrder(
    scramble.map((k) => named[k]),
    opts,
  ).map((i) => scramble[i]);
}

// A 3-column grid, 300 wide per column with 20-unit gutters, page 1000 × 1400 (units as in ALTO).
const col = (c: number, y: number, h: number, span = 1): XyBox => ({
  x: c * 320,
  y,
  w: span * 300 + (span - 1) * 20,
  h,
});

describe('xyCutOrder', () => {
  it('reads a headline spanning three columns first, then the columns left to right, top to bottom within', () => {
    const boxes = {
      head: col(0, 0, 60, 3),
      a1: col(0, 90, 500),
      a2: col(0, 600, 700),
      b1: col(1, 90, 300),
      b2: col(1, 400, 900),
      c1: col(2, 90, 800),
      c2: col(2, 900, 400),
    };
    const scramble = ['c2', 'b1', 'a2', 'head', 'c1', 'a1', 'b2'];
    expect(orderOf(boxes, scramble)).toEqual(['head', 'a1', 'a2', 'b1', 'b2', 'c1', 'c2']);
  });

  it('reads a headline over two of three columns with the columns under it, before the third column', () => {
    const boxes = {
      head: col(0, 0, 60, 2),
      a1: col(0, 90, 1200),
      b1: col(1, 90, 1200),
      c0: col(2, 0, 40),
      c1: col(2, 60, 1230),
    };
    expect(orderOf(boxes, ['c1', 'b1', 'c0', 'a1', 'head'])).toEqual(['head', 'a1', 'b1', 'c0', 'c1']);
  });

  it('keeps the columns when a picture leaves a tall white gap inside one column', () => {
    // Column 2 has a picture (no text box) from y 300 to 900: wider white space than any gutter.
    const boxes = {
      a1: col(0, 0, 700),
      a2: col(0, 710, 690),
      b1: col(1, 0, 280),
      b2: col(1, 920, 480),
      c1: col(2, 0, 1400),
    };
    expect(orderOf(boxes, ['b2', 'c1', 'a2', 'b1', 'a1'])).toEqual(['a1', 'a2', 'b1', 'b2', 'c1']);
  });

  it('reads an L-shaped article (three columns, the third only at the top) before the story under it', () => {
    const boxes = {
      headA: col(0, 0, 60, 3),
      a1: col(0, 80, 1320),
      a2: col(1, 80, 1320),
      a3: col(2, 80, 600),
      headB: col(2, 720, 50),
      b1: col(2, 790, 610),
    };
    expect(orderOf(boxes, ['b1', 'a3', 'headB', 'a1', 'headA', 'a2'])).toEqual([
      'headA',
      'a1',
      'a2',
      'a3',
      'headB',
      'b1',
    ]);
  });

  it('tolerates boxes that reach a few units into the gutter or into the block below', () => {
    const boxes = {
      head: { x: 0, y: 0, w: 940, h: 62 },
      a1: { x: 0, y: 60, w: 312, h: 600 },
      a2: { x: 0, y: 655, w: 306, h: 700 },
      b1: { x: 316, y: 61, w: 308, h: 700 },
      b2: { x: 318, y: 758, w: 302, h: 600 },
      c1: { x: 639, y: 60, w: 301, h: 1300 },
    };
    expect(orderOf(boxes, ['c1', 'b2', 'a2', 'b1', 'a1', 'head'])).toEqual(['head', 'a1', 'a2', 'b1', 'b2', 'c1']);
  });

  it('cuts a band below a full-width rule first, but not paragraph breaks that line up across columns', () => {
    // Two columns; both have a paragraph break at y 500–520 (less than a 40-unit line), and a feuilleton band
    // starts at y 1000 after 80 units of white (two lines) across the page.
    const boxes = {
      a1: col(0, 0, 500),
      a2: col(0, 520, 400),
      b1: col(1, 0, 500),
      b2: col(1, 520, 400),
      f1: col(0, 1000, 400),
      f2: col(1, 1000, 400),
    };
    const scramble = ['f2', 'b2', 'a1', 'f1', 'b1', 'a2'];
    expect(orderOf(boxes, scramble, { lineHeight: 40 })).toEqual(['a1', 'a2', 'b1', 'b2', 'f1', 'f2']);
    // Without a known line pitch the same decision comes from the in-column breaks and the gutter width.
    expect(orderOf(boxes, scramble)).toEqual(['a1', 'a2', 'b1', 'b2', 'f1', 'f2']);
  });

  it('orders overlapping table cells with no clean cut row by row', () => {
    const boxes = {
      r1a: { x: 0, y: 0, w: 120, h: 30 },
      r1b: { x: 100, y: 2, w: 120, h: 30 },
      r2a: { x: 0, y: 25, w: 120, h: 30 },
      r2b: { x: 100, y: 27, w: 120, h: 30 },
    };
    expect(orderOf(boxes, ['r2b', 'r1b', 'r2a', 'r1a'])).toEqual(['r1a', 'r1b', 'r2a', 'r2b']);
  });

  it('orders a 300-box broadsheet (6 columns × 50 blocks) column by column', () => {
    const boxes: XyBox[] = [];
    for (let c = 0; c < 6; c++) for (let k = 0; k < 50; k++) boxes.push({ x: c * 330, y: 100 + k * 80, w: 310, h: 70 });
    boxes.push({ x: 0, y: 0, w: 1960, h: 80 }); // banner over all columns
    const order = xyCutOrder(boxes);
    expect(order).toEqual([300, ...Array.from({ length: 300 }, (_, i) => i)]);
  });

  it('returns [] and [0] for no box and one box', () => {
    expect(xyCutOrder([])).toEqual([]);
    expect(xyCutOrder([{ x: 5, y: 5, w: 1, h: 1 }])).toEqual([0]);
  });
});

describe('readingOrder', () => {
  const frag = (id: string, box?: XyBox, text = 'x') => ({ id, text, ...(box ? { box } : {}) });
  const twoCols = [
    frag('b2', col(1, 400, 300)),
    frag('a1', col(0, 0, 300)),
    frag('b1', col(1, 0, 300)),
    frag('a2', col(0, 400, 300)),
  ];

  it('replaces a scrambled file order by the XY-cut order', () => {
    expect(readingOrder(twoCols).map((f) => f.id)).toEqual(['a1', 'a2', 'b1', 'b2']);
  });

  it('keeps a file order that is already a reading order (the producer may know the articles)', () => {
    // b1 b2 a1 a2 (the producer wrote the right-hand story first): 2 of 3 consecutive pairs agree with XY-cut.
    const file = [twoCols[2], twoCols[0], twoCols[1], twoCols[3]];
    expect(fileOrderAgreement(file, readingOrder(twoCols))).toBeCloseTo(2 / 3);
    expect(readingOrder(file)).toBe(file);
  });

  it('leaves pages with fewer than 90% boxed fragments in file order', () => {
    const page = [...twoCols, frag('t1'), frag('t2')];
    expect(readingOrder(page)).toBe(page);
  });

  it('puts a fragment without a box right after its file predecessor', () => {
    // 10 of 11 fragments boxed (≥ 90%); column 3 listed bottom-up so the file order is no reading order.
    const colC = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((id, k) => frag(id, col(2, k * 200, 150))).reverse();
    const page = [...twoCols.slice(0, 2), frag('nobox'), ...twoCols.slice(2), ...colC];
    expect(readingOrder(page).map((f) => f.id)).toEqual([
      'a1',
      'nobox',
      'a2',
      'b1',
      'b2',
      'c1',
      'c2',
      'c3',
      'c4',
      'c5',
      'c6',
    ]);
  });

  it('measures the line pitch from box heights and printed lines', () => {
    expect(
      linePitch([
        frag('a', col(0, 0, 120), 'one\ntwo\nthree'),
        frag('b', col(0, 200, 80), 'one\ntwo'),
        frag('c', col(0, 300, 400), 'x'),
      ]),
    ).toBe(40);
  });
});

describe('suggest() with XY-cut reading order (mode G hook)', () => {
  // Two stories side by side; the file lists the blocks scrambled. The body blocks end on a comma (only the first
  // story's last one is complete), so the text says little about order; it has to come from the boxes.
  const blocks: Array<[string, XyBox]> = [
    ['乙块提到新建的教室。', col(0, 260, 150)],
    ['# 河道治理工程完工', col(1, 0, 50)],
    ['丁块写到两岸的步道，', col(1, 260, 150)],
    ['甲块讲到学校的历史，', col(0, 80, 150)],
    ['丙块说到治理的经过，', col(1, 80, 150)],
    ['# 山区小学新校舍落成', col(0, 0, 50)],
  ];
  const issue = () => {
    const page = pageFromPlainText(blocks.map(([t]) => t).join('\n\n'), {
      pageId: 'p1',
      label: '1',
      encoding: 'utf-8',
    });
    page.fragments = page.fragments.map((f, i) => ({ ...f, box: blocks[i][1] }));
    return createIssue([page], { id: 'x', title: 'x' });
  };
  const byText = (t: string) => `p1.${blocks.findIndex(([b]) => b === t) + 1}`;

  it('groups and orders a scrambled page by its boxes', () => {
    const s = suggest(issue());
    expect(s.articles.map((a) => a.items.map((it) => it.id))).toEqual([
      [byText('# 山区小学新校舍落成'), byText('甲块讲到学校的历史，'), byText('乙块提到新建的教室。')],
      [byText('# 河道治理工程完工'), byText('丙块说到治理的经过，'), byText('丁块写到两岸的步道，')],
    ]);
  });

  it('offers the next block in reading order, not in the file, as "next in extraction order"', () => {
    const s = suggest(issue());
    const next = (id: string) =>
      s.fragments[id].candidates.find((c) => c.reasons.includes('next in extraction order'))?.id;
    expect(next(byText('甲块讲到学校的历史，'))).toBe(byText('乙块提到新建的教室。'));
    const off = suggest(issue(), {}, { ...DEFAULT_PARAMS, xycut: false });
    expect(next(byText('甲块讲到学校的历史，'))).not.toBe(
      off.fragments[byText('甲块讲到学校的历史，')].candidates.find((c) =>
        c.reasons.includes('next in extraction order'),
      )?.id,
    );
  });
});

describe('vertical text (vertical-rl)', () => {
  // Vertical lines 40 units apart, glyphs 30 high: a 6-line block of 10 characters per line is 240 × 300.
  const vblock = (x: number, y: number) => ({
    box: { x, y, w: 240, h: 300 },
    text: Array.from({ length: 6 }, () => '中文竖排报纸正文文字').join('\n'),
  });
  // Horizontal narrow columns: 10 characters of 30 per line (300 wide), 12 lines 40 apart (480 high): also tall.
  const hblock = (x: number, y: number) => ({
    box: { x, y, w: 300, h: 480 },
    text: Array.from({ length: 12 }, () => '中文横排报纸正文文字').join('\n'),
  });

  it('tells vertical blocks from narrow horizontal columns by glyph pitch', () => {
    expect(writingMode([vblock(0, 0), vblock(300, 0), vblock(600, 0)])).toBe('vertical-rl');
    expect(writingMode([hblock(0, 0), hblock(320, 0), hblock(640, 0)])).toBe('horizontal');
    expect(writingMode([vblock(0, 0), vblock(300, 0)])).toBe('horizontal'); // too few votes
  });

  it('reads tiers top to bottom and the blocks of a tier right to left', () => {
    // Gaps of half a line between the blocks of a tier; the tiers' gutters do not line up.
    const named: Record<string, { box: XyBox; text: string }> = {
      t1r: vblock(600, 0),
      t1m: vblock(340, 0),
      t1l: vblock(80, 0),
      t2r: vblock(640, 360),
      t2m: vblock(380, 360),
      t2l: vblock(120, 360),
    };
    const file = ['t2l', 't1m', 't2r', 't1l', 't1r', 't2m'];
    const frags = file.map((id) => ({ id, ...named[id] }));
    expect(readingOrder(frags).map((f) => f.id)).toEqual(['t1r', 't1m', 't1l', 't2r', 't2m', 't2l']);
    expect(linePitch(frags, 'vertical-rl')).toBe(40);
  });
});
