import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseIssue } from '../../shared/issue-file/parse-issue';
import type { Issue } from '../../shared/model/types';
import { FIXTURES } from './paths';

/**
 * The sample page arranged into its nine articles (tests/fixtures/suggest/zhejiang-p2.truth.json), written by the
 * build before open ends could be resolved (no `openEnd` field anywhere): 10 open ends, of which 8 are text lost
 * by the extraction and 2 paragraphs closed by a dash ("——", extracted as "-").
 */
export const ARRANGED_FILE = path.join(FIXTURES, 'open-ends/zhejiang-p2-arranged.galley.json');
export const LOST_ENDS = ['p1.3', 'p1.6', 'p1.34', 'p1.39', 'p1.42', 'p1.60', 'p1.78', 'p1.79'];
export const DASH_ENDS = ['p1.101', 'p1.110'];

export function arrangedIssue(): Issue {
  return parseIssue(readFileSync(ARRANGED_FILE, 'utf8'));
}
