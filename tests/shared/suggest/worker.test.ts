import { afterAll, describe, expect, it } from 'vitest';
import { sampleIssue } from './sample';

/** The Web Worker entry, driven through a stand-in `self` (the same protocol the workbench uses). */
describe('shared/suggest/worker', () => {
  const g = globalThis as unknown as { self?: unknown };
  const had = 'self' in g;
  const posted: Array<Record<string, unknown>> = [];
  const fake: { postMessage: (m: Record<string, unknown>) => void; onmessage?: (e: { data: unknown }) => void } = {
    postMessage: (m) => posted.push(m),
  };
  g.self = fake;
  afterAll(() => {
    if (!had) delete g.self;
  });

  it('answers { id, issue, options } with { id, suggestions }, and errors with { id, error }', async () => {
    await import('../../../shared/suggest/worker');
    expect(typeof fake.onmessage).toBe('function');
    fake.onmessage!({ data: { id: 7, issue: sampleIssue(), options: { minConfidence: 0.8 } } });
    const ok = posted[0] as { id: number; suggestions: { articles: unknown[]; minConfidence: number } };
    expect(ok.id).toBe(7);
    expect(ok.suggestions.articles).toHaveLength(9);
    expect(ok.suggestions.minConfidence).toBe(0.8);
    // The answer survives structured cloning (what postMessage does).
    expect(structuredClone(ok)).toEqual(ok);
    fake.onmessage!({ data: { id: 8, issue: null } });
    expect(posted[1]).toMatchObject({ id: 8 });
    expect(typeof posted[1].error).toBe('string');
  });
});
