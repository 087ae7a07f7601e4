import { describe, expect, it } from 'vitest';
import { joinTable } from '../../../shared/suggest/join-stage';
import { pageSignals } from '../../../shared/suggest/page-signals';
import { fragmentFeatures } from '../../../shared/suggest/features';
import { bundledModel } from '../../../shared/suggest/model';
import { DEFAULT_PARAMS } from '../../../shared/suggest/engine';
import { sampleIssue } from './sample';

/** The joins stage of a page pass on its own: the table of mid-sentence join scores, before bands and grouping. */
describe('joinTable', () => {
  const model = bundledModel();
  const signals = pageSignals(sampleIssue().pages[0].fragments, (f, i) => fragmentFeatures(f, i, model));
  const n = signals.F.length;
  const at = (id: string) => signals.F.findIndex((f) => f.id === id);
  const free = { placed: () => false, isFixedTail: () => false, allowed: (i: number, j: number) => i !== j };
  const { JS } = joinTable(signals, DEFAULT_PARAMS, model, free);
  const score = (a: string, b: string, t = JS) => t[at(a) * n + at(b)];

  it('scores a cut word above the next block in source order (…下半年,六 | 成以上…)', () => {
    expect(Number.isFinite(score('p1.8', 'p1.30'))).toBe(true);
    expect(score('p1.8', 'p1.30')).toBeGreaterThan(score('p1.8', 'p1.9'));
  });

  it('never joins into or out of a heading, nor from a block that ends its sentence', () => {
    for (let j = 0; j < n; j++) {
      expect(JS[at('p1.1') * n + j]).toBe(-Infinity);
      expect(JS[j * n + at('p1.2')]).toBe(-Infinity);
    }
    const complete = signals.F.findIndex((f, i) => f.complete && !signals.heading[i]);
    for (let j = 0; j < n; j++) expect(JS[complete * n + j]).toBe(-Infinity);
  });

  it('leaves placed fragments (but an article’s last one) and rejected links out', () => {
    const placedB = at('p1.30');
    const placedTail = at('p1.8');
    const t = joinTable(signals, DEFAULT_PARAMS, model, {
      placed: (i) => i === placedB || i === placedTail,
      isFixedTail: (i) => i === placedTail,
      allowed: (i, j) => i !== j && !(i === at('p1.8') && j === at('p1.9')),
    }).JS;
    for (let i = 0; i < n; i++) expect(t[i * n + placedB]).toBe(-Infinity);
    expect(score('p1.8', 'p1.9', t)).toBe(-Infinity);
    // The placed article's last fragment may still go on.
    expect([...t.slice(placedTail * n, placedTail * n + n)].some(Number.isFinite)).toBe(true);
  });
});
