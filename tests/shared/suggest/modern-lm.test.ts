import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeModernLm, loadModernLm } from '../../../shared/suggest/modern-lm';
import { bundledModernLm, pageModernity } from '../../../shared/suggest/modern-model';

const root = path.resolve(import.meta.dirname, '../../..');
const META = { source: 'test', licence: 'test', inputSha256: {} };

describe('modern word bigram model', () => {
  it('round-trips through the encoder: probabilities, back-off and bigrams come back within the quantisation', () => {
    const data = encodeModernLm(
      {
        // In code-unit order, as the loader's binary search needs.
        words: ['', '如何', '的', '社', '策划'],
        unigram: [0.1, 0.01, 0.05, 0.0001, 0.001],
        backoff: [1, 0.8, 1, 1, 1],
        bigrams: [[1, 4, 0.05]],
        boundary: 0,
      },
      META,
    );
    const lm = loadModernLm(JSON.parse(JSON.stringify(data)), '');
    expect(lm.size).toEqual({ words: 5, bigrams: 1 });
    const q = 1 / 12;
    // Seen pair: ln P(策划 | 如何) − ln P(策划).
    expect(lm.seamScore('如何', '策划').score).toBeCloseTo(Math.log(0.05 / 0.001), 0);
    expect(Math.abs(lm.seamScore('如何', '策划').score - Math.log(0.05 / 0.001))).toBeLessThanOrEqual(q);
    // Unseen pair: the back-off weight of 如何.
    expect(Math.abs(lm.seamScore('如何', '的').score - Math.log(0.8))).toBeLessThanOrEqual(1 / 32);
    expect(lm.segment('如何策划')).toEqual(['如何', '策划']);
    expect(Math.abs(lm.logProb('如何策划') - Math.log(0.01 * 0.05))).toBeLessThanOrEqual(2 * q);
    expect(lm.seamScore('如何', '策划').words).toBe('如何|策划');
  });

  it('bundled: a continuation that reads on scores above one that does not', () => {
    const lm = bundledModernLm();
    expect(lm.size.words).toBeGreaterThan(70_000);
    // 如何|策划 is not among open-gram's bigrams (it scores the back-off weight of 如何, as any unseen pair does), yet
    // it reads better than 如何|的, a pair the model has seen to be rare.
    expect(lm.seamScore('招聘会如何', '策划,企业怎么').score).toBeGreaterThan(
      lm.seamScore('招聘会如何', '的，他们').score,
    );
    expect(lm.seamScore('招聘会如何', '进行,企业怎么').score).toBeGreaterThan(2);
    // A word across the seam, in traditional characters (folded to simplified first).
    expect(lm.seamScore('服務方', '案，社工們').score).toBeGreaterThan(5);
    expect(lm.seamScore('服務方', '案，社工們').words).toBe('方|案');
  });

  it('reads a page of simplified text as modern and one of traditional text as old', () => {
    expect(
      pageModernity([
        '党的二十大报告提出，要实施就业优先战略，强化就业优先政策，健全就业促进机制，促进高质量充分就业。',
      ]),
    ).toBe(1);
    expect(
      pageModernity(['滬西勞勃生路膠州路口、滬西大戲院、於昨晨三時許、忽發生大火、至拂曉時始救熄、除該戲院全部焚燬外']),
    ).toBe(0);
    expect(pageModernity(['短'])).toBe(0);
  });

  it('the committed model file is the one SOURCES.md records (SHA-256)', () => {
    const file = readFileSync(path.join(root, 'shared/suggest/model/modern-lm.json'));
    const sources = readFileSync(path.join(root, 'shared/suggest/model/SOURCES.md'), 'utf8');
    const recorded = /modern-lm\.json[^\n]*SHA-256 `([0-9a-f]{64})`/.exec(sources)?.[1];
    expect(recorded).toBeDefined();
    expect(createHash('sha256').update(file).digest('hex')).toBe(recorded);
    const data = JSON.parse(file.toString('utf8')) as { licence: string; source: string };
    expect(data.licence).toMatch(/CC BY-SA 3\.0/);
    expect(data.source).toMatch(/sunpinyin-data 0\.1\.22\+20170109-2/);
  });
});
