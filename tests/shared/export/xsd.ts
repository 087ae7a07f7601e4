import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES } from '../../support/paths';

/**
 * Validation against the official XSDs in `tests/fixtures/schemas/` (sources in `tests/fixtures/SOURCES.md`) with
 * a real validator: `xmllint --schema` from Debian's libxml2-utils (`npm run setup` installs it). The schemas
 * import the XLink schema by its loc.gov URL; `catalog.xml` maps that URL to the local copy and `--nonet` makes
 * sure nothing is fetched.
 */
export const SCHEMAS = path.join(FIXTURES, 'schemas');
export const XSD = {
  page2019: path.join(SCHEMAS, 'page-2019-07-15.xsd'),
  alto44: path.join(SCHEMAS, 'alto-4-4.xsd'),
  alto31: path.join(SCHEMAS, 'alto-3-1.xsd'),
  alto14: path.join(SCHEMAS, 'alto-1-4.xsd'),
  mets1121: path.join(SCHEMAS, 'mets-1-12-1.xsd'),
} as const;

export interface XsdResult {
  ok: boolean;
  errors: string;
}

/** The schema an ALTO document declares by its namespace (none: ALTO 1.x as BL's docWorks files). */
export function altoXsdFor(xml: string): string {
  if (xml.includes('http://www.loc.gov/standards/alto/ns-v4#')) return XSD.alto44;
  if (xml.includes('http://www.loc.gov/standards/alto/ns-v3#')) return XSD.alto31;
  if (/<alto[\s>]/.test(xml) && !/<alto[^>]*\sxmlns="/.test(xml)) return XSD.alto14;
  throw new Error('no vendored schema for this ALTO namespace');
}

/** Validates files on disk; `errors` is xmllint's report (empty when valid). */
export function validateFiles(xsd: string, files: string[]): XsdResult {
  const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', xsd, ...files], {
    encoding: 'utf8',
    env: { ...process.env, XML_CATALOG_FILES: path.join(SCHEMAS, 'catalog.xml') },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error)
    throw new Error(`xmllint could not run (${r.error.message}); install Debian's libxml2-utils (npm run setup does)`);
  const errors = r.stderr
    .split('\n')
    .filter((l) => l.trim() && !/ validates$/.test(l))
    .join('\n');
  return { ok: r.status === 0 && errors === '', errors };
}

/** Validates an XML string (written to a temporary file). */
export function validateXml(xsd: string, xml: string | Uint8Array, name = 'doc.xml'): XsdResult {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'galley-xsd-'));
  try {
    const file = path.join(dir, name);
    writeFileSync(file, xml);
    return validateFiles(xsd, [file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
