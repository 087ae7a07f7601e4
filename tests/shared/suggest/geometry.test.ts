import { describe, expect, it } from 'vitest';
import { pageFromPlainText } from '../../../shared/import/plain-text';
import { createIssue } from '../../../shared/model/create';
import { suggest } from '../../../shared/suggest/engine';
import { geometryScore } from '../../../shared/suggest/score';
import { fragmentFeatures } from '../../../shared/suggest/features';
import { bundledModel } from '../../../shared/suggest/model';

/**
 * Mode G: with boxes, reading order follows the columns even when the extraction order is scrambled and the
 * text alone gives no cue (every block ends on a comma, no word straddles a seam).
 */
const text = [
  '# 山区小学新校舍落成',
  '丙块写到操场上的树木，',
  '甲块讲到学校的历史，',
  '丁块说到家长们的期待，',
  '乙块提到新建的教室，',
].join('\n\n');
// Reading order: headline, then column 1 (甲 above 乙), then column 2 (丙 above 丁).
const boxes: Record<string, { x: number; y: number; w: number; h: number }> = {
  'p1.1': { x: 0, y: 0, w: 400, h: 40 },
  'p1.2': { x: 210, y: 50, w: 190, h: 100 }, // 丙: column 2, top
  'p1.3': { x: 0, y: 50, w: 190, h: 100 }, // 甲: column 1, top
  'p1.4': { x: 210, y: 155, w: 190, h: 100 }, // 丁: column 2, below 丙
  'p1.5': { x: 0, y: 155, w: 190, h: 100 }, // 乙: column 1, below 甲
};

function boxedIssue() {
  const page = pageFromPlainText(text, { pageId: 'p1', label: '1', encoding: 'utf-8' });
  page.fragments = page.fragments.map((f) => ({ ...f, box: boxes[f.id] }));
  return createIssue([page], { id: 'g', title: 'g' });
}

describe('geometry', () => {
  it('scores "right below in the same column" over "next column" over "above"', () => {
    const m = bundledModel();
    const f = boxedIssue().pages[0].fragments.map((x, i) => fragmentFeatures(x, i, m));
    const [, c, a, d, b] = f;
    expect(geometryScore(a, b).score).toBeGreaterThan(geometryScore(b, c).score); // 甲→乙 > 乙→丙
    expect(geometryScore(b, c).score).toBeGreaterThan(0); // 乙 → top of the next column
    expect(geometryScore(b, a).score).toBeLessThan(0); // 乙 → 甲 goes back up
    expect(geometryScore(a, b, true).reasons).toEqual(['directly below in the same column']);
    expect(geometryScore(c, d).score).toBe(geometryScore(a, b).score);
  });

  it('orders a scrambled two-column article by its boxes', () => {
    const s = suggest(boxedIssue());
    expect(s.articles).toHaveLength(1);
    expect(s.articles[0].items.map((it) => it.id)).toEqual(['p1.1', 'p1.3', 'p1.5', 'p1.2', 'p1.4']);
  });

  it('changes nothing for pages without boxes', () => {
    const m = bundledModel();
    const page = pageFromPlainText(text, { pageId: 'p1', label: '1', encoding: 'utf-8' });
    const f = page.fragments.map((x, i) => fragmentFeatures(x, i, m));
    expect(geometryScore(f[2], f[4]).score).toBe(0);
  });
});
