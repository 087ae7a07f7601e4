import { parseArgs } from 'node:util';
import { loadIssueFile, saveIssueFile } from '../../host/services/issue-files';
import { findFragment } from '../../../shared/model/lookup';
import { suggest } from '../../../shared/suggest/engine';
import { suggestionOps } from '../../../shared/suggest/to-ops';
import { compact } from '../../../shared/suggest/text-signals';
import { applyOp } from '../../../shared/ops/apply';
import { CliError, type CliIO } from '../cli-error';
import { parseMinConfidence } from './suggest-apply';

export const suggestHelp = 'galley suggest ISSUE.galley.json [--apply] [--json] [--min-confidence X]';

function preview(text: string, n = 18): string {
  const t = compact(text).replace(/\s+/g, ' ');
  return [...t].length > n ? `${[...t].slice(0, n).join('')}…` : t;
}

function ending(text: string, n = 8): string {
  const t = [...compact(text).replace(/\s+/g, ' ')];
  return t.length > n ? `…${t.slice(-n).join('')}` : t.join('');
}

/** Lists (or with --apply, applies and saves) the suggestion engine's proposals for an issue. */
export async function suggestCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { apply: { type: 'boolean' }, json: { type: 'boolean' }, 'min-confidence': { type: 'string' } },
  });
  if (positionals.length !== 1) throw new CliError(`suggest takes one issue file: ${suggestHelp}`);
  const minConfidence = parseMinConfidence(values['min-confidence']);
  const file = positionals[0];
  const issue = await loadIssueFile(file);
  const s = suggest(issue, { minConfidence });
  const text = (id: string) => findFragment(issue, id)?.text ?? '';

  if (values.apply) {
    const op = suggestionOps(issue, s, { minConfidence });
    if (!op || op.type !== 'batch') {
      io.out(values.json ? JSON.stringify({ applied: 0 }) : 'no confident suggestions to apply');
      return 0;
    }
    const next = applyOp(issue, op, { at: new Date().toISOString() }).issue;
    await saveIssueFile(file, next);
    const applied = op.ops.filter((o) => o.type === 'moveFragments').length;
    if (values.json) io.out(JSON.stringify({ applied, unassigned: next.pool.length }));
    else
      io.out(
        `applied ${applied} confident placements as one undo step; ${next.pool.length} fragments left unassigned → ${file}`,
      );
    return 0;
  }

  if (values.json) {
    io.out(JSON.stringify(s, null, 2));
    return 0;
  }
  io.out(
    `${s.stats.fragments} fragments · ${s.articles.length} suggested articles · ${s.openEnds.length} open ends · ${s.stats.ms} ms (✓ = confident ≥ ${minConfidence})`,
  );
  s.articles.forEach((a, ai) => {
    io.out('');
    io.out(
      `${ai + 1}. ${a.articleId ? `extend ${a.articleId}` : 'new article'} «${a.title}» (confidence ${a.confidence})`,
    );
    a.items.forEach((it, k) => {
      const mark = it.fixed ? '·' : it.confident ? '✓' : '?';
      const link = k === 0 ? 'starts' : it.join ? 'joins ' : 'then  ';
      const role = s.fragments[it.id]?.role.role ?? '';
      const why = it.fixed ? 'placed' : it.reasons.join('; ');
      io.out(
        `  ${mark} ${link} ${it.id.padEnd(8)} ${role.padEnd(8)} «${preview(text(it.id))}» ${it.fixed ? '' : it.confidence.toFixed(2)}${why ? ` — ${why}` : ''}`,
      );
    });
  });
  if (s.openEnds.length) {
    io.out('');
    io.out('open ends (cut mid-sentence, continuation not found — check for a lost line):');
    for (const o of s.openEnds) io.out(`  ${o.id} «${ending(text(o.id))}»`);
  }
  return 0;
}
