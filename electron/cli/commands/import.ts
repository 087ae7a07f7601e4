import { parseArgs } from 'node:util';
import path from 'node:path';
import { importPageFiles } from '../../main/services/page-files';
import { saveIssueFile } from '../../main/services/issue-files';
import { CliError, type CliIO } from '../cli-error';
import { ENCODINGS, isEncoding } from '../../../shared/text/encoding';

export const importHelp = 'galley import PAGE...|METS.xml [--title T] [--encoding E] [--auto [--min-confidence X]] -o ISSUE.galley.json   (text, ALTO, METS, PAGE, hOCR, TEI, PDF, PNG/JPEG scans)';

export async function importCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, title: { type: 'string' }, encoding: { type: 'string' }, auto: { type: 'boolean' }, 'min-confidence': { type: 'string' } },
  });
  if (!positionals.length) throw new CliError(`import needs at least one page file: ${importHelp}`);
  if (!values.output) throw new CliError(`import needs an output file: ${importHelp}`);
  if (values['min-confidence'] !== undefined && !values.auto) throw new CliError('--min-confidence only goes with --auto');
  const encoding = values.encoding?.toLowerCase();
  if (encoding !== undefined && !isEncoding(encoding)) throw new CliError(`unknown encoding "${values.encoding}"; --encoding takes one of ${ENCODINGS.join(', ')}`);
  // Layout files (METS/ALTO, PAGE, hOCR, PDF, scans) may import with warnings, e.g. a file a METS names is missing.
  const warnings: string[] = [];
  let issue = await importPageFiles(positionals, {
    title: values.title, warnings, baseDir: path.dirname(path.resolve(values.output)),
    ...(encoding ? { encoding } : {}), advice: (alt) => `import it again with --encoding ${alt}`,
  });
  for (const w of warnings) io.err(`warning: ${w}`);
  if (values.auto) {
    const { applyConfidentSuggestions, parseMinConfidence } = await import('./suggest-apply');
    // --min-confidence 0 takes the engine's whole reading (every fragment placed) for the proofreader to review.
    const min = parseMinConfidence(values['min-confidence']);
    const r = applyConfidentSuggestions(issue, min);
    issue = r.issue;
    io.err(`applied ${r.applied} confident suggestions (confidence ≥ ${min}); ${issue.pool.length} fragments left unassigned`);
  }
  await saveIssueFile(values.output, issue);
  const frags = issue.pages.reduce((n, p) => n + p.fragments.length, 0);
  io.out(`imported ${issue.pages.length} page(s), ${frags} fragments → ${values.output}`);
  return 0;
}
