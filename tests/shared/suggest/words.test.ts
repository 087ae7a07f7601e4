import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFragments } from '../../../shared/model/lookup';
import { straddlingWord } from '../../../shared/suggest/straddle';
import { bundledWordModel, loadWordModel, type WordModelData } from '../../../shared/suggest/words';
import { ROOT } from '../../support/paths';
import { sampleIssue, sampleTruth, truthLinks } from './sample';

/**
 * The jieba word model (scripts/build-word-model.ts) and its seam signals. The real cases are the cut words of the
 * sample page, which is held out: nothing in the model or in words.ts was fitted on it; the evaluation at the end
 * only prints how the seam score ranks the true continuations there.
 */
const MODEL_FILE = path.join(ROOT, 'shared/suggest/model/words.json');
const m = bundledWordModel();

describe('word model file', () => {
  const data = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as WordModelData;

  it('is compact, attributed and holds 1–4-character Han words with frequencies', () => {
    expect(statSync(MODEL_FILE).size).toBeLessThan(2.5e6);
    expect(data.format).toBe('galley-suggest-words');
    expect(data.licence).toMatch(/MIT License/);
    expect(readFileSync(path.join(ROOT, 'shared/suggest/model/SOURCES.md'), 'utf8')).toMatch(/jieba/);
    expect(m.size).toBeGreaterThan(200_000);
    for (const w of ['方案', '建设', '蹲点', '六成', '以上']) expect(m.wordLogProb(w), w).not.toBeNull();
    expect(m.wordLogProb('方案')!).toBeGreaterThan(m.wordLogProb('蹲点')!);
    expect(m.wordLogProb('案社')).toBeNull();
    expect(m.wordLogProb('abc')).toBeNull();
  });

  it('stores simplified keys only: folding is idempotent and every traditional word maps to its simplified form', () => {
    const sources = new Set<string>();
    for (let i = 0; i + 1 < data.t2s.length; i += 2) sources.add(data.t2s[i]);
    let targetsThatFoldAgain = 0;
    for (let i = 1; i < data.t2s.length; i += 2) if (sources.has(data.t2s[i])) targetsThatFoldAgain++;
    expect(targetsThatFoldAgain).toBe(0);
    // A spread of words from every line (the folder is slow-ish per character; a few thousand words suffice).
    for (const line of data.words.split('\n')) {
      const [len, , words] = line.split('\t');
      for (let at = 0; at < Math.min(words.length, 20 * Number(len)); at += Number(len)) {
        const w = words.slice(at, at + Number(len));
        expect(m.fold(w)).toBe(w);
      }
    }
    expect(m.wordLogProb('經濟')).toBe(m.wordLogProb('经济'));
  });

  it('rejects data of another format', () => {
    expect(() => loadWordModel({ ...data, format: 'galley-suggest-lm' } as unknown as WordModelData)).toThrow(
      /not a word model/,
    );
  });
});

describe('seamScore on the cut words of the sample page', () => {
  const score = (a: string, b: string) => m.seamScore(a, b).score;

  it('scores the true continuation above wrong ones from the same page', () => {
    const six = '生产任务已排到下半年,六';
    expect(score(six, '成以上的一线工人')).toBeGreaterThan(1);
    // Not asserted against 点,其间… or 案,社工们…: 六点 ("six o'clock") and 六案 are dictionary words, and the seam
    // alone cannot tell (the decoder weighs them against 蹲|点 and 方|案, which score higher).
    for (const wrong of ['策划,企业怎么发动', '组织、新社会组织', '是难题。幸好'])
      expect(score(six, '成以上的一线工人')).toBeGreaterThan(score(six, wrong));
    const plan = '群策群力之后,社区定下了服务方';
    expect(score(plan, '案,社工们分头行动')).toBeGreaterThan(score(plan, '组织、新社会组织') + 3);
    expect(score('采访中,记者数次到灵峰社区蹲', '点,其间不时')).toBeGreaterThan(
      score('采访中,记者数次到灵峰社区蹲', '策划,企业怎么发动') + 2,
    );
    expect(score('采访中,记者数次到灵峰社区蹲', '点,其间不时')).toBeGreaterThan(
      score('生产任务已排到下半年,六', '点,其间不时'),
    );
    expect(score('群策群力之后,社区定下了服务方', '案,社工们')).toBeGreaterThan(
      score('生产任务已排到下半年,六', '案,社工们') + 3,
    );
    expect(score('牵引企业、职能部门、群团', '组织、社会力量')).toBeGreaterThan(0.5);
    expect(score('新就业群体党的建', '设。史孟艳说')).toBeGreaterThan(score('新就业群体党的建', '组织、社会力量') + 3);
  });

  it('names the word across the seam', () => {
    expect(m.seamScore('下半年,六', '成以上的').word).toBe('六|成');
    expect(m.seamScore('社区定下了服务方', '案,社工们').word).toBe('方|案');
    expect(m.seamScore('灵峰社区蹲', '点,其间').word).toBe('蹲|点');
    expect(m.seamScore('党的建', '设。史孟').word).toBe('建|设');
    expect(m.seamScore('招聘会如何', '策划,企业').word).toBeNull();
  });

  it('is zero, never negative, where no word crosses the seam', () => {
    const r = m.seamScore('招聘会如何', '策划,企业怎么发动');
    expect(r.score).toBe(0);
    expect(r.crossOdds).toBeLessThan(0);
    // 经济组织 is not in the dictionary, and 经济 | 组织 are two complete words: no evidence either way.
    expect(m.seamScore('加强新经济', '组织、新社会组织').score).toBeLessThan(0.5);
  });
});

describe('seamScore edge cases', () => {
  it('has no window on an empty side, Latin, digits or punctuation at the seam', () => {
    for (const [a, b] of [
      ['', '成以上'],
      ['下半年,六', ''],
      ['', ''],
      ['the new', 'economy'],
      ['服务方', 'abc'],
      ['灵峰社区6', '个社工'],
      ['服务方。', '案'],
      ['服务方', ',案'],
      ['服务方', '“案'],
    ]) {
      expect(m.seamScore(a, b), `${a}|${b}`).toEqual({ score: 0, word: null, crossOdds: 0 });
    }
  });

  it('skips the spaces a PDF line break leaves and folds traditional characters', () => {
    expect(m.seamScore('服务 方 ', ' 案,社工').word).toBe('方|案');
    const trad = m.seamScore('開會討論經', '濟問題');
    expect(trad.word).toBe('经|济');
    expect(trad.score).toBeCloseTo(m.seamScore('开会讨论经', '济问题').score, 6);
  });

  it('looks at four characters per side at most', () => {
    expect(m.seamScore('一二三四五六七八九十服务方', '案社工们分头行动').score).toBeCloseTo(
      m.seamScore('了服务方', '案社工们').score,
      9,
    );
  });
});

describe('startScore and endScore', () => {
  it('see a text that starts or ends in the middle of a word', () => {
    for (const b of ['案,社工们', '设。史孟艳说', '点,其间不时']) expect(m.startScore(b), b).toBeGreaterThan(0.5);
    for (const b of ['策划,企业怎么发动', '组织、新社会组织']) expect(m.startScore(b), b).toBeLessThan(-1);
    for (const a of ['社区定下了服务方', '新就业群体党的建']) expect(m.endScore(a), a).toBeGreaterThan(1);
    for (const a of ['招聘会如何', '加强新经济']) expect(m.endScore(a), a).toBeLessThan(-1);
  });

  it('is 0 without a Han window and clamped to ±8', () => {
    expect(m.startScore('')).toBe(0);
    expect(m.startScore('“案')).toBe(0);
    expect(m.endScore('abc')).toBe(0);
    for (const t of ['的', '啊啊啊啊', '龘', '了解', '成']) {
      expect(Math.abs(m.startScore(t))).toBeLessThanOrEqual(8);
      expect(Math.abs(m.endScore(t))).toBeLessThanOrEqual(8);
    }
  });
});

describe('figures (printed, not asserted: timing belongs to benchmarks)', () => {
  it('load time, µs per call, and the ranking of true continuations on the sample page', () => {
    const data = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as WordModelData;
    let t0 = performance.now();
    const fresh = loadWordModel(data);
    const loadMs = performance.now() - t0;
    t0 = performance.now();
    fresh.startScore('案');
    const massesMs = performance.now() - t0;

    const issue = sampleIssue();
    const frags = allFragments(issue);
    const text = new Map(frags.map((f) => [f.id, f.text]));
    const joins = [...truthLinks(sampleTruth())].filter(([, l]) => l.join);

    let calls = 0;
    let usPerCall = 0;
    // Three rounds, the last one timed: the first ones run before the JIT has compiled the scorer.
    for (let r = 0; r < 3; r++) {
      calls = 0;
      t0 = performance.now();
      for (const [a] of joins)
        for (const f of frags) {
          m.seamScore(text.get(a)!, f.text);
          calls++;
        }
      usPerCall = ((performance.now() - t0) * 1000) / calls;
    }

    /**
     * Each cut A against every other fragment as B (and each true B against every other fragment as A): is the true
     * partner strictly first, the share of wrong candidates it beats (AUC, ties half), and how often the score
     * passes a threshold on true and on wrong pairs.
     */
    const rank = (scoreOf: (a: string, b: string) => number, backwards: boolean, thresholds = [0, 1, 2]) => {
      let top1 = 0;
      let auc = 0;
      const fireTrue = thresholds.map(() => 0);
      const fireWrong = thresholds.map(() => 0);
      let wrongPairs = 0;
      for (const [a, l] of joins) {
        const [fixed, partner] = backwards ? [l.next, a] : [a, l.next];
        const pair = (other: string) =>
          backwards ? scoreOf(text.get(other)!, text.get(fixed)!) : scoreOf(text.get(fixed)!, text.get(other)!);
        const truthScore = pair(partner);
        thresholds.forEach((t, k) => {
          if (truthScore > t) fireTrue[k]++;
        });
        let above = 0;
        let ties = 0;
        let others = 0;
        for (const f of frags) {
          if (f.id === fixed || f.id === partner) continue;
          const s = pair(f.id);
          thresholds.forEach((t, k) => {
            if (s > t) fireWrong[k]++;
          });
          wrongPairs++;
          others++;
          if (truthScore > s) above++;
          else if (truthScore === s) ties++;
        }
        if (above === others) top1++;
        auc += (above + ties / 2) / others;
      }
      const fires = thresholds
        .map(
          (t, k) =>
            `>${t}: ${fireTrue[k]}/${joins.length} true, ${((100 * fireWrong[k]) / wrongPairs).toFixed(1)}% wrong`,
        )
        .join('; ');
      return `true partner strictly first ${top1}/${joins.length}, mean AUC ${(auc / joins.length).toFixed(3)}; fires ${fires}`;
    };
    const jieba = (a: string, b: string) => m.seamScore(a, b).score;
    // The ICU test as features.ts feeds it: the text without white space, four characters per side.
    const compact = (t: string) => [...t.replace(/\s+/g, '')];
    const icu = (a: string, b: string) =>
      straddlingWord(compact(a).slice(-4).join(''), compact(b).slice(0, 4).join('')) ? 1.5 : 0;
    console.log(
      [
        `word model: ${m.size} words, ${(statSync(MODEL_FILE).size / 1e6).toFixed(2)} MB; table build ${loadMs.toFixed(0)} ms (+ ${massesMs.toFixed(0)} ms for the prefix/suffix masses on the first start/end call)`,
        `seamScore: ${usPerCall.toFixed(2)} µs per call (${calls} calls, warm)`,
        `sample page, ${joins.length} mid-sentence cuts, each against all ${frags.length} fragments:`,
        `  jieba seamScore, B for A: ${rank(jieba, false)}`,
        `  jieba seamScore, A for B: ${rank(jieba, true)}`,
        `  ICU straddle,    B for A: ${rank(icu, false, [0])}`,
        `  ICU straddle,    A for B: ${rank(icu, true, [0])}`,
        '  true pairs where either fires (jieba word and score / ICU word):',
        ...joins.flatMap(([a, l]) => {
          const ta = text.get(a)!;
          const tb = text.get(l.next)!;
          const j = m.seamScore(ta, tb);
          const i = straddlingWord(compact(ta).slice(-4).join(''), compact(tb).slice(0, 4).join(''));
          return j.score > 0 || i
            ? [
                `    ${compact(ta).slice(-4).join('')}|${compact(tb).slice(0, 4).join('')}: ${j.word ?? '-'} ${j.score.toFixed(2)} / ${i ?? '-'}`,
              ]
            : [];
        }),
      ].join('\n'),
    );
    expect(calls).toBe(joins.length * frags.length);
  });
});
