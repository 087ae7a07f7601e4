import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
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
  onSelect?: (fragmentId: string) => void;
  /** The image URL to show, when the host resolves `page.image.src` (relative paths); default `page.image.src`. */
  imageUrl?: string;
  /** Width in CSS pixels at zoom 1. */
  baseWidth?: number;
  labels?: Partial<{ zoomIn: string; zoomOut: string; fit: string; noScan: string; noBoxes: string; region: string }>;
}

const DEFAULT_LABELS = {
  zoomIn: 'Zoom in', zoomOut: 'Zoom out', fit: 'Fit', noScan: 'No scan for this page', noBoxes: 'This page has no region coordinates', region: 'Region',
};

function preview(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 60)}…` : t;
}

export function ScanView({ page, colors = {}, selectedId = null, onSelect, imageUrl, baseWidth = 800, labels }: ScanViewProps) {
  const l = { ...DEFAULT_LABELS, ...labels };
  const [zoom, setZoom] = useState(1);
  const scroller = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  const space = pageSpace(page);
  const boxed = page.fragments.filter((f) => f.box);

  useEffect(() => {
    if (!selectedId) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-fragment-id="${CSS.escape(selectedId)}"]`);
    // jsdom has no scrollIntoView; real browsers do.
    el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selectedId, page.id]);

  if (!space) return <div className="scan-view scan-view--empty" role="note">{l.noBoxes}</div>;

  const width = baseWidth * zoom;
  const height = width * (space.height / space.width);
  const src = imageUrl ?? page.image?.src;

  const onKey = (e: KeyboardEvent) => {
    if (e.key === '+' || e.key === '=') { setZoom((z) => stepZoom(z, 1)); e.preventDefault(); }
    else if (e.key === '-') { setZoom((z) => stepZoom(z, -1)); e.preventDefault(); }
    else if (e.key === '0') { setZoom(1); e.preventDefault(); }
  };
  const onWheel = (e: WheelEvent) => {
    if (!e.ctrlKey) return;
    setZoom((z) => clampZoom(z * (e.deltaY < 0 ? 1.1 : 1 / 1.1)));
  };
  const onPointerDown = (e: PointerEvent) => {
    if ((e.target as HTMLElement).closest('[data-fragment-id]') || !scroller.current) return;
    drag.current = { x: e.clientX, y: e.clientY, left: scroller.current.scrollLeft, top: scroller.current.scrollTop };
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current, s = scroller.current;
    if (!d || !s) return;
    s.scrollLeft = d.left - (e.clientX - d.x);
    s.scrollTop = d.top - (e.clientY - d.y);
  };
  const endDrag = () => { drag.current = null; };

  const surface: CSSProperties = { position: 'relative', width, height, background: src ? undefined : 'repeating-linear-gradient(45deg,#f4f4f4 0 8px,#ececec 8px 16px)' };
  return (
    <div className="scan-view" onKeyDown={onKey} style={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}>
      <div className="scan-view__toolbar" role="toolbar" style={{ display: 'flex', gap: 4, alignItems: 'center', padding: 4 }}>
        <button type="button" onClick={() => setZoom((z) => stepZoom(z, -1))} aria-label={l.zoomOut}>−</button>
        <output aria-live="polite" style={{ minWidth: 48, textAlign: 'center' }}>{Math.round(zoom * 100)}%</output>
        <button type="button" onClick={() => setZoom((z) => stepZoom(z, 1))} aria-label={l.zoomIn}>+</button>
        <button type="button" onClick={() => setZoom(1)}>{l.fit}</button>
        {!src && <span className="scan-view__note" style={{ marginLeft: 8, opacity: 0.7 }}>{l.noScan}</span>}
      </div>
      <div
        ref={scroller}
        className="scan-view__scroller"
        data-testid="scan-scroller"
        style={{ overflow: 'auto', flex: 1, cursor: drag.current ? 'grabbing' : 'grab' }}
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerLeave={endDrag}
      >
        <div className="scan-view__surface" data-testid="scan-surface" style={surface}>
          {src && <img src={src} alt="" draggable={false} style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', userSelect: 'none' }} />}
          {boxed.map((f) => {
            const selected = f.id === selectedId;
            const color = colors[f.id] ?? '#888';
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
                onClick={() => onSelect?.(f.id)}
                onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onSelect?.(f.id); } }}
                style={{
                  position: 'absolute', ...pos, boxSizing: 'border-box', cursor: 'pointer',
                  border: `${selected ? 3 : 1.5}px solid ${color}`,
                  background: selected ? `color-mix(in srgb, ${color} 30%, transparent)` : `color-mix(in srgb, ${color} 12%, transparent)`,
                  outline: selected ? '2px solid #000' : undefined,
                }}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
