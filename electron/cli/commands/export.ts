import { parseArgs } from 'node:util';
import { loadIssueFile } from '../../main/services/issue-files';
import { exportIssue, EXPORT_FORMATS, type ExportFormat } from '../../main/services/export-service';
import { CliError, type CliIO } from '../cli-error';

export const exportHelp = `galley export ISSUE.galley.json --format ${EXPORT_FORMATS.join('|')} -o OUT [--split] [--allow-incomplete] [--approved-only]`;

export async function exportCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'json' },
      output: { type: 'string', short: 'o' },
      split: { type: 'boolean' },
      'allow-incomplete': { type: 'boolean' },
      'approved-only': { type: 'boolean' },
    },
  });
  if (positionals.length !== 1) throw new CliError(`export takes one issue file: ${exportHelp}`);
  if (!values.output) throw new CliError(`export needs an output path: ${exportHelp}`);
  const format = values.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new CliError(`unknown format "${values.format}"; use one of ${EXPORT_FORMATS.join(', ')}`);
  const issue = await loadIssueFile(positionals[0]);
  const result = await exportIssue(issue, {
    format,
    output: values.output,
    split: !!values.split,
    allowIncomplete: !!values['allow-incomplete'],
    approvedOnly: !!values['approved-only'],
  });
  if (!result.ok) {
    io.err(`galley: export refused, the issue is not finished (use --allow-incomplete to export anyway):`);
    for (const p of result.problems) io.err(`  ${p}`);
    return 1;
  }
  io.out(`exported ${result.articles} article(s) as ${format} → ${result.files.join(', ')}`);
  return 0;
}
