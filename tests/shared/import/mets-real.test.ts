import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseMets } from '../../../shared/import/mets';
import { pageFromAlto } from '../../../shared/import/alto';
import { partFromMets } from '../../../shared/import/mets-issue';
import { assembleIssue } from '../../../shared/import/layout-result';
import { audit, textIntact } from '../../../shared/audit/audit';
import { findFragment } from '../../../shared/model/lookup';
import { IssueSchema } from '../../../shared/model/schema';
import type { Issue } from '../../../shared/model/types';
import { FIXTURES } from '../../support/paths';
import { expectFromMets } from './real-mets';

const BNL = path.join(FIXTURES, 'real/bnl-luxzeit-1858-12-07/2385348_newspaper_luxzeit1858_1858-12-07_01-mets.xml');
const BL = path.join(FIXTURES, 'real/bl-statesman-1824-02-17/0002647_18240217_mets.xml');

/** The pure path: METS + the ALTO files present, read here with plain fs. */
function importPure(metsFile: string): Issue {
  const mets = parseMets(readFileSync(metsFile, 'utf8'));
  const inputs = [];
  for (const p of mets.pages) {
    const f = mets.files.get(p.altoFileId ?? '');
    if (!f) continue;
    let xml: string;
    try {
      xml = readFileSync(path.join(path.dirname(metsFile), f.href), 'utf8');
    } catch {
      continue;
    }
    inputs.push({ fileId: f.id, alto: pageFromAlto(xml, { pageId: `p${inputs.length + 1}`, label: p.label }) });
  }
  return assembleIssue([partFromMets(mets, inputs)], { title: mets.title ?? 't' });
}

const squash = (s: string) => s.replace(/\s+/g, '');

function checkAgainstMets(issue: Issue, metsFile: string): void {
  const expected = expectFromMets(metsFile);
  expect(expected.articles.length).toBeGreaterThan(3);
  expect(issue.articles.map((a) => a.items.map((it) => squash(findFragment(issue, it.id)!.text)))).toEqual(
    expected.articles.map((a) => a.blocks.map((b) => b.text)),
  );
  expect(issue.articles.map((a) => a.items.map((it) => it.join))).toEqual(
    expected.articles.map((a) => a.blocks.map((b) => b.join)),
  );
  // Blocks under a METS HEADING are headlines, or kicker/deck for its OVERLINE/SUBHEADLINE parts.
  const headingRoles = ['headline', 'kicker', 'deck'];
  expect(
    issue.articles.map((a) => a.items.map((it) => headingRoles.includes(findFragment(issue, it.id)!.role))),
  ).toEqual(expected.articles.map((a) => a.blocks.map((b) => b.heading)));
  const r = audit(issue);
  expect(textIntact(r)).toBe(true);
  expect(r.misplaced).toEqual([]);
  expect(IssueSchema.safeParse(issue).success).toBe(true);
  // Blocks no METS article claims are in the pool, in source order.
  const placed = new Set(issue.articles.flatMap((a) => a.items.map((i) => i.id)));
  const order = issue.pages.flatMap((p) => p.fragments.map((f) => f.id)).filter((id) => !placed.has(id));
  expect(issue.pool).toEqual(order);
}

describe('real METS/ALTO: the articles and order the METS defines', () => {
  it('BnL Luxemburger Zeitung 1858 (mets:area BEGIN, articles across pages, paragraph seq → joins)', () => {
    const issue = importPure(BNL);
    expect(issue.pages.map((p) => p.label)).toEqual(['1', '2', '3']);
    checkAgainstMets(issue, BNL);
    // The article "Kölnische Zeitung." runs from page 1 to page 2.
    const spanning = issue.articles.filter(
      (a) => new Set(a.items.map((it) => findFragment(issue, it.id)!.page)).size > 1,
    );
    expect(spanning.length).toBeGreaterThan(0);
    expect(issue.articles.some((a) => a.items.some((it) => it.join))).toBe(true);
    expect(issue.pages[0].fragments[0].box).toBeDefined();
    expect(issue.pages[0].size).toEqual({ width: 2590, height: 4050 });
  });

  it('BL Statesman 1824 (ALTO 1.4, structLink to page areas; only page 3 present)', () => {
    const issue = importPure(BL);
    expect(issue.pages.map((p) => p.label)).toEqual(['3']);
    checkAgainstMets(issue, BL);
  });
});
