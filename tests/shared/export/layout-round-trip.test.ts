import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { altoVisibleText } from '@shared/export/alto-write';
import { pageFromPlainText } from '@shared/import/plain-text';
import { createIssue } from '@shared/model/create';
import { applyOp } from '@shared/ops';
import type { Issue, Role } from '@shared/model/types';
import type { Op } from '@shared/ops/op-schema';
import { finishedIssue } from './sample-issue';
import { articleView, metsRole, readMetsAlto, readPages, textsOf, writeMetsAlto, writePages } from './layout-trip';
import { XSD, validateFiles } from './xsd';

/**
 * Export → import keeps the proofreader's work. PAGE (Galley's `custom` attributes) keeps articles, order, joins,
 * roles, corrected text, pool and discards exactly. METS/ALTO keeps articles, order and joins, the corrected text
 * as ALTO holds it (words and lines: runs of spaces become one, empty lines go), the roles METS has part types for
 * (others come back as body), and every other fragment in the pool. Every generated file also validates against
 * its official schema.
 */
const sorted = (a: string[]) => [...a].sort();

describe('layout round trips of the sample issue', () => {
  const base = finishedIssue();
  const id = base.articles[1].items[2].id;
  const issue = applyOp(base, {
    type: 'editText',
    fragmentId: id,
    text: 'Korrigiert:  zwei  Leerzeichen\n\nund <Zeichen> & "Zitat"',
  }).issue;

  it('PAGE: articles, order, joins, roles, corrected text, pool and discards', () => {
    const again = readPages(writePages(issue));
    expect(articleView(again)).toEqual(articleView(issue));
    expect(
      articleView(again)
        .flat()
        .some(([, , join]) => join),
    ).toBe(true);
    expect(textsOf(again, again.pool)).toEqual(textsOf(issue, issue.pool));
    expect(sorted(textsOf(again, again.discarded))).toEqual(sorted(textsOf(issue, issue.discarded)));
  });

  it('METS/ALTO: articles, order, joins, corrected text as ALTO words, METS roles; the rest in the pool', () => {
    const again = readMetsAlto(writeMetsAlto(issue));
    expect(articleView(again)).toEqual(articleView(issue, altoVisibleText, metsRole));
    expect(articleView(again)[1][2][0]).toBe('Korrigiert: zwei Leerzeichen\nund <Zeichen> & "Zitat"');
    expect(sorted(textsOf(again, again.pool))).toEqual(
      sorted(textsOf(issue, [...issue.pool, ...issue.discarded], altoVisibleText)),
    );
  });
});

// Generated issues: 1–2 plain-text pages, articles of random fragments in random order, roles, joins, edits.
const WORDS = [
  'Zeitung',
  'Spalte',
  'ü',
  'é',
  '的',
  '是',
  '桐庐',
  '𠮷',
  '&',
  '<b>',
  '"q"',
  "'s'",
  '1858',
  'a-',
  '—',
  '\u3000x',
];
const line = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' '));
const para = fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n'));
/** Edited text: words with runs of spaces, tabs and blank lines, which ALTO normalises. */
const edit = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(' ', '  ', '\n', '\n\n', '\t')), {
    minLength: 1,
    maxLength: 10,
  })
  .map((p) => p.join(''))
  .filter((t) => t.trim() !== '');
const ROLE_PICK: Role[] = [
  'body',
  'body',
  'body',
  'headline',
  'kicker',
  'deck',
  'byline',
  'caption',
  'credit',
  'other',
];

interface Plan {
  pages: string[][];
  order: number[];
  cuts: number[];
  roles: number[];
  joins: boolean[];
  edits: (string | null)[];
  discard: boolean[];
}

const planArb = fc
  .array(fc.array(para, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 2 })
  .chain((pages) => {
    const n = pages.flat().length;
    return fc.record({
      pages: fc.constant(pages),
      order: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
      cuts: fc.array(fc.integer({ min: 0, max: n }), { minLength: 1, maxLength: 4 }),
      roles: fc.array(fc.integer({ min: 0, max: ROLE_PICK.length - 1 }), { minLength: n, maxLength: n }),
      joins: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      edits: fc.array(fc.option(edit, { freq: 3 }), { minLength: n, maxLength: n }),
      discard: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    });
  });

/** The issue a plan describes: fragments in `order`, cut into articles at `cuts` (the last piece stays out). */
function build(plan: Plan): Issue {
  const pages = plan.pages.map((ps, i) =>
    pageFromPlainText(ps.join('\n\n'), { pageId: `p${i + 1}`, label: String(i + 1), encoding: 'utf-8' }),
  );
  let issue = createIssue(pages, { id: 'gen', title: 'Generated' });
  const ids = issue.pages.flatMap((p) => p.fragments.map((f) => f.id));
  const apply = (op: Op) => {
    issue = applyOp(issue, op).issue;
  };
  ids.forEach((id, i) => {
    apply({ type: 'setRole', fragmentIds: [id], role: ROLE_PICK[plan.roles[i]] });
    const e = plan.edits[i];
    if (e !== null) apply({ type: 'editText', fragmentId: id, text: e });
  });
  const bounds = [...new Set(plan.cuts)].sort((a, b) => a - b);
  let start = 0;
  bounds.forEach((end, k) => {
    const members = plan.order.slice(start, end).map((i) => ids[i]);
    start = end;
    if (!members.length) return;
    apply({ type: 'createArticle', articleId: `art${k}`, fragmentIds: members });
    members.forEach((id, j) => {
      const role = (x: string) => ROLE_PICK[plan.roles[ids.indexOf(x)]];
      // METS continues only body paragraphs (a heading's areas are one heading), so joins link body to body.
      if (j > 0 && plan.joins[ids.indexOf(id)] && role(id) === 'body' && role(members[j - 1]) === 'body')
        apply({ type: 'setJoin', fragmentId: id, join: true });
    });
  });
  const rest = plan.order
    .slice(start)
    .map((i) => ids[i])
    .filter((id) => plan.discard[ids.indexOf(id)]);
  if (rest.length) apply({ type: 'moveFragments', fragmentIds: rest, to: { kind: 'discard' } });
  return issue;
}

function validateAll(xsd: string, docs: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'galley-trip-'));
  try {
    const files = docs.map((d, i) => {
      const f = path.join(dir, `${i}.xml`);
      writeFileSync(f, d);
      return f;
    });
    return validateFiles(xsd, files).errors;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('layout round trips of generated issues', () => {
  it('PAGE and METS/ALTO read back what was exported, and every file validates', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const issue = build(plan);
        const pages = writePages(issue);
        const viaPage = readPages(pages);
        expect(articleView(viaPage)).toEqual(articleView(issue));
        expect(textsOf(viaPage, viaPage.pool)).toEqual(textsOf(issue, issue.pool));
        expect(sorted(textsOf(viaPage, viaPage.discarded))).toEqual(sorted(textsOf(issue, issue.discarded)));

        const files = writeMetsAlto(issue);
        const viaMets = readMetsAlto(files);
        expect(articleView(viaMets)).toEqual(articleView(issue, altoVisibleText, metsRole));
        expect(sorted(textsOf(viaMets, viaMets.pool))).toEqual(
          sorted(textsOf(issue, [...issue.pool, ...issue.discarded], altoVisibleText)),
        );

        expect(validateAll(XSD.page2019, pages)).toBe('');
        expect(validateAll(XSD.alto44, [...files.alto.values()])).toBe('');
        expect(validateAll(XSD.mets1121, [files.mets])).toBe('');
      }),
      { numRuns: 25 },
    );
  });
});
