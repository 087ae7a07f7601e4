import { describe, expect, it } from 'vitest';
import { pageSignals } from '../../../shared/suggest/page-signals';
import { fragmentFeatures } from '../../../shared/suggest/features';
import { bundledModel } from '../../../shared/suggest/model';
import { sampleIssue } from './sample';

/** The signals stage of a page pass, on its own (no link is scored): what the later stages read. */
describe('pageSignals', () => {
  const fragments = sampleIssue().pages[0].fragments;
  const s = pageSignals(fragments, (f, i) => fragmentFeatures(f, i, bundledModel()));
  const at = (id: string) => s.F.findIndex((f) => f.id === id);

  it('keeps every fragment once, in reading order (file order for a text page)', () => {
    expect(s.F.map((f) => f.id)).toEqual(fragments.map((f) => f.id));
    expect(s.F.map((f) => f.index)).toEqual(fragments.map((_, i) => i));
  });

  it('flags the heading lines and the side items', () => {
    // `## 本报记者蹲点…` (kicker) and `# "管家"上门…` (headline) head the page; the photo caption and credit are side items.
    expect(s.heading[at('p1.1')]).toBe(true);
    expect(s.heading[at('p1.2')]).toBe(true);
    expect(s.heading[at('p1.3')]).toBe(false);
    const caption = s.F.findIndex((f) => f.text.startsWith('图为2023盛装舞步'));
    expect(caption).toBeGreaterThan(0);
    expect(s.side[caption]).toBe(true);
    expect(s.side.filter(Boolean).length).toBeLessThan(10);
  });

  it('gives one topic row and one indent value per fragment', () => {
    const n = s.F.length;
    expect(s.topicF).toHaveLength(n * n);
    for (let i = 0; i < n; i += 7)
      for (let j = 0; j < n; j += 5) expect(s.topicF[i * n + j]).toBeCloseTo(s.topicF[j * n + i], 6);
    expect(s.indent).toHaveLength(n);
    expect([...s.indent].every((v) => v >= -1 && v <= 1)).toBe(true);
    expect([...s.indent].some((v) => v > 0.5)).toBe(true);
    expect(s.cache.modernity).toBe(1);
  });
});
