import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fragmentFeatures } from '../../../shared/suggest/features';
import { bundledModel } from '../../../shared/suggest/model';
import { seamEvidence } from '../../../shared/suggest/score';
import { pageFromPlainText } from '../../../shared/import/plain-text';
import { DEFAULT_PARAMS, suggest } from '../../../shared/suggest/engine';
import { createIssue } from '../../../shared/model/create';
import { SAMPLE_PAGE } from '../../support/paths';

/**
 * The seam's text evidence for nearby one-line blocks (engine `lineWindow`): the band parser weighs whole readings of
 * interleaved columns, so every link it may read needs its text evidence, not only each line's best candidates.
 */
const sample = readFileSync(SAMPLE_PAGE, 'utf8')
  .split('\n\n')
  .map((b) => b.replace(/\s+/g, ''))
  .filter(Boolean);
const frag = (text: string, index = 0) =>
  fragmentFeatures(
    pageFromPlainText(`${text}\n`, { pageId: 'p1', label: '1', encoding: 'utf-8' }).fragments[0],
    index,
    bundledModel(),
  );

describe('seamEvidence', () => {
  it('reads a word cut across the seam on the sample page (…排到下半年,六 | 成以上的一线工人…)', () => {
    const a = frag(sample.find((b) => b.endsWith('排到下半年,六'))!);
    const b = frag(
      sample.find((t) => t.startsWith('成以上的一线工人'))!,
      1,
    );
    const other = frag(
      sample.find((t) => t.startsWith('策划,企业怎么发动'))!,
      2,
    );
    expect(seamEvidence(a, b, bundledModel())).toBeGreaterThan(1);
    expect(seamEvidence(a, b, bundledModel())).toBeGreaterThan(seamEvidence(a, other, bundledModel()) + 1);
  });

  it('is 0 for Latin text (language-neutral cues only)', () => {
    expect(seamEvidence(frag('the council met on', 0), frag('Tuesday to discuss', 1), bundledModel())).toBe(0);
  });
});

describe('the engine on bands laid out from the sample page’s text', () => {
  /** Paragraphs from `offset` on, cut into lines of `width` (first lines indented two cells), set as `bands` bands of `k` columns `h` deep and extracted row by row. */
  function layout(k: number, h: number, bands: number, width: number, offset: number) {
    const lines: string[] = [];
    for (const p of sample.filter((b) => b.length > 60).slice(offset)) {
      const cs = [...p];
      for (let i = 0, first = true; i < cs.length; first = false) {
        const take = first ? width - 2 : width;
        lines.push(cs.slice(i, i + take).join(''));
        i += take;
      }
    }
    const n = k * h * bands;
    const extracted: number[] = [];
    // Reading line b·k·h + c·h + r (band b, column c, row r); rows come out in turn.
    for (let b = 0; b < bands; b++)
      for (let r = 0; r < h; r++) for (let c = 0; c < k; c++) extracted.push(b * k * h + c * h + r);
    const page = pageFromPlainText(`${extracted.map((line) => lines[line]).join('\n\n')}\n`, {
      pageId: 'p1',
      label: '1',
      encoding: 'utf-8',
    });
    return { page, n, at: (line: number) => extracted.indexOf(line) };
  }
  const wrongLinks = (l: ReturnType<typeof layout>, lineWindow: number) => {
    const s = suggest(createIssue([l.page], { id: 't', title: 't' }), {}, { ...DEFAULT_PARAMS, lineWindow });
    const next = new Map<number, number>();
    const pos = (id: string) => Number(id.slice(3)) - 1;
    for (const a of s.articles)
      a.items.forEach((it, i) => {
        if (i > 0) next.set(pos(a.items[i - 1].id), pos(it.id));
      });
    let wrong = 0;
    for (let line = 0; line + 1 < l.n; line++) if (next.get(l.at(line)) !== l.at(line + 1)) wrong++;
    return wrong;
  };

  it('reads more of the column order with the seam evidence of every nearby pair than with the best candidates’ only', () => {
    const layouts = [
      layout(3, 6, 2, 10, 0),
      layout(2, 8, 3, 12, 0),
      layout(3, 8, 2, 10, 5),
      layout(2, 10, 2, 12, 10),
      layout(3, 5, 3, 11, 20),
    ];
    const on = layouts.map((l) => wrongLinks(l, DEFAULT_PARAMS.lineWindow));
    const off = layouts.map((l) => wrongLinks(l, 0));
    on.forEach((w, i) => expect(w, `layout ${i}`).toBeLessThanOrEqual(off[i]));
    expect(on.reduce((a, b) => a + b, 0)).toBeLessThan(off.reduce((a, b) => a + b, 0) - 5);
  });
});
