import { parseArgs } from 'node:util';
import { loadIssueFile, saveIssueFile } from '../../host/services/issue-files';
import { audit } from '../../../shared/audit/audit';
import { openEndHint, type OpenEndHint } from '../../../shared/audit/open-end-hint';
import { OpError, articleTitle, findFragment, placeOf } from '../../../shared/model/lookup';
import { OPEN_END_RESOLUTIONS } from '../../../shared/model/schema';
import type { Issue, OpenEndResolution, OpenEndStamp } from '../../../shared/model/types';
import { applyOp } from '../../../shared/ops';
import { CliError, type CliIO } from '../cli-error';

export const openEndsHelp =
  'galley open-ends ISSUE.galley.json [--json] | --resolve ID --as lost|elsewhere|ends [--page N] [--by NAME] | --unresolve ID';

/** How many characters of a fragment's end the listing shows: enough to read where the sentence breaks off. */
const LAST_CHARS = 16;

export interface OpenEndRow {
  id: string;
  articleId: string;
  article: string;
  page: string;
  /** The last characters of the fragment's text. */
  end: string;
  resolution: OpenEndStamp | null;
  hint: OpenEndHint | null;
}

/** Every open end of the issue, unresolved first, each with its article, the last words and a proposed resolution. */
export function openEndRows(issue: Issue): OpenEndRow[] {
  const r = audit(issue);
  return [...r.openEnds, ...r.resolvedOpenEnds].map((id) => {
    const f = findFragment(issue, id)!;
    const place = placeOf(issue, id);
    const a = place?.kind === 'article' ? issue.articles.find((x) => x.id === place.articleId) : undefined;
    const text = [...f.text.replace(/\s+/g, ' ').trim()];
    return {
      id,
      articleId: a?.id ?? '',
      article: a ? articleTitle(issue, a) : '',
      page: issue.pages.find((p) => p.id === f.page)?.label ?? f.page,
      end: (text.length > LAST_CHARS ? '…' : '') + text.slice(-LAST_CHARS).join(''),
      resolution: f.openEnd ?? null,
      hint: openEndHint(issue, id),
    };
  });
}

function describe(s: { as: OpenEndResolution; page?: string }): string {
  if (s.as === 'lost') return 'text lost';
  if (s.as === 'ends') return 'ends here';
  return s.page ? `continues on p. ${s.page}` : 'continues elsewhere';
}

/**
 * `galley open-ends`: lists the open ends of an issue (a body fragment cut mid-sentence with nothing joined after
 * it), or settles one (`--resolve ID --as …`) or removes a resolution (`--unresolve ID`): one recorded operation,
 * saved through the crash-safe issue save (the previous version stays as `.bak`).
 */
export async function openEndsCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      resolve: { type: 'string' },
      unresolve: { type: 'string' },
      as: { type: 'string' },
      page: { type: 'string' },
      by: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new CliError(`open-ends takes one issue file: ${openEndsHelp}`);
  const file = positionals[0];
  if (values.resolve !== undefined && values.unresolve !== undefined)
    throw new CliError('use either --resolve or --unresolve, not both');
  const changing = values.resolve !== undefined || values.unresolve !== undefined;
  if (!changing && (values.as !== undefined || values.page !== undefined))
    throw new CliError('--as and --page go with --resolve ID');
  if (values.unresolve !== undefined && (values.as !== undefined || values.page !== undefined))
    throw new CliError('--unresolve takes no --as or --page');
  let issue = await loadIssueFile(file);

  if (!changing) {
    const rows = openEndRows(issue);
    if (values.json) {
      io.out(
        JSON.stringify(
          { unresolved: rows.filter((r) => !r.resolution), resolved: rows.filter((r) => r.resolution) },
          null,
          2,
        ),
      );
    } else {
      const open = rows.filter((r) => !r.resolution).length;
      io.out(`${rows.length} open end(s): ${open} unresolved, ${rows.length - open} resolved`);
      for (const r of rows) {
        const state = r.resolution
          ? `resolved: ${describe(r.resolution)}`
          : `unresolved${r.hint ? ` (looks like: ${describe(r.hint)})` : ''}`;
        io.out(`${r.id}\t«${r.end}»\t${r.article || r.articleId}\t${state}`);
      }
    }
    return 0;
  }

  const id = (values.resolve ?? values.unresolve)!;
  if (!findFragment(issue, id))
    throw new CliError(`no fragment "${id}" in ${file}; list the open ends with: galley open-ends ${file}`);
  let as: OpenEndResolution | null = null;
  let page: string | undefined;
  if (values.resolve !== undefined) {
    if (!values.as || !(OPEN_END_RESOLUTIONS as readonly string[]).includes(values.as))
      throw new CliError(
        `--resolve needs --as ${OPEN_END_RESOLUTIONS.join('|')}${values.as ? `, not "${values.as}"` : ''}`,
      );
    as = values.as as OpenEndResolution;
    if (values.page !== undefined) {
      if (as !== 'elsewhere') throw new CliError('--page goes only with --as elsewhere');
      if (!values.page.trim() || values.page.length > 100)
        throw new CliError(`--page must name a page, not "${values.page}"`);
      page = values.page.trim();
    } else if (as === 'elsewhere') {
      const hint = openEndHint(issue, id);
      if (hint?.as === 'elsewhere') page = hint.page;
    }
  }
  const by = values.by ?? process.env.USER ?? process.env.USERNAME ?? '';
  const at = new Date().toISOString();
  try {
    issue = applyOp(
      issue,
      { type: 'resolveOpenEnd', fragmentId: id, as, ...(page ? { page } : {}), by, at },
      { at, ...(by ? { by } : {}) },
    ).issue;
  } catch (e) {
    if (e instanceof OpError) throw new CliError(e.message);
    throw e;
  }
  await saveIssueFile(file, issue);
  const r = audit(issue);
  io.out(
    `${id}: ${as ? describe({ as, ...(page ? { page } : {}) }) : 'resolution removed'} · ${r.openEnds.length} unresolved, ${r.resolvedOpenEnds.length} resolved`,
  );
  return 0;
}
