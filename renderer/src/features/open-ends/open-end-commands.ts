import type { OpenEndResolution, OpenEndStamp } from '@shared/model/types';
import { isOpenEnd } from '@shared/audit/audit';
import { openEndHint } from '@shared/audit/open-end-hint';
import type { TFunction } from 'i18next';
import type { Command, CommandContext } from '../../commands/types';
import { userName } from '../review/review-status';

const st = (ctx: CommandContext) => ctx.store.getState();

/** The fragment the command acts on: the cursor when it is selected, else the last selected fragment. */
function current(ctx: CommandContext): string | null {
  const s = st(ctx);
  return (s.cursor && s.selection.includes(s.cursor) ? s.cursor : s.selection[s.selection.length - 1]) ?? null;
}

/**
 * Settles the selected open end as one undo step, with who (the host's user name) and when. "Continues elsewhere"
 * takes the page a jump line or an already placed continuation names (`openEndHint`), else none.
 * Resolves false when nothing was changed (no selection, not an open end, refused).
 */
export async function resolveSelectedOpenEnd(
  ctx: CommandContext,
  as: OpenEndResolution | null,
  now: () => Date = () => new Date(),
): Promise<boolean> {
  const id = current(ctx);
  if (!st(ctx).doc || !id) {
    st(ctx).notify('info', ctx.t('openEnd.selectOne'));
    return false;
  }
  const by = as ? await userName(ctx.host) : '';
  const s = st(ctx);
  const doc = s.doc;
  if (!doc) return false;
  if (as === null) {
    if (!doc.pages.some((p) => p.fragments.some((f) => f.id === id && f.openEnd))) {
      s.notify('info', ctx.t('openEnd.nothingToRemove'));
      return false;
    }
    return s.apply({ type: 'resolveOpenEnd', fragmentId: id, as: null }, undefined, 'record');
  }
  if (!isOpenEnd(doc, id)) {
    s.notify('info', ctx.t('openEnd.notOpen'));
    return false;
  }
  const hint = as === 'elsewhere' ? openEndHint(doc, id) : null;
  const page = hint?.as === 'elsewhere' ? hint.page : undefined;
  return s.apply(
    { type: 'resolveOpenEnd', fragmentId: id, as, ...(page ? { page } : {}), by, at: now().toISOString() },
    undefined,
    'record',
  );
}

/** The badge text of a resolved open end: "text lost", "continues on p. 3", "ends here". */
export function openEndBadgeText(stamp: Pick<OpenEndStamp, 'as' | 'page'>, t: TFunction): string {
  if (stamp.as === 'elsewhere')
    return stamp.page ? t('openEnd.badge.elsewhere', { page: stamp.page }) : t('openEnd.badge.elsewhereNoPage');
  return stamp.as === 'lost' ? t('openEnd.badge.lost') : t('openEnd.badge.ends');
}

const hasSelection = (ctx: CommandContext) => !!st(ctx).doc && st(ctx).selection.length > 0;

export const openEndCommands: Command[] = [
  {
    id: 'openEnd.lost',
    capture: 'record',
    labelKey: 'openEnd.cmd.lost',
    group: 'fragment',
    keys: ['Ctrl+Shift+L'],
    run: (ctx) => resolveSelectedOpenEnd(ctx, 'lost'),
    enabled: hasSelection,
  },
  {
    id: 'openEnd.elsewhere',
    capture: 'record',
    labelKey: 'openEnd.cmd.elsewhere',
    group: 'fragment',
    keys: ['Ctrl+Shift+E'],
    run: (ctx) => resolveSelectedOpenEnd(ctx, 'elsewhere'),
    enabled: hasSelection,
  },
  {
    id: 'openEnd.ends',
    capture: 'record',
    labelKey: 'openEnd.cmd.ends',
    group: 'fragment',
    keys: ['Ctrl+Shift+H'],
    run: (ctx) => resolveSelectedOpenEnd(ctx, 'ends'),
    enabled: hasSelection,
  },
  {
    id: 'openEnd.unresolve',
    capture: 'record',
    labelKey: 'openEnd.cmd.unresolve',
    group: 'fragment',
    keys: ['Ctrl+Shift+Backspace'],
    run: (ctx) => resolveSelectedOpenEnd(ctx, null),
    enabled: hasSelection,
  },
];
