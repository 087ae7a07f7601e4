import { memo, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Issue } from '@shared/model/types';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { autoScrollForElements } from '@atlaskit/pragmatic-drag-and-drop-auto-scroll/element';
import { fragmentLocation } from '@shared/model/lookup';
import { useApp, useAppContext } from '../../app-context';
import { PageRow } from './PageRow';
import { useItemKeys } from '../board/use-item-keys';

const fragmentId = (f: { id: string }) => f.id;
import { PageScan } from '../scan-view/PageScan';
import { ScanToggle } from '../scan-view/ScanToggle';
import { effectiveView, useScanMode } from '../scan-view/scan-mode';

/** Page labels joined by NUL, as one string: equal from version to version unless a page is added or renamed. */
function selectPageLabels(s: { doc: Issue | null }): string {
  return s.doc ? s.doc.pages.map((p) => p.label).join('\u0000') : '';
}

/** The page picker, re-rendered only when the labels or the current page change (not on every keystroke, which
 * makes a new pages array): 100 options re-created per keystroke were a visible part of the page pane's render. */
const PageSelect = memo(function PageSelect({ labels, current }: { labels: string; current: number }) {
  const { t } = useTranslation();
  const { store } = useAppContext();
  return (
    <select
      aria-label={t('page.select')}
      data-testid="page-select"
      value={current}
      onChange={(e) => store.getState().setPage(Number(e.target.value))}
    >
      {labels.split('\u0000').map((label, i) => (
        <option key={i} value={i}>
          {label}
        </option>
      ))}
    </select>
  );
});

/**
 * The page as extracted: its fragments in source order, virtualized (a page can hold thousands). `children` go at
 * the end of the head (the workbench's collapse button). Side by side, the scan is a pane of its own (Workbench).
 */
export function PagePane({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const { store } = useAppContext();
  const pages = useApp((s) => s.doc?.pages);
  const current = useApp((s) => s.currentPage);
  const cursor = useApp((s) => s.cursor);
  const pageLabels = useApp(selectPageLabels);
  const page = pages?.[current];
  const fragments = page?.fragments ?? [];
  const scrollRef = useRef<HTMLDivElement>(null);
  const mode = useScanMode(store);
  // The pane re-renders on every scroll step of its virtual list: what depends only on the page, the mode or the
  // language is computed once per change of those (i18next's `t` and a scan check over the page's fragments
  // showed up per render in the profile).
  const view = useMemo(() => effectiveView(mode, page), [mode, page]);
  const title = useMemo(() => t('page.title'), [t]);
  const pageOf = useMemo(
    () => (page ? t('page.of', { label: page.label, count: page.fragments.length }) : ''),
    [t, page],
  );
  const itemKey = useItemKeys(fragments, fragmentId);
  const v = useVirtualizer({
    count: fragments.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 72,
    overscan: 6,
    getItemKey: itemKey,
    // A first guess of the viewport, so rows render before layout (and in jsdom, which has none).
    initialRect: { width: 400, height: 900 },
  });

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    return autoScrollForElements({ element: el });
  }, []);

  // A fragment selected elsewhere (board, F8) on another page brings its page up: selected means shown everywhere.
  useEffect(() => {
    const s = store.getState();
    if (!cursor || !s.doc) return;
    const at = fragmentLocation(s.doc, cursor);
    if (at && at.page !== s.currentPage) s.setPage(at.page);
  }, [cursor, store]);

  // Keep the keyboard cursor in view: when it moves to another row, not on every edit of the page (a keystroke
  // in the editor makes a new fragments array; scrolling then forced a layout per keystroke).
  const scrolledTo = useRef('');
  useEffect(() => {
    if (!cursor) {
      scrolledTo.current = '';
      return;
    }
    const i = fragments.findIndex((f) => f.id === cursor);
    const key = `${page?.id}\u0000${cursor}\u0000${i}`;
    if (i < 0 || key === scrolledTo.current) return;
    scrolledTo.current = key;
    v.scrollToIndex(i, { align: 'auto' });
  }, [cursor, fragments, page?.id, v]);

  return (
    <section className="pane page-pane" aria-label={title} data-view={view}>
      <header className="pane-head">
        <h2>{title}</h2>
        {pages && pages.length > 1 && <PageSelect labels={pageLabels} current={current} />}
        {page && <span className="pane-sub">{pageOf}</span>}
        <ScanToggle page={page} />
        {children}
      </header>
      <div className="page-pane__body">
        <div
          ref={scrollRef}
          className="pane-scroll"
          data-pane="page"
          data-testid="page-pane"
          tabIndex={0}
          role="listbox"
          aria-multiselectable
          aria-label={title}
          onFocus={() => store.getState().focusPane('page')}
        >
          {!page && <p className="empty-note">{t('page.noPages')}</p>}
          <div style={{ height: v.getTotalSize(), position: 'relative' }}>
            {v.getVirtualItems().map((row) => (
              <div
                key={row.key}
                data-index={row.index}
                ref={v.measureElement}
                className="vrow"
                style={{ transform: `translateY(${row.start}px)` }}
              >
                <PageRow fragment={fragments[row.index]} />
              </div>
            ))}
          </div>
        </div>
        {page && view === 'scan' && <PageScan page={page} />}
      </div>
    </section>
  );
}
