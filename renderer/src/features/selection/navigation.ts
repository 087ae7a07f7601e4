import type { Command, CommandContext } from '../../commands/types';
import { paneOrder, selectCanRedo, selectCanUndo } from '../../store/selectors';
import { placeOf } from '@shared/model/lookup';

const st = (ctx: CommandContext) => ctx.store.getState();

/** ↑/↓ in the focused pane; with `extend`, Shift-selects the range from the anchor. */
export function step(ctx: CommandContext, dir: -1 | 1, extend: boolean): void {
  const s = st(ctx);
  const order = paneOrder(s);
  if (!order.length) return;
  const at = s.cursor ? order.indexOf(s.cursor) : -1;
  const next = order[Math.max(0, Math.min(order.length - 1, at < 0 ? (dir > 0 ? 0 : order.length - 1) : at + dir))];
  if (!extend) {
    s.select([next]);
    return;
  }
  const anchor = s.anchor && order.includes(s.anchor) ? s.anchor : (s.cursor ?? next);
  const a = order.indexOf(anchor);
  const b = order.indexOf(next);
  const range = order.slice(Math.min(a, b), Math.max(a, b) + 1);
  s.select(range, { anchor, cursor: next });
}

/** Clicking a fragment: plain click selects it, Ctrl toggles, Shift extends from the anchor in `order`. */
export function clickSelect(
  ctx: CommandContext,
  id: string,
  mods: { ctrl: boolean; shift: boolean },
  order: string[],
): void {
  const s = st(ctx);
  if (mods.ctrl) {
    const sel = s.selection.includes(id) ? s.selection.filter((x) => x !== id) : [...s.selection, id];
    s.select(sel, { anchor: id, cursor: id });
  } else if (mods.shift && s.anchor && order.includes(s.anchor)) {
    const a = order.indexOf(s.anchor);
    const b = order.indexOf(id);
    s.select(order.slice(Math.min(a, b), Math.max(a, b) + 1), { anchor: s.anchor, cursor: id });
  } else {
    s.select([id]);
  }
  const p = s.doc ? placeOf(s.doc, id) : undefined;
  if (p?.kind === 'article') s.selectArticle(p.articleId);
}

export const navigationCommands: Command[] = [
  {
    id: 'select.prev',
    capture: 'record',
    labelKey: 'cmd.selectPrev',
    group: 'select',
    keys: ['ArrowUp'],
    run: (ctx) => step(ctx, -1, false),
  },
  {
    id: 'select.next',
    capture: 'record',
    labelKey: 'cmd.selectNext',
    group: 'select',
    keys: ['ArrowDown'],
    run: (ctx) => step(ctx, 1, false),
  },
  {
    id: 'select.extendPrev',
    capture: 'record',
    labelKey: 'cmd.extendPrev',
    group: 'select',
    keys: ['Shift+ArrowUp'],
    run: (ctx) => step(ctx, -1, true),
  },
  {
    id: 'select.extendNext',
    capture: 'record',
    labelKey: 'cmd.extendNext',
    group: 'select',
    keys: ['Shift+ArrowDown'],
    run: (ctx) => step(ctx, 1, true),
  },
  {
    id: 'edit.undo',
    capture: 'none',
    labelKey: 'cmd.undo',
    group: 'edit',
    keys: ['Ctrl+Z'],
    run: (ctx) => st(ctx).undo(),
    enabled: (ctx) => selectCanUndo(st(ctx)),
  },
  {
    id: 'edit.redo',
    capture: 'none',
    labelKey: 'cmd.redo',
    group: 'edit',
    keys: ['Ctrl+Shift+Z', 'Ctrl+Y'],
    run: (ctx) => st(ctx).redo(),
    enabled: (ctx) => selectCanRedo(st(ctx)),
  },
  {
    id: 'editor.focus',
    capture: 'record',
    labelKey: 'cmd.editText',
    group: 'edit',
    keys: ['Enter'],
    run: (ctx) => {
      st(ctx).focusPane('editor');
      ctx.editor.current?.focus();
    },
    enabled: (ctx) => st(ctx).selection.length > 0,
  },
  {
    id: 'pane.page',
    capture: 'record',
    labelKey: 'cmd.focusPage',
    group: 'view',
    keys: ['Alt+1'],
    run: (ctx) => focusPane(ctx, 'page'),
  },
  {
    id: 'pane.board',
    capture: 'record',
    labelKey: 'cmd.focusBoard',
    group: 'view',
    keys: ['Alt+2'],
    run: (ctx) => focusPane(ctx, 'board'),
  },
  {
    id: 'pane.editor',
    capture: 'record',
    labelKey: 'cmd.focusEditor',
    group: 'view',
    keys: ['Alt+3'],
    run: (ctx) => {
      st(ctx).focusPane('editor');
      ctx.editor.current?.focus();
    },
  },
  {
    id: 'page.next',
    capture: 'record',
    labelKey: 'cmd.nextPage',
    group: 'view',
    keys: ['PageDown'],
    run: (ctx) => turnPage(ctx, 1),
    enabled: (ctx) => (st(ctx).doc?.pages.length ?? 0) > 1,
  },
  {
    id: 'page.prev',
    capture: 'record',
    labelKey: 'cmd.prevPage',
    group: 'view',
    keys: ['PageUp'],
    run: (ctx) => turnPage(ctx, -1),
    enabled: (ctx) => (st(ctx).doc?.pages.length ?? 0) > 1,
  },
];

/** Moves keyboard focus to a pane's list element (the panes mark it with data-pane). */
export function focusPane(ctx: CommandContext, pane: 'page' | 'board'): void {
  st(ctx).focusPane(pane);
  const el = document.querySelector<HTMLElement>(`[data-pane="${pane}"]`);
  el?.focus();
}

function turnPage(ctx: CommandContext, dir: number): void {
  const s = st(ctx);
  const n = s.doc?.pages.length ?? 0;
  if (n) s.setPage(Math.max(0, Math.min(n - 1, s.currentPage + dir)));
}
