import { promises as fs } from 'node:fs';
import path from 'node:path';
import { decodeBytes, normalizeNewlines, type Encoding } from '../../../shared/text/encoding';
import { pageFromPlainText } from '../../../shared/import/plain-text';
import { createIssue } from '../../../shared/model/create';
import type { Issue, Page } from '../../../shared/model/types';

/** A page label from a file name: the trailing page number (`…-p2.txt` → "2"), else the position. */
export function labelFromName(name: string, position: number): string {
  const m = /(?:^|[-_ .])(?:p|page|第)?(\d{1,4})(?:版)?$/i.exec(path.parse(name).name);
  return m ? String(Number(m[1])) : String(position);
}

export async function readPageFile(file: string, pageId: string, position: number, encoding?: Encoding): Promise<Page> {
  const bytes = await fs.readFile(file);
  const decoded = decodeBytes(bytes, encoding);
  return pageFromPlainText(normalizeNewlines(decoded.text), {
    pageId,
    label: labelFromName(file, position),
    encoding: decoded.encoding,
    sourceName: path.basename(file),
  });
}

export async function importPageFiles(files: string[], meta: { title?: string } = {}): Promise<Issue> {
  const pages: Page[] = [];
  for (let i = 0; i < files.length; i++) pages.push(await readPageFile(files[i], `p${i + 1}`, i + 1));
  const title = meta.title ?? path.parse(files[0]).name;
  return createIssue(pages, { title });
}
