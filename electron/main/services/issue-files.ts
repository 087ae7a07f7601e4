import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseIssue, serializeIssue, IssueFileError, MAX_ISSUE_CHARS } from '../../../shared/model/parse-issue';
import type { Issue } from '../../../shared/model/types';
import { saveAtomic, sweepTempFiles, type SaveState } from './atomic-save';

export async function loadIssueFile(file: string): Promise<Issue> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new IssueFileError(`cannot open ${file}: no such file`, 'invalid');
  }
  if (stat.size > MAX_ISSUE_CHARS) throw new IssueFileError(`${path.basename(file)} is too large to be an issue file`, 'too-large');
  const text = await fs.readFile(file, 'utf8');
  await sweepTempFiles(file);
  return parseIssue(text);
}

export async function saveIssueFile(file: string, issue: Issue): Promise<SaveState> {
  return saveAtomic(file, serializeIssue(issue));
}
