import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { autoScrollForElements } from '@atlaskit/pragmatic-drag-and-drop-auto-scroll/element';
import { findFragment } from '@shared/model/lookup';
import { useApp, useAppContext } from '../../app-context';
import { boardOrder } from '../../store/selectors';
import { clickSelect } from '../selection/navigation';
import { useAreaDropTarget, useFragmentDraggable } from '../dnd/use-fragment-drag';
import type { DropTarget } from '../dnd/drop-op';
import { RoleBadge } from './RoleBadge';
import { useFixedWindow } from './use-fixed-window';

/** Height of a tray row including its margins: `.tray-row` has a fixed height (two lines) in app.css. */
const TRAY_SLOT = 61;

const TrayRow = memo(function TrayRow({ id, kind }: { id: string; kind: 'pool' | 'discard' }) {
  const ctx = useAppContext();
  const ref = useRef<HTMLDivElement>(null);
  const fragment = useApp((s) => (s.doc ? findFragment(s.doc, id) : undefined));
  const selected = useApp((s) => s.selection.includes(id));
  const dragging = useFragmentDraggable(ref, id, 'board');
  if (!fragment) return null;
  return (
    <div
      ref={ref}
      className={[
        'tray-row',
        kind === 'discard' ? 'is-discarded' : '',
        selected ? 'is-selected' : '',
        dragging ? 'is-dragging' : '',
      ].join(' ')}
      data-testid={`${kind}-${id}`}
      data-fragment-id={id}
      role="option"
      aria-selected={selected}
      onClick={(e) => {
        const s = ctx.store.getState();
        s.focusPane('board');
        clickSelect(ctx, id, { ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey }, s.doc ? boardOrder(s.doc) : []);
      }}
    >
      {/* The badge inside the clamped text: the row has a fixed height of two lines. */}
      <span className="tray-text">
        <RoleBadge role={fragment.role} />
        {fragment.text}
      </span>
    </div>
  );
});

/** The unassigned pool or the discard pile: a drop target, and a windowed list of fixed-height rows (the pool can be huge). */
export function Tray({ kind }: { kind: 'pool' | 'discard' }) {
  const { t } = useTranslation();
  const ids = useApp((s) => (kind === 'pool' ? s.doc?.pool : s.doc?.discarded) ?? []);
  const [open, setOpen] = useState(kind === 'pool');
  const ref = useRef<HTMLElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const target = useMemo<DropTarget>(() => ({ kind }), [kind]);
  const over = useAreaDropTarget(ref, target);
  const w = useFixedWindow(scrollRef, open ? ids.length : 0, TRAY_SLOT, open);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    return autoScrollForElements({ element: el });
  }, [open]);
  const label = kind === 'pool' ? t('board.pool') : t('board.discarded');
  return (
    <section
      ref={ref}
      className={['tray', `tray-${kind}`, over ? 'is-over' : '', open ? 'is-open' : ''].join(' ')}
      data-testid={`tray-${kind}`}
      aria-label={label}
    >
      <button type="button" className="tray-head" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="tray-caret" aria-hidden>
          {open ? '▾' : '▸'}
        </span>
        {label} <span className="count">({ids.length})</span>
      </button>
      {open && (
        <div ref={scrollRef} className="tray-scroll" role="listbox" aria-multiselectable aria-label={label}>
          {ids.length === 0 && (
            <p className="empty-note">{kind === 'pool' ? t('board.poolEmpty') : t('board.discardEmpty')}</p>
          )}
          <div style={{ height: w.total, position: 'relative' }}>
            {ids.slice(w.start, w.end).map((id, k) => (
              <div
                key={id}
                data-index={w.start + k}
                className="vrow"
                style={{ transform: `translateY(${(w.start + k) * TRAY_SLOT}px)` }}
              >
                <TrayRow id={id} kind={kind} />
              </div>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
