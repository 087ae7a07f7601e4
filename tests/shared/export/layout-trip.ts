import { buildAltoXml } from '@shared/export/alto-write';
import { buildMetsXml, type MetsAltoPage } from '@shared/export/mets-alto';
import { buildPageXml } from '@shared/export/page-xml';
import { pageFromAlto } from '@shared/import/alto';
import { assembleIssue, type ImportedPart } from '@shared/import/layout-result';
import { parseMets } from '@shared/import/mets';
import { partFromMets, type MetsPageInput } from '@shared/import/mets-issue';
import { partFromPageXml } from '@shared/import/page-xml';
import { findFragment } from '@shared/model/lookup';
import type { Issue, Role } from '@shared/model/types';

/**
 * The layout exports and their re-import, in memory (no files): what the `page` and `mets-alto` exports write
 * for pages without an ALTO source, and what Galley's importers read back from it.
 */
export interface MetsAltoFiles {
  mets: string;
  alto: Map<string, string>;
}

export function writeMetsAlto(issue: Issue): MetsAltoFiles {
  const alto = new Map<string, string>();
  const pages: MetsAltoPage[] = issue.pages.map((p, i) => {
    const w = buildAltoXml(issue, p.id, { physicalNr: i + 1 });
    const href = `text/page-${i + 1}.xml`;
    alto.set(href, w.xml);
    return { pageId: p.id, href, written: { altoPageId: w.altoPageId, blockOf: w.blockOf } };
  });
  return { mets: buildMetsXml(issue, pages, { createdAt: '2024-01-01T00:00:00Z' }), alto };
}

export function readMetsAlto(files: MetsAltoFiles, title = 'again'): Issue {
  const doc = parseMets(files.mets);
  const inputs: MetsPageInput[] = doc.pages.map((mp, i) => {
    const f = doc.files.get(mp.altoFileId!)!;
    return { fileId: f.id, alto: pageFromAlto(files.alto.get(f.href)!, { pageId: `p${i + 1}`, label: mp.label }) };
  });
  return assembleIssue([partFromMets(doc, inputs)], { title });
}

export function writePages(issue: Issue): string[] {
  return issue.pages.map((p) => buildPageXml(issue, p.id, { createdAt: '2024-01-01T00:00:00Z' }));
}

export function readPages(xmls: string[], title = 'again'): Issue {
  const parts: ImportedPart[] = xmls.map((xml, i) => partFromPageXml(xml, { firstPage: i + 1 }));
  return assembleIssue(parts, { title });
}

/** Roles METS part divs carry; the others come back as body (`PARAGRAPH`). */
const METS_ROLES = new Set<Role>(['headline', 'kicker', 'deck', 'byline', 'caption']);
export const metsRole = (r: Role): Role => (METS_ROLES.has(r) ? r : 'body');

/** Articles in order as [text, role, join] per item, through `text`/`role` mappers. */
export function articleView(
  issue: Issue,
  text: (t: string) => string = (t) => t,
  role: (r: Role) => Role = (r) => r,
): [string, Role, boolean][][] {
  return issue.articles.map((a) =>
    a.items.map((it) => {
      const f = findFragment(issue, it.id)!;
      return [text(f.text), role(f.role), it.join];
    }),
  );
}

export const textsOf = (issue: Issue, ids: readonly string[], text: (t: string) => string = (t) => t): string[] =>
  ids.map((id) => text(findFragment(issue, id)!.text));
