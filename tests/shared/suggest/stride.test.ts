import { describe, expect, it } from 'vitest';
import { fragmentFeatures } from '../../../shared/suggest/features';
import { strideConsistency } from '../../../shared/suggest/stride';
import { bundledModel } from '../../../shared/suggest/model';
import { pageFromPlainText } from '../../../shared/import/plain-text';
import { DEFAULT_PARAMS, suggest } from '../../../shared/suggest/engine';
import { createIssue } from '../../../shared/model/create';

/**
 * Line-by-line interleaving (shared/suggest/stride.ts). Three narrow columns of one article printed side by side
 * and extracted row by row: column A's lines sit at positions 0, 3, 6, 9, B's at 1, 4, 7, 10, C's at 2, 5, 8, 11.
 * The text is a paragraph of the sample page (p1.36, 用心招人…), re-cut into twelve lines of 15 characters and
 * laid out as such a band.
 */
const TEXT =
  '用心招人,还得用心留人。在走访中,一些企业职工反映,当前生产形势好,员工加班多,可双职工家庭周末孩子无人照看,很是头疼。于是,社区联合共建单位和志愿者,尝试推出了"周六托管班"的新服务,免费照看企业职工的子女。除了开展作业辅导、艺术辅导等常规服务外,社区还邀请北仑区心理咨询专业教师团队与孩子们做游戏、互动,提升孩子的心理素养,受到了员工欢迎,第一期的名额很快就预约完了。';
// The first line is indented two cells, as printed: it holds two characters fewer.
const lines = Array.from({ length: 12 }, (_, k) => [...TEXT].slice(k === 0 ? 0 : k * 15 - 2, k * 15 + 13).join(''));
/** Reading order: line r of column c is lines[c * 4 + r]; extraction order is row by row. */
const extracted = [0, 1, 2, 3].flatMap((r) => [0, 1, 2].map((c) => c * 4 + r));
const page = pageFromPlainText(`${extracted.map((k) => lines[k]).join('\n\n')}\n`, {
  pageId: 'p1',
  label: '1',
  encoding: 'utf-8',
});
const F = page.fragments.map((f, i) => fragmentFeatures(f, i, bundledModel()));
const n = F.length;

describe('strideConsistency', () => {
  it('finds the band’s stride of 3 and adds it to the links three positions on', () => {
    // Flat join scores with a slight edge for the true links: one pair alone proves little.
    const JS = new Float64Array(n * n).fill(-Infinity);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) if (i !== j) JS[i * n + j] = DEFAULT_PARAMS.joinThreshold + (j === i + 3 ? 0.6 : 0.5);
    const before = JS.slice();
    const { share, succ } = strideConsistency(n, JS, F, DEFAULT_PARAMS);
    expect(share(4, 3)).toBeGreaterThan(0.5);
    expect(JS[4 * n + 7]).toBeGreaterThan(before[4 * n + 7] + 1);
    expect(JS[4 * n + 5]).toBe(before[4 * n + 5]);
    for (let i = 0; i + 3 < n; i++) expect(succ[i], `line ${i}`).toBe(i + 3);
  });

  it('lets the engine read the band column by column', () => {
    const issue = createIssue([page], { id: 't', title: 't' });
    const s = suggest(issue);
    const pos = (id: string) => Number(id.slice(3)) - 1;
    const next = new Map<number, number>();
    for (const a of s.articles)
      a.items.forEach((it, k) => {
        if (k > 0) next.set(pos(a.items[k - 1].id), pos(it.id));
      });
    // True successors in extraction positions: reading order 0…11 mapped through `extracted`.
    const at = (line: number) => extracted.indexOf(line);
    let right = 0;
    for (let line = 0; line + 1 < 12; line++) if (next.get(at(line)) === at(line + 1)) right++;
    console.log(`interleaved band: ${right}/11 successors right`);
    expect(right).toBe(11);
  });
});
