import {
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type Dispatch,
  type KeyboardEvent,
  type MutableRefObject,
  type PointerEvent,
  type RefObject,
  type SetStateAction,
} from 'react';
import type { Page } from '@shared/model/types';
import { boxPercent, clampZoom, pageSpace, stepZoom } from './scan-geometry';

/**
 * The scan of a page with its fragments' regions outlined. Clicking a region (or Enter/Space on it) selects
 * that fragment; the selected region is highlighted and scrolled into view. Zoom with the buttons, Ctrl+wheel or
 * `+`/`-`/`0`; pan by dragging the background or with the scrollbars. Self-contained: the workbench passes the
 * page, the colour of each fragment (its article's swatch) and the selection, and resolves the image URL
 * (`page.image.src` is relative to the issue file; data URLs work as they are).
 */
export interface ScanViewProps {
  page: Page;
  /** Fill/outline colour per fragment id (e.g. the article swatch); fragments without one are outlined grey. */
  colors?: Readonly<Record<string, string>>;
  selectedId?: string | null;
  /** Further selected fragments (multi-selection); `selectedId` is the one scrolled into view. */
  selectedIds?: ReadonlySet<string>;
  /** How a region is drawn beyond its colour: dashed (unassigned), faded (discarded), a badge (article number). */
  marks?: Readonly<Record<string, RegionMark>>;
  onSelect?: (fragmentId: string, mods: { ctrl: boolean; shift: boolean }) => void;
  /** The image URL to show, when the host resolves `page.image.src` (relative paths); default `page.image.src`. */
  imageUrl?: string;
  /** Width in CSS pixels at zoom 1; default: the width of the view (fit), 800 where it cannot be measured. */
  baseWidth?: number;
  labels?: Partial<{ zoomIn: string; zoomOut: string; fit: string; noScan: string; noBoxes: string; region: string }>;
}

export interface RegionMark {
  dashed?: boolean;
  faded?: boolean;
  badge?: string;
}

const DEFAULT_LABELS = {
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fit: 'Fit',
  noScan: 'No scan for this page',
  noBoxes: 'This page has no region coordinates',
  region: 'Region',
};

function preview(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 60)}…` : t;
}

export function ScanView({
  page,
  colors = {},
  selectedId = null,
  selectedIds,
  marks = {},
  onSelect,
  imageUrl,
  baseWidth: fixedWidth,
  labels,
}: ScanViewProps) {
  const l = { ...DEFAULT_LABELS, ...labels };
  const [zoom, setZoom] = useState(1);
  const scroller = useRef<HTMLDivElement>(null);
  const fitWidth = useFitWidth(scroller);
  const baseWidth = fixedWidth ?? fitWidth;
  const zoomRef = useRef(zoom);
  zoomRef.current = zoom;
  useCtrlWheelZoom(scroller, zoomRef, setZoom);
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  const space = pageSpace(page);
  const boxed = page.fragments.filter((f) => f.box);

  useEffect(() => {
    if (!selectedId) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-fragment-id="${CSS.escape(selectedId)}"]`);
    // jsdom has no scrollIntoView; real browsers do.
    el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selectedId, page.id]);

  if (!space)
    return (
      <div className="scan-view scan-view--empty" role="note">
        {l.noBoxes}
      </div>
    );

  const width = baseWidth * zoom;
  const height = width * (space.height / space.width);
  const src = imageUrl ?? page.image?.src;

  const onKey = (e: KeyboardEvent) => {
    if (e.key === '+' || e.key === '=') {
      setZoom((z) => stepZoom(z, 1));
      e.preventDefault();
    } else if (e.key === '-') {
      setZoom((z) => stepZoom(z, -1));
      e.preventDefault();
    } else if (e.key === '0') {
      setZoom(1);
      e.preventDefault();
    }
  };
  const onPointerDown = (e: PointerEvent) => {
    if ((e.target as HTMLElement).closest('[data-fragment-id]') || !scroller.current) return;
    drag.current = { x: e.clientX, y: e.clientY, left: scroller.current.scrollLeft, top: scroller.current.scrollTop };
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current,
      s = scroller.current;
    if (!d || !s) return;
    s.scrollLeft = d.left - (e.clientX - d.x);
    s.scrollTop = d.top - (e.clientY - d.y);
  };
  const endDrag = () => {
    drag.current = null;
  };

  const surface: CSSProperties = {
    position: 'relative',
    width,
    height,
    background: src ? undefined : 'repeating-linear-gradient(45deg,#f4f4f4 0 8px,#ececec 8px 16px)',
  };
  return (
    <div
      className="scan-view"
      onKeyDown={onKey}
      style={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}
    >
      <div
        className="scan-view__toolbar"
        role="toolbar"
        style={{ display: 'flex', gap: 4, alignItems: 'center', padding: 4 }}
      >
        <button type="button" onClick={() => setZoom((z) => stepZoom(z, -1))} aria-label={l.zoomOut}>
          −
        </button>
        <output aria-live="polite" style={{ minWidth: 48, textAlign: 'center' }}>
          {Math.round(zoom * 100)}%
        </output>
        <button type="button" onClick={() => setZoom((z) => stepZoom(z, 1))} aria-label={l.zoomIn}>
          +
        </button>
        <button type="button" onClick={() => setZoom(1)}>
          {l.fit}
        </button>
        {!src && (
          <span className="scan-view__note" style={{ marginLeft: 8, opacity: 0.7 }}>
            {l.noScan}
          </span>
        )}
      </div>
      <div
        ref={scroller}
        className="scan-view__scroller"
        data-testid="scan-scroller"
        style={{ overflow: 'auto', flex: 1, cursor: drag.current ? 'grabbing' : 'grab' }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerLeave={endDrag}
      >
        <div className="scan-view__surface" data-testid="scan-surface" style={surface}>
          {src && (
            <img
              src={src}
              alt=""
              draggable={false}
              style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', userSelect: 'none' }}
            />
          )}
          {boxed.map((f) => {
            const selected = f.id === selectedId || !!selectedIds?.has(f.id);
            const color = colors[f.id] ?? '#888';
            const mark = marks[f.id] ?? {};
            const pos = boxPercent(f.box!, space);
            return (
              <div
                key={f.id}
                role="button"
                tabIndex={0}
                data-fragment-id={f.id}
                aria-pressed={selected}
                aria-label={`${l.region} ${f.id}: ${preview(f.text)}`}
                title={preview(f.text)}
                className={`scan-region${selected ? ' scan-region--selected' : ''}${mark.dashed ? ' scan-region--pool' : ''}${mark.faded ? ' scan-region--discarded' : ''}`}
                onClick={(e) => onSelect?.(f.id, { ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey })}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter' && e.key !== ' ') return;
                  // Handled here: the app-wide Enter (open the editor) must not also fire.
                  e.preventDefault();
                  e.stopPropagation();
                  onSelect?.(f.id, { ctrl: false, shift: false });
                }}
                style={{
                  position: 'absolute',
                  ...pos,
                  boxSizing: 'border-box',
                  cursor: 'pointer',
                  border: `${selected ? 3 : 2}px ${mark.dashed ? 'dashed' : 'solid'} ${color}`,
                  background: selected
                    ? `color-mix(in srgb, ${color} 18%, transparent)`
                    : `color-mix(in srgb, ${color} 8%, transparent)`,
                  outline: selected ? '2px solid #000' : undefined,
                  outlineOffset: selected ? 1 : undefined,
                  opacity: mark.faded && !selected ? 0.35 : undefined,
                  zIndex: selected ? 1 : undefined,
                }}
              >
                {/* Left of the region, in the margin or gutter, so the number never hides the print it labels. */}
                {mark.badge && (
                  <span
                    className="scan-region__badge"
                    aria-hidden
                    style={{
                      position: 'absolute',
                      right: '100%',
                      top: -2,
                      marginRight: 1,
                      background: color,
                      color: '#000',
                      font: '600 11px/1.3 system-ui, sans-serif',
                      padding: '0 4px',
                      borderRadius: 3,
                      pointerEvents: 'none',
                      whiteSpace: 'nowrap',
                    }}
                  >
                    {mark.badge}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** The scroller's inner width (zoom 1 = fit the width), followed on resize; 800 where layout is unknown (jsdom). */
function useFitWidth(scroller: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      if (el.clientWidth > 40) setWidth(el.clientWidth - 16);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [scroller]);
  return width;
}

/**
 * Ctrl+wheel zooms about the pointer. A native non-passive listener: React's wheel handler is passive, so it could
 * not stop the browser (or Electron) from zooming the whole window instead.
 */
function useCtrlWheelZoom(
  scroller: RefObject<HTMLDivElement | null>,
  zoomRef: MutableRefObject<number>,
  setZoom: Dispatch<SetStateAction<number>>,
): void {
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: globalThis.WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const from = zoomRef.current;
      const to = clampZoom(from * (e.deltaY < 0 ? 1.1 : 1 / 1.1));
      if (to === from) return;
      const r = el.getBoundingClientRect();
      const px = e.clientX - r.left,
        py = e.clientY - r.top;
      const k = to / from;
      setZoom(to);
      // Keep the point under the pointer where it is once React has laid out the new size.
      requestAnimationFrame(() => {
        el.scrollLeft = (el.scrollLeft + px) * k - px;
        el.scrollTop = (el.scrollTop + py) * k - py;
      });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [scroller, zoomRef, setZoom]);
}
