import { ROLES } from '@shared/model/schema';
import type { Role } from '@shared/model/types';
import { placeOf } from '@shared/model/lookup';
import type { Op } from '@shared/ops/op-schema';
import type { Command, CommandContext } from '../../commands/types';
import { orderedSelection, selectAudit, allSourceOrder } from '../../store/selectors';
import { newArticleId, newFragmentId } from '../../model/new-ids';
import type { CommandId } from '@shared/commands/ids';

/** Letter pressed after R to set a role (shown in the `?` overlay and the palette). */
export const ROLE_KEYS: Record<Role, string> = {
  kicker: 'K',
  headline: 'H',
  deck: 'D',
  subhead: 'S',
  dateline: 'T',
  byline: 'B',
  body: 'P',
  caption: 'C',
  credit: 'E',
  jump: 'J',
  other: 'O',
};

const st = (ctx: CommandContext) => ctx.store.getState();
const hasDoc = (ctx: CommandContext) => !!st(ctx).doc;
const hasSelection = (ctx: CommandContext) => !!st(ctx).doc && st(ctx).selection.length > 0;

/** The selection in board/source order, dropping ids that no longer exist. */
function selected(ctx: CommandContext): string[] {
  const s = st(ctx);
  return orderedSelection(s).filter((id) => s.doc && placeOf(s.doc, id));
}

/** The one fragment a single-fragment command acts on: the cursor, else the last selected. */
function current(ctx: CommandContext): string | null {
  const s = st(ctx);
  const id = s.cursor && s.selection.includes(s.cursor) ? s.cursor : s.selection[s.selection.length - 1];
  return id ?? null;
}

function apply(ctx: CommandContext, op: Op): boolean {
  return st(ctx).apply(op);
}

/** Sends the selection to the end of article `n` (0-based), as one move. */
export function sendToArticle(ctx: CommandContext, n: number): void {
  const s = st(ctx);
  const art = s.doc?.articles[n];
  if (!art) {
    s.notify('error', ctx.t('notice.noArticle', { n: n + 1 }));
    return;
  }
  const ids = selected(ctx);
  if (!ids.length) return;
  const moving = new Set(ids);
  const rest = art.items.filter((it) => !moving.has(it.id));
  apply(ctx, {
    type: 'moveFragments',
    fragmentIds: ids,
    to: { kind: 'article', articleId: art.id, after: rest.length ? rest[rest.length - 1].id : null },
  });
}

export function newArticleFromSelection(ctx: CommandContext): void {
  const s = st(ctx);
  if (!s.doc) return;
  const ids = selected(ctx);
  const articleId = newArticleId(s.doc);
  if (apply(ctx, { type: 'createArticle', articleId, ...(ids.length ? { fragmentIds: ids } : {}) }))
    s.selectArticle(articleId);
}

/** Moves the selected fragments of one article one place up (-1) or down (+1) inside it. */
function moveWithin(ctx: CommandContext, dir: -1 | 1): void {
  const s = st(ctx);
  const ids = selected(ctx);
  if (!s.doc || !ids.length) return;
  const places = ids.map((id) => placeOf(s.doc!, id));
  const first = places[0];
  if (
    !first ||
    first.kind !== 'article' ||
    places.some((p) => !p || p.kind !== 'article' || p.articleId !== first.articleId)
  ) {
    s.notify('info', ctx.t('notice.moveOnlyInArticle'));
    return;
  }
  const items = s.doc.articles.find((a) => a.id === first.articleId)!.items;
  const moving = new Set(ids);
  const rest = items.filter((it) => !moving.has(it.id));
  const firstIdx = Math.min(...places.map((p) => p!.index));
  // Position in `rest` where the block now sits, then shift it by one.
  const before = items.slice(0, firstIdx).filter((it) => !moving.has(it.id)).length;
  const target = before + dir;
  if (target < 0 || target > rest.length) return;
  apply(ctx, {
    type: 'moveFragments',
    fragmentIds: ids,
    to: { kind: 'article', articleId: first.articleId, after: target === 0 ? null : rest[target - 1].id },
  });
}

function setJoin(ctx: CommandContext, join: boolean): void {
  const s = st(ctx);
  const ids = selected(ctx).filter((id) => {
    const p = placeOf(s.doc!, id);
    return p?.kind === 'article' && (!join || p.index > 0);
  });
  if (!ids.length) {
    s.notify('info', ctx.t('notice.joinOnlyInArticle'));
    return;
  }
  const ops: Op[] = ids.map((fragmentId) => ({ type: 'setJoin', fragmentId, join }));
  apply(
    ctx,
    ops.length === 1 ? ops[0] : { type: 'batch', ops, label: join ? ctx.t('history.join') : ctx.t('history.unjoin') },
  );
}

/** Splits the fragment at the editor caret; outside the editor the last caret position is used. */
export function splitAtCaret(ctx: CommandContext): void {
  const s = st(ctx);
  if (!s.doc) return;
  const ed = ctx.editor.current;
  let fragmentId = ed?.fragmentId() ?? null;
  let offset = ed?.caretOffset() ?? null;
  if ((fragmentId === null || offset === null) && s.caret) ({ fragmentId, offset } = s.caret);
  if (!fragmentId || offset === null) {
    s.notify('info', ctx.t('notice.splitNeedsCaret'));
    return;
  }
  const newId = newFragmentId(s.doc);
  if (apply(ctx, { type: 'splitFragment', fragmentId, offset, newId })) s.select([newId]);
}

function merge(ctx: CommandContext): void {
  const s = st(ctx);
  const id = current(ctx);
  if (!s.doc || !id) return;
  const p = placeOf(s.doc, id);
  if (!p) return;
  const list =
    p.kind === 'article'
      ? s.doc.articles.find((a) => a.id === p.articleId)!.items.map((it) => it.id)
      : p.kind === 'pool'
        ? s.doc.pool
        : s.doc.discarded;
  const next = list[p.index + 1];
  if (!next) {
    s.notify('info', ctx.t('notice.nothingToMerge'));
    return;
  }
  if (apply(ctx, { type: 'mergeFragments', fragmentId: id, nextId: next })) s.select([id]);
}

function sendTo(ctx: CommandContext, kind: 'pool' | 'discard'): void {
  const ids = selected(ctx);
  if (ids.length) apply(ctx, { type: 'moveFragments', fragmentIds: ids, to: { kind } });
}

export function setRole(ctx: CommandContext, role: Role): void {
  const ids = selected(ctx);
  if (ids.length) apply(ctx, { type: 'setRole', fragmentIds: ids, role });
}

/** Selects the next unassigned fragment or open end after the cursor, in source order, wrapping around. */
export function nextProblem(ctx: CommandContext): void {
  const s = st(ctx);
  const r = selectAudit(s);
  if (!s.doc || !r) return;
  const problems = new Set([...r.unassigned, ...r.openEnds]);
  if (!problems.size) {
    s.notify('info', ctx.t('notice.noProblems'));
    return;
  }
  const order = allSourceOrder(s.doc);
  const start = s.cursor ? order.indexOf(s.cursor) : -1;
  for (let k = 1; k <= order.length; k++) {
    const id = order[(start + k + order.length) % order.length];
    if (problems.has(id)) {
      const page = s.doc.pages.findIndex((pg) => pg.fragments.some((f) => f.id === id));
      s.set({ currentPage: page < 0 ? s.currentPage : page });
      s.select([id]);
      return;
    }
  }
}

export const editorialCommands: Command[] = [
  {
    id: 'article.newFromSelection',
    capture: 'record',
    labelKey: 'cmd.newArticleFromSelection',
    group: 'article',
    keys: ['Ctrl+N'],
    run: newArticleFromSelection,
    enabled: hasDoc,
  },
  ...Array.from({ length: 9 }, (_, n): Command => ({
    id: `fragment.toArticle${n + 1}` as CommandId,
    capture: 'record',
    labelKey: 'cmd.toArticle',
    labelValues: { n: n + 1 },
    group: 'fragment',
    keys: [`Ctrl+${n + 1}`],
    run: (ctx) => sendToArticle(ctx, n),
    enabled: (ctx) => hasSelection(ctx) && !!st(ctx).doc!.articles[n],
  })),
  {
    id: 'fragment.moveUp',
    capture: 'record',
    labelKey: 'cmd.moveUp',
    group: 'fragment',
    keys: ['Alt+ArrowUp'],
    run: (ctx) => moveWithin(ctx, -1),
    enabled: hasSelection,
  },
  {
    id: 'fragment.moveDown',
    capture: 'record',
    labelKey: 'cmd.moveDown',
    group: 'fragment',
    keys: ['Alt+ArrowDown'],
    run: (ctx) => moveWithin(ctx, 1),
    enabled: hasSelection,
  },
  {
    id: 'fragment.join',
    capture: 'record',
    labelKey: 'cmd.join',
    group: 'fragment',
    keys: ['Ctrl+J'],
    run: (ctx) => setJoin(ctx, true),
    enabled: hasSelection,
  },
  {
    id: 'fragment.unjoin',
    capture: 'record',
    labelKey: 'cmd.unjoin',
    group: 'fragment',
    keys: ['Ctrl+Shift+J'],
    run: (ctx) => setJoin(ctx, false),
    enabled: hasSelection,
  },
  {
    id: 'fragment.split',
    capture: 'record',
    labelKey: 'cmd.split',
    group: 'fragment',
    keys: ['Ctrl+Enter'],
    run: splitAtCaret,
    enabled: hasDoc,
  },
  {
    id: 'fragment.merge',
    capture: 'record',
    labelKey: 'cmd.merge',
    group: 'fragment',
    keys: ['Ctrl+M'],
    run: merge,
    enabled: hasSelection,
  },
  {
    id: 'fragment.discard',
    capture: 'record',
    labelKey: 'cmd.discard',
    group: 'fragment',
    keys: ['Delete'],
    run: (ctx) => sendTo(ctx, 'discard'),
    enabled: hasSelection,
  },
  {
    id: 'fragment.toPool',
    capture: 'record',
    labelKey: 'cmd.toPool',
    group: 'fragment',
    keys: ['Backspace'],
    run: (ctx) => sendTo(ctx, 'pool'),
    enabled: hasSelection,
  },
  ...ROLES.map((role): Command => ({
    id: `fragment.role.${role}`,
    capture: 'record',
    labelKey: 'cmd.setRole',
    labelValues: { role },
    group: 'fragment',
    keys: [`R ${ROLE_KEYS[role]}`],
    run: (ctx) => setRole(ctx, role),
    enabled: hasSelection,
  })),
  {
    id: 'problem.next',
    capture: 'record',
    labelKey: 'cmd.nextProblem',
    group: 'select',
    keys: ['F8'],
    run: nextProblem,
    enabled: hasDoc,
  },
];
