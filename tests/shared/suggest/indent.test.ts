import { describe, expect, it } from 'vitest';
import { fragmentFeatures } from '../../../shared/suggest/features';
import { indentEvidence } from '../../../shared/suggest/indent';
import { bundledModel } from '../../../shared/suggest/model';
import { pageFromPlainText } from '../../../shared/import/plain-text';
import { sampleIssue, sampleTruth } from './sample';

/** Paragraph starts from the two-cell first-line indent (shared/suggest/indent.ts), on real blocks of the sample page. */
const F = sampleIssue().pages[0].fragments.map((f, i) => fragmentFeatures(f, i, bundledModel()));
const ev = indentEvidence(
  F,
  F.map((f) => f.headingLevel > 0),
);
const at = (id: string) => ev[F.findIndex((f) => f.id === id)];

describe('indentEvidence', () => {
  it('reads a short first line that does not end a sentence as a paragraph start', () => {
    expect(at('p1.24')).toBeGreaterThan(0.5); // 采访中,记者数次到灵峰社区蹲 (one line, two cells short)
    expect(at('p1.26')).toBeGreaterThan(0.5); // 群策群力之后,社区定下了服务方
    expect(at('p1.28')).toBeGreaterThan(0.5); // 党的二十大报告提出,加强新经济
    expect(at('p1.36')).toBeGreaterThan(0.5); // 用心招人,还得用心留人。… (multi-line: first line vs its own lines)
  });

  it('reads a line that fills its column as the middle of a paragraph', () => {
    expect(at('p1.10')).toBeLessThan(-0.5); // 组织、新社会组织、新就业群体党的建
    expect(at('p1.13')).toBeLessThan(-0.5); // 服务中心整合社会资源、联结政府部门
  });

  it('says nothing about a short one-line block that ends a sentence, headings, or Latin text', () => {
    expect(at('p1.27')).toBe(0); // 多名职工的奥妙所在。 — short because its paragraph ends
    // 最大努力帮助企业节省成本。' 为了更细致地… — the first line closes a paragraph; the next one opens the block's second
    expect(at('p1.88')).toBe(0);
    expect(at('p1.1')).toBe(0);
    const latin = pageFromPlainText(
      'Short line\n\nAnother line that is a good deal longer than that\n\nA third one here\n',
      { pageId: 'p9', label: '9', encoding: 'utf-8' },
    );
    const LF = latin.fragments.map((f, i) => fragmentFeatures(f, i, bundledModel()));
    expect([
      ...indentEvidence(
        LF,
        LF.map(() => false),
      ),
    ]).toEqual([0, 0, 0]);
  });

  it('is right far more often than wrong over the whole page (held-out truth; printed, not fitted)', () => {
    let right = 0;
    let wrong = 0;
    for (const [id, kind] of truthKinds()) {
      const e = at(id);
      if (Math.abs(e) <= 0.3) continue;
      if (e > 0 === (kind === 'start')) right++;
      else wrong++;
    }
    console.log(`indent evidence on the sample page: ${right} right, ${wrong} wrong (|e| > 0.3)`);
    expect(right).toBeGreaterThan(5 * wrong);
  });
});

/** Each fragment after an article's first: does it open a paragraph or continue one (the hand-written truth)? */
function truthKinds(): Map<string, 'start' | 'join'> {
  const m = new Map<string, 'start' | 'join'>();
  for (const a of sampleTruth().articles)
    a.items.forEach((it, k) => {
      if (k > 0) m.set(it.id, it.join ? 'join' : 'start');
    });
  return m;
}
