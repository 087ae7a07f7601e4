import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '@shared/model/types';
import { useApp, useAppContext } from '../../app-context';
import { clickSelect } from '../selection/navigation';
import { pageOrder, selectionSet } from '../../store/selectors';
import { ScanView } from './ScanView';
import { isInlineImage, pageMarks } from './region-marks';
import './scan-view.css';

/**
 * The current page's scan in the workbench: regions coloured by article (see region-marks.ts), wired to the one
 * selection of the app. Clicking a region selects its fragment like clicking its text row (Ctrl toggles, Shift
 * extends in source order); a fragment selected anywhere else is highlighted here and scrolled into view.
 */
export function PageScan({ page }: { page: Page }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const doc = useApp((s) => s.doc);
  const cursor = useApp((s) => s.cursor);
  const selected = useApp(selectionSet);
  const { colors, marks } = useMemo(() => (doc ? pageMarks(doc, page) : { colors: {}, marks: {} }), [doc, page]);
  const image = useScanImage(page);
  const labels = useMemo(
    () => ({
      zoomIn: t('scan.zoomIn'),
      zoomOut: t('scan.zoomOut'),
      fit: t('scan.fit'),
      noScan: image.error ?? t('scan.noScan'),
      noBoxes: t('scan.noBoxes'),
      region: t('scan.region'),
    }),
    [t, image.error],
  );
  return (
    <div className="page-scan" data-testid="page-scan" onFocus={() => ctx.store.getState().focusPane('page')}>
      <ScanView
        key={page.id}
        page={page}
        colors={colors}
        marks={marks}
        selectedId={cursor}
        selectedIds={selected}
        imageUrl={image.url}
        labels={labels}
        onSelect={(id, mods) => {
          const s = ctx.store.getState();
          s.focusPane('page');
          clickSelect(ctx, id, mods, s.doc ? pageOrder(s.doc, s.currentPage) : []);
        }}
      />
    </div>
  );
}

/**
 * The URL to show for a page's scan: embedded data URLs as they are; a path relative to the issue file is read by
 * the host (`page.image`), since the renderer never touches the filesystem. Undefined while loading or when missing.
 */
function useScanImage(page: Page): { url?: string; error?: string } {
  const { host } = useAppContext();
  const fileToken = useApp((s) => s.file?.token);
  const src = page.image?.src;
  const inline = !!src && isInlineImage(src);
  const [fetched, setFetched] = useState<{ key: string; url?: string; error?: string } | null>(null);
  const key = `${fileToken ?? ''}\n${src ?? ''}`;
  useEffect(() => {
    if (!src || inline || !fileToken) return;
    let cancelled = false;
    host
      .invoke('page.image', { issueToken: fileToken, src })
      .then(({ url }) => {
        if (!cancelled) setFetched({ key, url });
      })
      .catch((e: unknown) => {
        if (!cancelled) setFetched({ key, error: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      cancelled = true;
    };
  }, [host, fileToken, src, inline, key]);
  if (!src) return {};
  if (inline) return { url: src };
  // A relative path with no saved issue file to resolve it against (or not read yet): no image, regions only.
  if (fetched?.key === key) return { url: fetched.url, error: fetched.error };
  return { url: '' };
}
