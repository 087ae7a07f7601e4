import { useTranslation } from 'react-i18next';
import type { Page } from '@shared/model/types';
import { useAppContext } from '../../app-context';
import { effectiveView, hasScan, scanMode, useScanMode, type PageView } from './scan-mode';

/**
 * Text / scan / side-by-side switch in the page pane head, shown only for pages with a scan or regions. A segmented
 * control (each button says what it shows); `V` and `Shift+V` (view.scan, view.scanSideBySide) toggle the same state.
 */
export function ScanToggle({ page }: { page: Page | undefined }) {
  const { t } = useTranslation();
  const { store } = useAppContext();
  const view = effectiveView(useScanMode(store), page);
  if (!hasScan(page)) return null;
  const options: Array<{ view: PageView; label: string; title: string; testId: string }> = [
    { view: 'text', label: t('scan.showText'), title: `${t('scan.toggle')} (V)`, testId: 'btn-view-text' },
    { view: 'scan', label: t('scan.showScan'), title: `${t('scan.toggle')} (V)`, testId: 'btn-scan-view' },
    { view: 'both', label: t('scan.both'), title: `${t('scan.sideBySide')} (Shift+V)`, testId: 'btn-scan-both' },
  ];
  return (
    <span className="scan-toggle" role="group" aria-label={t('scan.viewGroup')}>
      {options.map((o) => (
        <button
          key={o.view}
          type="button"
          data-testid={o.testId}
          aria-pressed={view === o.view}
          title={o.title}
          onClick={() => scanMode(store).setState({ view: o.view })}
        >
          {o.label}
        </button>
      ))}
    </span>
  );
}
