import { describe, expect, it } from 'vitest';
import { bandPosteriors, bandReading } from '../../../shared/suggest/bands';
import { fragmentFeatures, type FragFeatures } from '../../../shared/suggest/features';
import { bundledModel } from '../../../shared/suggest/model';
import { pageFromPlainText } from '../../../shared/import/plain-text';
import { DEFAULT_PARAMS, suggest } from '../../../shared/suggest/engine';
import { createIssue } from '../../../shared/model/create';

/**
 * Band parsing (shared/suggest/bands.ts): narrow columns printed side by side and extracted row by row. The text is
 * three paragraphs of the sample page (p1.36 用心招人…, p1.37 为让员工…, p1.38 员工乐业…), re-cut into lines of 10 characters (the first
 * line of each paragraph indented two cells, as printed) and laid out as two bands of three columns four lines deep.
 */
const PARAS = [
  '用心招人,还得用心留人。在走访中,一些企业职工反映,当前生产形势好,员工加班多,可双职工家庭周末孩子无人照看,很是头疼。于是,社区联合共建单位和志愿者,尝试推出了"周六托管班"的新服务,免费照看企业职工的子女。',
  '为让员工更有归属感、幸福感,灵峰社区联合宁波旭升集团股份有限公司共同组织新入职大学生培训,邀请业内大咖开讲"入职第一课",帮助新员工更好感受社区文化,适应企业氛围,产生认同感。',
  '员工乐业,企业才能安心发展。在史孟艳的笔记本上,满满当当地记录着今年计划逐个实施的25项升级服务。',
];
const W = 10;
const lines = PARAS.flatMap((p) => {
  const cs = [...p];
  const out: string[] = [];
  for (let i = 0, first = true; i < cs.length; first = false) {
    const take = first ? W - 2 : W;
    out.push(cs.slice(i, i + take).join(''));
    i += take;
  }
  return out;
});
/** Reading order → source order: band b, column c, row r is reading line b·12 + c·4 + r; rows are extracted in turn. */
const bandsOf = (count: number) =>
  Array.from({ length: count }, (_, b) => bandReading([4, 4, 4]).map((rel) => b * 12 + rel));
if (lines.length < 24) throw new Error(`the text makes only ${lines.length} lines`);
const reading = lines.slice(0, 24);
const extracted: number[] = [];
for (let b = 0; b < 2; b++) for (let r = 0; r < 4; r++) for (let c = 0; c < 3; c++) extracted.push(b * 12 + c * 4 + r);
const page = pageFromPlainText(`${extracted.map((k) => reading[k]).join('\n\n')}\n`, {
  pageId: 'p1',
  label: '1',
  encoding: 'utf-8',
});
const F: FragFeatures[] = page.fragments.map((f, i) => fragmentFeatures(f, i, bundledModel()));
const at = (line: number) => extracted.indexOf(line);

describe('bandReading', () => {
  it('reads row-by-row positions column by column, a short last column included', () => {
    expect(bandReading([3, 3, 2])).toEqual([0, 3, 6, 1, 4, 7, 2, 5]);
    expect(bandsOf(1)[0]).toEqual([0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11]);
  });
});

describe('bandPosteriors', () => {
  // Link scores with only a slight edge for the true links: one seam alone proves little, a whole band does.
  const trueNext = new Map<number, number>();
  for (let line = 0; line + 1 < 24; line++) trueNext.set(at(line), at(line + 1));
  const slight = (i: number, j: number) => (trueNext.get(i) === j ? 0.5 : -0.5);

  it('is sure of the links inside each column and of each column foot’s link to the next column top', () => {
    const post = bandPosteriors(F.length, F, slight, () => true);
    for (let line = 0; line + 1 < 24; line++)
      expect(post.prob(at(line), at(line + 1)), `line ${line} → ${line + 1}`).toBeGreaterThan(0.7);
    expect(post.inBand[0]).toBeGreaterThan(0.9);
    // The foot of column A of band 1 (reading line 3, source position 9) goes to the top of B (position 1).
    expect(post.prob(at(3), at(4))).toBeGreaterThan(0.7);
    expect(post.prob(at(3), at(3) + 3)).toBeLessThan(0.3);
  });

  it('reads a run in source order when that is what its links say', () => {
    const flat = (i: number, j: number) => (j === i + 1 ? 0.5 : -0.5);
    const post = bandPosteriors(F.length, F, flat, () => true);
    for (let i = 0; i < F.length; i++) expect(post.inBand[i]).toBeLessThan(0.1);
    expect(post.prob(5, 6)).toBeGreaterThan(0.9);
  });

  it('leaves out what may not be in a band (here: every other line)', () => {
    const post = bandPosteriors(F.length, F, slight, (i) => i % 2 === 0);
    for (let i = 0; i < F.length; i++) expect(post.inBand[i]).toBe(0);
  });
});

describe('the engine on two bands of interleaved columns', () => {
  it('reads both bands column by column, the column feet and the band boundary included', () => {
    const s = suggest(createIssue([page], { id: 't', title: 't' }));
    const pos = (id: string) => Number(id.slice(3)) - 1;
    const next = new Map<number, number>();
    for (const a of s.articles)
      a.items.forEach((it, k) => {
        if (k > 0) next.set(pos(a.items[k - 1].id), pos(it.id));
      });
    const wrong: string[] = [];
    for (let line = 0; line + 1 < 24; line++)
      if (next.get(at(line)) !== at(line + 1))
        wrong.push(`${reading[line].slice(-4)}|${reading[line + 1].slice(0, 4)}`);
    expect(wrong).toEqual([]);
    // The column foot's link says why: reading line 3 (foot of column A) → line 4 (top of column B).
    const item = s.articles.flatMap((a) => a.items).find((it) => it.id === page.fragments[at(4)].id)!;
    expect(item.reasons).toContain('interleaved columns: the foot of one column goes on at the top of the next');
  });

  it('needs the band parser for it: without it, column feet go astray', () => {
    const s = suggest(createIssue([page], { id: 't', title: 't' }), {}, { ...DEFAULT_PARAMS, bandParse: 0 });
    const pos = (id: string) => Number(id.slice(3)) - 1;
    const next = new Map<number, number>();
    for (const a of s.articles)
      a.items.forEach((it, k) => {
        if (k > 0) next.set(pos(a.items[k - 1].id), pos(it.id));
      });
    let wrong = 0;
    for (let line = 0; line + 1 < 24; line++) if (next.get(at(line)) !== at(line + 1)) wrong++;
    expect(wrong).toBeGreaterThan(0);
  });
});
