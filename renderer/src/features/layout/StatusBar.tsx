import { useTranslation } from 'react-i18next';
import { useApp } from '../../app-context';
import { selectAudit, selectDirty } from '../../store/selectors';
import type { AppState } from '../../store/types';
import { useShallow } from 'zustand/react/shallow';
import { AutosaveStamp } from '../recovery/AutosaveStamp';
import { DoubtCount } from '../suggest/DoubtCount';

function clock(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** The current audit's counts (null without a document). */
function selectCounts(
  s: AppState,
): { placed: number; fragments: number; unassigned: number; openEnds: number; resolved: number; lost: number } | null {
  const r = selectAudit(s);
  return (
    r && {
      placed: r.placed,
      fragments: r.fragments,
      unassigned: r.unassigned.length,
      openEnds: r.openEnds.length,
      resolved: r.resolvedOpenEnds.length,
      lost: r.lost.length + r.duplicated.length + r.misplaced.length,
    }
  );
}

/** Coverage from the audit, save state and page position. */
export function StatusBar() {
  const { t } = useTranslation();
  // The counts, not the report: every edit makes a new report, most (a keystroke) leave the counts as they were.
  const counts = useApp(useShallow(selectCounts));
  const dirty = useApp(selectDirty);
  const savedAt = useApp((s) => s.savedAt);
  const hasFile = useApp((s) => !!s.file);
  const page = useApp((s) => s.currentPage);
  const pages = useApp((s) => s.doc?.pages.length ?? 0);
  const busy = useApp((s) => s.busy);
  if (!counts)
    return (
      <footer className="statusbar" data-testid="statusbar">
        {t('app.empty')}
      </footer>
    );
  const { placed, fragments, unassigned, openEnds, resolved, lost } = counts;
  const coverage = [
    unassigned === 0 ? t('statusbar.allPlaced') : t('statusbar.placed', { placed, total: fragments }),
    t('statusbar.unassigned', { count: unassigned }),
    // Open ends still to settle; the resolved ones (text lost, continues elsewhere, ends here) only as a count beside.
    t('statusbar.openEnds', { count: openEnds }) +
      (resolved ? ` (${t('statusbar.resolvedOpenEnds', { count: resolved })})` : ''),
  ].join(' · ');
  return (
    <footer className="statusbar" data-testid="statusbar">
      <span data-testid="coverage">{coverage}</span>
      {lost > 0 && (
        <span className="lost" role="alert">
          {t('statusbar.lost', { count: lost })}
        </span>
      )}
      <DoubtCount openEnds={openEnds} />
      <span className="spacer" />
      {busy && <span>{t('statusbar.busy')}</span>}
      <span data-testid="save-state" className={dirty ? 'unsaved' : 'saved'}>
        {dirty
          ? t('statusbar.unsaved')
          : savedAt
            ? t('statusbar.saved', { time: clock(savedAt) })
            : hasFile
              ? t('statusbar.saved', { time: '' })
              : t('statusbar.neverSaved')}
      </span>
      <AutosaveStamp />
      {pages > 0 && <span>{t('statusbar.pageOf', { n: page + 1, total: pages })}</span>}
    </footer>
  );
}
