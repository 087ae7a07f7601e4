import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadIssueFile } from '../../host/services/issue-files';
import { checkExportTargets, ExportTargetError } from '../../host/services/export-target';
import { historyPath, loadHistory, saveHistory } from '../../host/services/collab-history';
import { writeVerified } from '../../host/services/verified-write';
import { serializeIssue } from '../../../shared/issue-file/parse-issue';
import { audit, textIntact } from '../../../shared/audit/audit';
import { mergeCopies } from '../../../shared/collab';
import { CliError, type CliIO } from '../cli-error';

export const mergeHelp = 'galley merge A.galley.json B.galley.json -o OUT.galley.json [--force] [--json]';

const short = (t: string) => {
  const s = t.replace(/\s+/g, ' ');
  return [...s].length > 60 ? [...s].slice(0, 60).join('') + '…' : s;
};

/**
 * `galley merge`: two copies of one issue edited apart become one (docs/collaboration.md). The output (and its
 * history beside it) may not be either input, their backups or their pages' files (the export checks). Exit 0 when
 * the merged issue passes the audit and no conflict is left unreviewed; 1 when conflicts are listed for review.
 */
export async function mergeCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, force: { type: 'boolean' }, json: { type: 'boolean' } },
  });
  if (positionals.length !== 2) throw new CliError(`merge takes two issue files: ${mergeHelp}`);
  if (!values.output) throw new CliError(`merge needs an output path: ${mergeHelp}`);
  const [fa, fb] = positionals;
  const out = values.output;
  const [a, b] = await Promise.all([loadIssueFile(fa), loadIssueFile(fb)]);
  if (a.id !== b.id)
    throw new CliError(
      `${path.basename(fa)} and ${path.basename(fb)} are different issues; merge takes two copies of one issue`,
    );
  const targets = [out, historyPath(out)];
  try {
    // Protected files first (the inputs, their histories, backups and pages: never), then existing files (--force).
    for (const [issue, file] of [
      [a, fa],
      [b, fb],
    ] as const) {
      const sourceDir = path.dirname(path.resolve(file));
      await checkExportTargets(issue, targets, { issueFile: file, sourceDir, replace: true });
      await checkExportTargets(issue, targets, { issueFile: historyPath(file), replace: true });
    }
    await checkExportTargets(a, targets, { replace: !!values.force });
  } catch (e) {
    if (e instanceof ExportTargetError)
      throw new CliError(
        e.code === 'exists'
          ? `${e.message.replace(/; replace (it|them)\?$/, '')}; add --force to replace`
          : e.message.replace(/^export/, 'merge'),
      );
    throw e;
  }
  const [ha, hb] = await Promise.all([loadHistory(fa), loadHistory(fb)]);
  const r = mergeCopies({ issue: a, ...(ha ? { history: ha } : {}) }, { issue: b, ...(hb ? { history: hb } : {}) });
  const report = audit(r.issue);
  if (!textIntact(report))
    throw new CliError('internal error: the merged issue does not pass the audit; nothing written');
  await writeVerified(out, serializeIssue(r.issue));
  await saveHistory(out, r.doc.snapshot());
  const open = r.conflicts.filter((c) => !c.reviewed);
  if (values.json) {
    io.out(JSON.stringify({ output: out, mode: r.mode, notes: r.notes, conflicts: r.conflicts }, null, 2));
  } else {
    for (const n of r.notes) io.out(`note: ${n}`);
    io.out(
      `merged ${path.basename(fa)} and ${path.basename(fb)} into ${path.basename(out)} (${r.mode === 'crdt' ? 'shared history' : 'correction lists'}) · audit clean · ${open.length} conflict${open.length === 1 ? '' : 's'} to review`,
    );
    for (const c of open) {
      const what = c.kind === 'place' ? 'placed' : c.kind === 'text' ? 'edited' : 'changed';
      io.out(
        `changed by both: fragment ${c.fragmentId} ${what} differently — kept: ${short(c.kept)} · other: ${short(c.other)}`,
      );
    }
  }
  return open.length ? 1 : 0;
}
