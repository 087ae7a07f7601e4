import { parseArgs } from 'node:util';
import { loadIssueFile } from '../../host/services/issue-files';
import { audit, auditClean } from '../../../shared/audit/audit';
import { findFragment } from '../../../shared/model/lookup';
import { CliError, type CliIO } from '../cli-error';

export const checkHelp = 'galley check ISSUE.galley.json [--json]';

function preview(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  return [...t].length > 24 ? [...t].slice(0, 24).join('') + '…' : t;
}

export async function checkCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new CliError(`check takes one issue file: ${checkHelp}`);
  const issue = await loadIssueFile(positionals[0]);
  const r = audit(issue);
  if (values.json) {
    io.out(JSON.stringify(r, null, 2));
  } else {
    io.out(
      `${r.placed} of ${r.fragments} fragments placed · ${r.unassigned.length} unassigned · ${r.openEnds.length} open ends${r.resolvedOpenEnds.length ? ` (${r.resolvedOpenEnds.length} resolved)` : ''} · ${r.emptyArticles.length} empty articles`,
    );
    for (const p of r.lost) io.out(`LOST text on page ${p.page} at ${p.start}: ${preview(p.text)}`);
    for (const p of r.duplicated) io.out(`DUPLICATED text on page ${p.page} at ${p.start}: ${preview(p.text)}`);
    for (const m of r.misplaced) io.out(`MISPLACED fragment ${m.id}: ${m.problem}`);
    for (const id of r.openEnds) io.out(`open end: ${id} «${preview(findFragment(issue, id)?.text ?? '')}»`);
    for (const id of r.emptyArticles) io.out(`empty article: ${id}`);
    const shown = r.unassigned.slice(0, 20);
    for (const id of shown) io.out(`unassigned: ${id} «${preview(findFragment(issue, id)?.text ?? '')}»`);
    if (r.unassigned.length > shown.length) io.out(`… and ${r.unassigned.length - shown.length} more unassigned`);
  }
  return auditClean(r) ? 0 : 1;
}
