import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Group, Panel, Separator, useDefaultLayout, usePanelRef, type PanelSize } from 'react-resizable-panels';
import { useApp, useAppContext } from '../../app-context';
import { PagePane } from '../page-pane/PagePane';
import { Board } from '../board/Board';
import { EditorPane } from '../editor/EditorPane';
import { PageScan } from '../scan-view/PageScan';
import { effectiveView, useScanMode } from '../scan-view/scan-mode';
import { PaneCollapse, type PaneHandle } from './pane-collapse';

/**
 * Where the pane sizes live: the renderer's localStorage, like the UI language (renderer/src/i18n/index.ts) and
 * the last page of an issue. Electron keeps it in the user's profile, so the layout is remembered per user.
 */
export const PANES_STORAGE_ID = 'galley.panes';

/** A collapsed pane keeps a rail this wide (px) with its name, so it can be found and opened again. */
export const RAIL_PX = 30;
/** Prefix of the key under which a pane's width before it was collapsed is kept (percent of the workbench). */
const OPEN_SIZE_KEY = 'galley.panes.open.';
/** Below these widths a pane's content no longer fits: page rows wrap to one glyph, card headers overlap. */
const MIN_PAGE_PX = 220;
const MIN_SCAN_PX = 220;
const MIN_BOARD_PX = 320;
const MIN_EDITOR_PX = 240;

/** Panel ids, also the keys of the saved layout (changing one forgets the saved sizes). */
export const PANE_IDS = { page: 'pane-page', scan: 'pane-scan', board: 'pane-board', editor: 'pane-editor' } as const;

function storage(): Pick<Storage, 'getItem' | 'setItem'> | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled: sizes are not remembered, the panes still work
  }
}

/** One collapsible pane: its content, or a rail naming it when collapsed (click or Enter opens it again). */
function CollapsiblePane({
  id,
  label,
  defaultSize,
  minPx,
  opensLeft = false,
  children,
}: {
  id: string;
  label: string;
  defaultSize: string;
  minPx: number;
  /** The pane sits at the right edge: it opens leftwards. */
  opensLeft?: boolean;
  children: (handle: PaneHandle) => ReactNode;
}) {
  const { t } = useTranslation();
  const ref = usePanelRef();
  const [collapsed, setCollapsed] = useState(false);
  const onResize = useCallback((size: PanelSize) => setCollapsed(size.inPixels <= RAIL_PX + 1), []);
  const handle: PaneHandle = {
    collapse: () => {
      // The width it had, so that the rail opens it as it was, after a restart too (the saved layout only
      // knows the rail's width).
      const size = ref.current?.getSize();
      if (size && size.inPixels > RAIL_PX + 1) storage()?.setItem(`${OPEN_SIZE_KEY}${id}`, String(size.asPercentage));
      ref.current?.collapse();
    },
    expand: () => {
      const pct = Number(storage()?.getItem(`${OPEN_SIZE_KEY}${id}`));
      if (pct > 0 && pct < 100) ref.current?.resize(`${pct}%`);
      else ref.current?.expand();
    },
    collapsed,
  };
  return (
    <Panel
      id={id}
      panelRef={ref}
      collapsible
      collapsedSize={`${RAIL_PX}px`}
      minSize={`${minPx}px`}
      defaultSize={defaultSize}
      onResize={onResize}
      className="pane-slot"
      data-collapsed={collapsed ? 'true' : 'false'}
    >
      {collapsed ? (
        <button
          type="button"
          className="pane-rail"
          data-testid={`rail-${id}`}
          aria-expanded={false}
          aria-label={t('panes.expand', { pane: label })}
          title={t('panes.expand', { pane: label })}
          onClick={handle.expand}
        >
          <span className={`codicon codicon-chevron-${opensLeft ? 'left' : 'right'}`} aria-hidden />
          <span className="pane-rail-label">{label}</span>
        </button>
      ) : (
        children(handle)
      )}
    </Panel>
  );
}

/**
 * The three panes (page, board, editor), and the scan as a fourth when the page is shown side by side with its
 * scan. Each border is a keyboard-focusable separator (arrows resize; Enter folds and unfolds the pane on its
 * left when that one can fold); the page, scan and editor panes collapse to a rail. Sizes and collapsed state are saved when the user changes them.
 */
export function Workbench() {
  const { t } = useTranslation();
  const { store } = useAppContext();
  const mode = useScanMode(store);
  const page = useApp((s) => s.doc?.pages[s.currentPage]);
  const both = effectiveView(mode, page) === 'both';
  const panelIds = both
    ? [PANE_IDS.page, PANE_IDS.scan, PANE_IDS.board, PANE_IDS.editor]
    : [PANE_IDS.page, PANE_IDS.board, PANE_IDS.editor];
  const { defaultLayout, onLayoutChanged } = useDefaultLayout({
    id: PANES_STORAGE_ID,
    panelIds,
    storage: storage(),
    // The collapse button and the rail resize through the panel's API, not a pointer or key on a separator:
    // those changes are the user's too and must be saved.
    onlySaveAfterUserInteractions: false,
  });
  return (
    <Group className="panes" orientation="horizontal" defaultLayout={defaultLayout} onLayoutChanged={onLayoutChanged}>
      <CollapsiblePane
        id={PANE_IDS.page}
        label={t('page.title')}
        defaultSize={both ? '22%' : '28%'}
        minPx={MIN_PAGE_PX}
      >
        {(h) => (
          <PagePane>
            <PaneCollapse handle={h} id={PANE_IDS.page} label={t('page.title')} />
          </PagePane>
        )}
      </CollapsiblePane>
      <Separator className="splitter" aria-label={t('page.title')} data-testid="sep-page" />
      {both && page && (
        <>
          <CollapsiblePane id={PANE_IDS.scan} label={t('scan.showScan')} defaultSize="24%" minPx={MIN_SCAN_PX}>
            {(h) => (
              <section className="pane scan-pane" aria-label={t('scan.showScan')}>
                <header className="pane-head">
                  <h2>{t('scan.showScan')}</h2>
                  <PaneCollapse handle={h} id={PANE_IDS.scan} label={t('scan.showScan')} />
                </header>
                <PageScan page={page} />
              </section>
            )}
          </CollapsiblePane>
          <Separator className="splitter" aria-label={t('scan.showScan')} data-testid="sep-scan" />
        </>
      )}
      <Panel id={PANE_IDS.board} minSize={`${MIN_BOARD_PX}px`} className="pane-slot">
        <Board />
      </Panel>
      <Separator className="splitter" aria-label={t('editor.title')} data-testid="sep-editor" />
      <CollapsiblePane
        id={PANE_IDS.editor}
        opensLeft
        label={t('editor.title')}
        defaultSize={both ? '26%' : '30%'}
        minPx={MIN_EDITOR_PX}
      >
        {(h) => (
          <EditorPane>
            <PaneCollapse handle={h} id={PANE_IDS.editor} label={t('editor.title')} />
          </EditorPane>
        )}
      </CollapsiblePane>
    </Group>
  );
}
