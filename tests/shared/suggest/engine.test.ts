import { describe, expect, it } from 'vitest';
import { suggest, DEFAULT_MIN_CONFIDENCE } from '../../../shared/suggest/engine';
import { applyOp } from '../../../shared/ops/apply';
import { sampleIssue, sampleTruth, truthLinks } from './sample';
import { fragmentFeatures } from '../../../shared/suggest/features';
import { joinScore } from '../../../shared/suggest/score';
import { bundledModel } from '../../../shared/suggest/model';
import { buildPageCache } from '../../../shared/suggest/page-cache';

/**
 * The engine on the sample page. The page is held out (nothing was fitted on it): these tests pin what the engine
 * reaches there today, so a change that loses it fails. Gaps are written down, not hidden (docs/suggestions.md).
 */
const issue = sampleIssue();
const s = suggest(issue);
const truth = sampleTruth();
const links = truthLinks(truth);

function nextOf(id: string): { id: string; join: boolean; confident: boolean } | undefined {
  for (const a of s.articles) {
    const k = a.items.findIndex((it) => it.id === id);
    if (k >= 0 && k + 1 < a.items.length) return a.items[k + 1];
  }
  return undefined;
}

describe('suggest() on the sample page', () => {
  it('groups the 114 fragments into the nine articles, each started by its heading group', () => {
    expect(s.articles).toHaveLength(9);
    expect(s.articles.map((a) => a.items[0].id)).toEqual([
      'p1.1',
      'p1.40',
      'p1.47',
      'p1.56',
      'p1.61',
      'p1.69',
      'p1.74',
      'p1.82',
      'p1.85',
    ]);
    // Membership: every truth article's fragments land in one suggested article.
    for (const t of truth.articles) {
      const homes = new Set(t.items.map((it) => s.articles.findIndex((a) => a.items.some((x) => x.id === it.id))));
      expect(homes.size, t.title).toBe(1);
    }
    expect(s.articles.flatMap((a) => a.items).length).toBe(114);
  });

  it('joins cut words and the column slivers of the 灵峰社区 article', () => {
    expect(nextOf('p1.9')).toMatchObject({ id: 'p1.29', join: true }); // …应聘者如何邀请,都 + 是难题。
    expect(nextOf('p1.10')).toMatchObject({ id: 'p1.11', join: true }); // …党的建 + 设。史孟艳说
    expect(nextOf('p1.99')).toMatchObject({ id: 'p1.100', join: true }); // …办公室副 + 主任周庚渊说
    const c = s.fragments['p1.9'].candidates[0];
    expect(c.id).toBe('p1.29');
    expect(c.reasons.join(' ')).toMatch(/都\|是/);
    // …到灵峰社区蹲 + 点,其间不时…: the jieba seam (蹲点) makes it the first candidate, ahead of the next block.
    const squat = s.fragments['p1.24'].candidates[0];
    expect(squat.id).toBe('p1.35');
    expect(squat.join).toBe(true);
    expect(squat.reasons.join(' ')).toMatch(/蹲\|点/);
  });

  it('scores …下半年,六 + 成以上… as a cut word and links them', () => {
    // The pair reads as one word (六|成) and beats the next block in source order (the set-apart column's first line).
    const F = issue.pages[0].fragments.map((f, i) => fragmentFeatures(f, i, bundledModel()));
    const cache = buildPageCache(F.map((f) => f.text));
    const six = joinScore(F[7], F[29], 0, bundledModel(), cache);
    expect(six.reasons.join(' ')).toMatch(/六\|成/);
    expect(six.score).toBeGreaterThan(joinScore(F[7], F[8], 0, bundledModel(), cache).score);
    expect(nextOf('p1.8')).toMatchObject({ id: 'p1.30', join: true });
  });

  it('finds a plain join (a block cut at the column foot, then one whose first line fills the column) without overrating it', () => {
    // …必要的生产 / 原料,属于高能耗化学品… (p1.90 → p1.91): no word across the seam, the print says it. Its confidence
    // is the calibrated one: plain joins were right about three times in four on the calibration split (the link and
    // its join flag; docs/link-scorer.md), so it is not above the threshold, while plain breaks are (next test).
    const item = s.articles.flatMap((a) => a.items).find((it) => it.id === 'p1.91')!;
    expect(nextOf('p1.90')?.id).toBe('p1.91');
    expect(item.join).toBe(true);
    expect(item.confidence).toBeGreaterThan(0.6);
    expect(item.confidence).toBeLessThan(0.95);
  });

  it('is sure of a plain paragraph break: a sentence end, then the next block opening with an indented line', () => {
    // …安心发展。/ 为让员工更有归属感… (p1.36 → p1.37), both several lines deep.
    const item = s.articles.flatMap((a) => a.items).find((it) => it.id === 'p1.37')!;
    expect(nextOf('p1.36')?.id).toBe('p1.37');
    expect(item.join).toBe(false);
    expect(item.confident).toBe(true);
    // Not so after a block cut mid-sentence (…走进宁波北仑区大碶街道, a lost line): p1.4 stays for the proofreader.
    expect(nextOf('p1.3')?.id).toBe('p1.4');
    expect(s.articles.flatMap((a) => a.items).find((it) => it.id === 'p1.4')!.confident).toBe(false);
  });

  it('flags the lost line after 大碶街道 as an open end and never applies a join there', () => {
    expect(s.openEnds.map((o) => o.id)).toContain('p1.3');
    const n = nextOf('p1.3');
    expect(n?.join && n.confident).toBeFalsy();
  });

  it('gives top-3 continuations with probabilities and reasons for every body fragment', () => {
    const f = s.fragments['p1.10'];
    expect(f.candidates.length).toBeGreaterThan(0);
    expect(f.candidates.length).toBeLessThanOrEqual(3);
    expect(f.candidates[0].probability).toBeGreaterThan(f.candidates[1]?.probability ?? 0);
    expect(f.role.role).toBe('body');
  });

  it('reaches at least the recorded successor accuracy and keeps its confident links right', () => {
    let found = 0;
    let confident = 0;
    let confidentRight = 0;
    for (const [a, b] of links) if (nextOf(a)?.id === b.next) found++;
    for (const art of s.articles)
      art.items.forEach((it, k) => {
        if (k === 0 || !it.confident) return;
        confident++;
        if (links.get(art.items[k - 1].id)?.next === it.id) confidentRight++;
      });
    expect(found / links.size).toBeGreaterThanOrEqual(0.95);
    expect(confident).toBeGreaterThan(35);
    expect(confidentRight / confident).toBeGreaterThanOrEqual(0.97);
    expect(s.minConfidence).toBe(DEFAULT_MIN_CONFIDENCE);
  });

  it('is deterministic', () => {
    const again = suggest(sampleIssue());
    expect({ ...again, stats: null }).toEqual({ ...s, stats: null });
  });
});

describe('constraints', () => {
  it('keeps what the proofreader placed and only extends the article at its end', () => {
    let placed = applyOp(issue, {
      type: 'createArticle',
      articleId: 'a1',
      fragmentIds: ['p1.85', 'p1.86', 'p1.87'],
    }).issue;
    placed = applyOp(placed, { type: 'createArticle', articleId: 'a2', fragmentIds: ['p1.10', 'p1.12'] }).issue;
    const r = suggest(placed);
    const a1 = r.articles.find((a) => a.articleId === 'a1')!;
    expect(a1.items.slice(0, 3).map((it) => [it.id, it.fixed])).toEqual([
      ['p1.85', true],
      ['p1.86', true],
      ['p1.87', true],
    ]);
    // It is extended with pool fragments of the same (衢州) article. (The true next one is p1.88 "最大努力…"; the
    // engine currently prefers p1.90 there — a known gap, see docs/suggestions.md.)
    const quzhou = truth.articles[8].items.map((it) => it.id);
    expect(a1.items.length).toBeGreaterThan(10);
    expect(a1.items[3].fixed).toBe(false);
    for (const it of a1.items) expect(quzhou).toContain(it.id);
    // a2 keeps its (wrong) order: the engine never reorders placed fragments.
    const a2 = r.articles.find((a) => a.articleId === 'a2');
    if (a2) expect(a2.items.slice(0, 2).map((it) => it.id)).toEqual(['p1.10', 'p1.12']);
    // Placed fragments appear nowhere else.
    const elsewhere = r.articles
      .filter((a) => a.articleId !== 'a1' && a.articleId !== 'a2')
      .flatMap((a) => a.items.map((it) => it.id));
    for (const id of ['p1.85', 'p1.86', 'p1.87', 'p1.10', 'p1.12']) expect(elsewhere).not.toContain(id);
  });

  it('never suggests a link the proofreader rejected', () => {
    const r = suggest(issue, { constraints: { forbidLinks: [{ from: 'p1.10', to: 'p1.11' }] } });
    const art = r.articles.find((a) => a.items.some((it) => it.id === 'p1.10'))!;
    const k = art.items.findIndex((it) => it.id === 'p1.10');
    expect(art.items[k + 1]?.id).not.toBe('p1.11');
    expect(r.fragments['p1.10'].candidates.map((c) => c.id)).not.toContain('p1.11');
  });

  it('ignores discarded fragments and limits itself to the pages asked for', () => {
    const d = applyOp(issue, { type: 'moveFragments', fragmentIds: ['p1.45', 'p1.46'], to: { kind: 'discard' } }).issue;
    const r = suggest(d);
    expect(r.articles.flatMap((a) => a.items.map((it) => it.id))).not.toContain('p1.45');
    expect(suggest(issue, { pageIds: ['nope'] }).articles).toEqual([]);
  });
});
