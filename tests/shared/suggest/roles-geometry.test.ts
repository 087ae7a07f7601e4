import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pageFromAlto } from '../../../shared/import/alto';
import { fragmentFeatures } from '../../../shared/suggest/features';
import { bundledModel } from '../../../shared/suggest/model';
import { classifyRoles, HEADING_ROLES } from '../../../shared/suggest/roles';
import { suggest } from '../../../shared/suggest/engine';
import { createIssue } from '../../../shared/model/create';
import { FIXTURES } from '../../support/paths';

/**
 * Headings known by their setting (shared/suggest/roles.ts, centeredLines): on the BnL Luxemburger Zeitung of
 * 1858 (samples/real, evaluation only) every heading ends with a full stop, so text shape alone finds none; each is
 * one line set centred over its column in a narrower measure.
 */
const page = (k: number) =>
  pageFromAlto(
    readFileSync(path.join(FIXTURES, `real/bnl-luxzeit-1858-12-07/text/1858-12-07_01-0000${k}.xml`), 'utf8'),
    { pageId: `p${k}` },
  ).page;

describe('centred one-line blocks over a column', () => {
  const p2 = page(2);
  const F = p2.fragments.map((f, i) => fragmentFeatures(f, i, bundledModel()));
  const roles = classifyRoles(F);
  const roleOf = (text: string) => roles[F.findIndex((f) => f.text.startsWith(text))];

  it('are headings, full stop or not, and say why', () => {
    for (const h of ['Frankfurter Postzeitung', 'Correspondance Havas.', 'Constitutionnel.']) {
      const r = roleOf(h);
      expect(HEADING_ROLES.has(r.role), h).toBe(true);
      expect(r.reason).toContain('centred');
      // Known by the setting alone: never a confident article start.
      expect(r.confidence).toBeLessThan(0.7);
    }
  });

  it('leaves body blocks, and one-line signatures set flush right, as they are', () => {
    expect(roleOf('Berlin, 2 décembre.').role).toBe('body');
    expect(roleOf('Barthélémy').role).not.toBe('headline');
    expect(HEADING_ROLES.has(roleOf('(Voleur.)').role)).toBe(false);
  });

  it('start the articles of the page: each heading opens its own suggested article', () => {
    const s = suggest(createIssue([p2], { id: 't', title: 't' }));
    const firsts = s.articles.map((a) => p2.fragments.find((f) => f.id === a.items[0].id)!.text);
    expect(firsts).toEqual(
      expect.arrayContaining(['Frankfurter Postzeitung', 'Correspondance Havas.', 'Constitutionnel.']),
    );
  });
});
