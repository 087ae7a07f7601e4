import { useTranslation } from 'react-i18next';
import type { Page } from '@shared/model/types';
import { useAppContext } from '../../app-context';
import { runCommand } from '../../commands/registry';
import { effectiveView, hasScan, useScanMode } from './scan-mode';

/** Text / scan / side-by-side switch in the page pane head; shown only for pages with a scan or regions. */
export function ScanToggle({ page }: { page: Page | undefined }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const view = effectiveView(useScanMode(ctx.store), page);
  if (!hasScan(page)) return null;
  return (
    <span className="scan-toggle" role="group" aria-label={t('scan.viewGroup')}>
      <button
        type="button"
        data-testid="btn-scan-view"
        aria-pressed={view !== 'text'}
        title={`${t('scan.toggle')} (V)`}
        onClick={() => { void runCommand('view.scan', ctx); }}
      >
        {view === 'scan' ? t('scan.showText') : t('scan.showScan')}
      </button>
      <button
        type="button"
        data-testid="btn-scan-both"
        aria-pressed={view === 'both'}
        title={`${t('scan.sideBySide')} (Shift+V)`}
        onClick={() => { void runCommand('view.scanSideBySide', ctx); }}
      >
        {t('scan.both')}
      </button>
    </span>
  );
}
