import { parseArgs } from 'node:util';
import path from 'node:path';
import { importPageFiles } from '../../host/services/page-files';
import { saveIssueFile } from '../../host/services/issue-files';
import { CliError, type CliIO } from '../cli-error';
import { pathTextProblem } from '../../host/security/containment';
import type { Issue } from '../../../shared/model/types';

/**
 * Pages whose ALTO file or scan lies outside the folder of the issue file: exports and the scan view read only
 * inside the issue's folder (docs/security.md), so the user is told now, with what to do.
 */
function outsideIssueFolder(issue: Issue): string[] {
  const out = (ref: string | undefined) =>
    !!ref && !ref.startsWith('data:') && (ref.startsWith('../') || path.isAbsolute(ref));
  return issue.pages
    .filter((p) => out(p.image?.src) || (p.source?.format === 'alto' && out(p.source.name)))
    .map((p) => p.label);
}
import { ENCODINGS, isEncoding } from '../../../shared/text/encoding';

export const importHelp =
  'galley import PAGE...|METS.xml [--title T] [--encoding E] [--auto [--min-confidence X]] -o ISSUE.galley.json   (text, ALTO, METS, PAGE, hOCR, TEI, PDF, PNG/JPEG scans)';

export async function importCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      title: { type: 'string' },
      encoding: { type: 'string' },
      auto: { type: 'boolean' },
      'min-confidence': { type: 'string' },
    },
  });
  if (!positionals.length) throw new CliError(`import needs at least one page file: ${importHelp}`);
  if (!values.output) throw new CliError(`import needs an output file: ${importHelp}`);
  if (values['min-confidence'] !== undefined && !values.auto)
    throw new CliError('--min-confidence only goes with --auto');
  const encoding = values.encoding?.toLowerCase();
  if (encoding !== undefined && !isEncoding(encoding))
    throw new CliError(`unknown encoding "${values.encoding}"; --encoding takes one of ${ENCODINGS.join(', ')}`);
  // Layout files (METS/ALTO, PAGE, hOCR, PDF, scans) may import with warnings, e.g. a file a METS names is missing.
  // Device names (CON, NUL…) and the \\?\ namespace are refused for every path the user gives.
  for (const p of [...positionals, values.output]) {
    const problem = pathTextProblem(p);
    if (problem) throw new CliError(problem);
  }
  const warnings: string[] = [];
  const baseDir = path.dirname(path.resolve(values.output));
  let issue = await importPageFiles(positionals, {
    title: values.title,
    warnings,
    baseDir,
    ...(encoding ? { encoding } : {}),
    advice: (alt) => `import it again with --encoding ${alt}`,
  });
  const outside = outsideIssueFolder(issue);
  if (outside.length) {
    warnings.push(
      `the source files of page(s) ${outside.slice(0, 10).join(', ')} lie outside the folder of ${path.basename(values.output)}; layout exports read them only with --sources ${path.dirname(path.resolve(positionals[0]))} (or save the issue in that folder)`,
    );
  }
  for (const w of warnings) io.err(`warning: ${w}`);
  if (values.auto) {
    const { applyConfidentSuggestions, parseMinConfidence } = await import('./suggest-apply');
    // --min-confidence 0 takes the engine's whole reading (every fragment placed) for the proofreader to review.
    const min = parseMinConfidence(values['min-confidence']);
    const r = applyConfidentSuggestions(issue, min);
    issue = r.issue;
    io.err(
      `applied ${r.applied} confident suggestions (confidence ≥ ${min}); ${issue.pool.length} fragments left unassigned`,
    );
  }
  await saveIssueFile(values.output, issue);
  const frags = issue.pages.reduce((n, p) => n + p.fragments.length, 0);
  io.out(`imported ${issue.pages.length} page(s), ${frags} fragments → ${values.output}`);
  return 0;
}
