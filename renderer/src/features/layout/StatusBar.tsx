import { useTranslation } from 'react-i18next';
import { useApp } from '../../app-context';
import { selectAudit, selectDirty } from '../../store/selectors';
import { AutosaveStamp } from '../recovery/AutosaveStamp';

function clock(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** Coverage from the audit, save state and page position. */
export function StatusBar() {
  const { t } = useTranslation();
  const report = useApp(selectAudit);
  const dirty = useApp(selectDirty);
  const savedAt = useApp((s) => s.savedAt);
  const hasFile = useApp((s) => !!s.file);
  const page = useApp((s) => s.currentPage);
  const pages = useApp((s) => s.doc?.pages.length ?? 0);
  const busy = useApp((s) => s.busy);
  if (!report) return <footer className="statusbar" data-testid="statusbar">{t('app.empty')}</footer>;
  const lost = report.lost.length + report.duplicated.length + report.misplaced.length;
  const coverage = [
    report.unassigned.length === 0 ? t('statusbar.allPlaced') : t('statusbar.placed', { placed: report.placed, total: report.fragments }),
    t('statusbar.unassigned', { count: report.unassigned.length }),
    t('statusbar.openEnds', { count: report.openEnds.length }),
  ].join(' · ');
  return (
    <footer className="statusbar" data-testid="statusbar">
      <span data-testid="coverage">{coverage}</span>
      {lost > 0 && <span className="lost" role="alert">{t('statusbar.lost', { count: lost })}</span>}
      <span className="spacer" />
      {busy && <span>{t('statusbar.busy')}</span>}
      <span data-testid="save-state" className={dirty ? 'unsaved' : 'saved'}>
        {dirty ? t('statusbar.unsaved') : savedAt ? t('statusbar.saved', { time: clock(savedAt) }) : hasFile ? t('statusbar.saved', { time: '' }) : t('statusbar.neverSaved')}
      </span>
      <AutosaveStamp />
      {pages > 0 && <span>{t('statusbar.pageOf', { n: page + 1, total: pages })}</span>}
    </footer>
  );
}
