import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadIssueFile } from '../../host/services/issue-files';
import { exportIssue, EXPORT_FORMATS, type ExportFormat } from '../../host/services/export-service';
import { ExportTargetError } from '../../host/services/export-target';
import { ExportFormatError, ZIP_INNER_FORMATS, type DocumentFormatId } from '../../../shared/export/formats';
import { CliError, type CliIO } from '../cli-error';
import { pathTextProblem } from '../../host/security/containment';

export const exportHelp = `galley export ISSUE.galley.json --format ${EXPORT_FORMATS.join('|')} -o OUT [--split] [--inner ${ZIP_INNER_FORMATS.join('|')}] [--article ID]... [--allow-incomplete] [--approved-only] [--sources DIR]... [--force] [--lost-text-mark on|off]`;

/**
 * `galley export`. Publication formats refuse an unfinished issue (unassigned fragments, open ends) with exit 1
 * and the list of problems; `--allow-incomplete` exports anyway. `json` is the complete data export and is never
 * refused. `--format zip --inner html` writes one file per article in a zip; `--split` writes them to a folder.
 * Layout formats read the files the issue names (ALTO, scans) only inside the issue's folder and the folders
 * given with `--sources` (the issue file itself is not trusted to say where to read; docs/security.md).
 * An existing file is replaced only with `--force`; the issue itself, its `.bak` and its page source files never
 * (export-target.ts). Either way nothing is written when a target is refused.
 */
export async function exportCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'json' },
      output: { type: 'string', short: 'o' },
      split: { type: 'boolean' },
      inner: { type: 'string' },
      article: { type: 'string', multiple: true },
      'allow-incomplete': { type: 'boolean' },
      'approved-only': { type: 'boolean' },
      sources: { type: 'string', multiple: true },
      force: { type: 'boolean' },
      'lost-text-mark': { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new CliError(`export takes one issue file: ${exportHelp}`);
  if (!values.output) throw new CliError(`export needs an output path: ${exportHelp}`);
  const format = values.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format))
    throw new CliError(`unknown format "${values.format}"; use one of ${EXPORT_FORMATS.join(', ')}`);
  if (values.inner !== undefined && format !== 'zip') throw new CliError('--inner applies to --format zip only');
  const inner = (values.inner ?? 'md') as DocumentFormatId;
  if (!ZIP_INNER_FORMATS.includes(inner))
    throw new CliError(`unknown inner format "${values.inner}"; use one of ${ZIP_INNER_FORMATS.join(', ')}`);
  if (values.split && format === 'zip')
    throw new CliError('--split and --format zip exclude each other: a zip already holds one file per article');
  // Device names (CON, NUL…) and the \\?\ namespace are refused for every path the user gives.
  for (const p of [positionals[0], values.output, ...(values.sources ?? [])]) {
    const problem = pathTextProblem(p);
    if (problem) throw new CliError(problem);
  }
  const mark = values['lost-text-mark'];
  if (mark !== undefined && mark !== 'on' && mark !== 'off')
    throw new CliError(`--lost-text-mark takes on or off, not "${mark}"`);
  const issue = await loadIssueFile(positionals[0]);
  const sourceDir = path.dirname(path.resolve(positionals[0]));
  const result = await exportIssue(issue, {
    format,
    output: values.output,
    split: !!values.split,
    ...(format === 'zip' ? { inner } : {}),
    allowIncomplete: !!values['allow-incomplete'],
    approvedOnly: !!values['approved-only'],
    ...(mark ? { lostTextMark: mark === 'on' } : {}),
    ...(values.article?.length ? { articleIds: values.article } : {}),
    // Layout formats (mets-alto) find the pages' ALTO files relative to the issue file.
    sourceDir,
    referenceRoots: [sourceDir, ...(values.sources ?? []).map((d) => path.resolve(d))],
    guard: { issueFile: positionals[0], sourceDir, replace: !!values.force },
  }).catch((e: unknown) => {
    if (e instanceof ExportFormatError) throw new CliError(e.message);
    if (e instanceof ExportTargetError && e.code === 'exists') {
      const names = e.files.map((f) => path.basename(f));
      throw new CliError(
        `${names.length === 1 ? `${names[0]} exists` : `${names.length} files exist (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''})`}; use --force to replace ${names.length === 1 ? 'it' : 'them'}`,
      );
    }
    if (e instanceof ExportTargetError) throw new CliError(e.message);
    throw e;
  });
  if (!result.ok) {
    io.err('galley: export refused (use --allow-incomplete to export an unfinished issue anyway):');
    for (const p of result.problems) io.err(`  ${p}`);
    return 1;
  }
  for (const w of result.warnings ?? []) io.err(`warning: ${w}`);
  io.out(
    `exported ${result.articles} article(s) as ${format}${format === 'zip' ? ` of ${inner}` : ''} → ${result.files.join(', ')}`,
  );
  return 0;
}
