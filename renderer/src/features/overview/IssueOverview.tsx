import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { useApp, useAppContext } from '../../app-context';
import { issueStats, type PageStats } from './page-stats';
import { overviewState } from './overview-state';
import { goToPage } from './commands';
import './overview.css';

function PageCell({ p, current, onPick }: { p: PageStats; current: boolean; onPick: () => void }) {
  const { t } = useTranslation();
  const pct = (n: number) => (p.fragments ? (100 * n) / p.fragments : 0);
  const done = p.unassigned === 0 && p.openEnds === 0;
  return (
    <button
      type="button"
      className={['ov-cell', done ? 'is-done' : '', current ? 'is-current' : ''].join(' ')}
      data-testid={`overview-page-${p.index + 1}`}
      aria-label={t('overview.cell', {
        label: p.label,
        placed: p.placed,
        total: p.fragments,
        unassigned: p.unassigned,
        openEnds: p.openEnds,
      })}
      onClick={onPick}
    >
      <span className="ov-label">{p.label}</span>
      <span className="ov-bar" aria-hidden>
        <span className="ov-placed" style={{ width: `${pct(p.placed)}%` }} />
        <span className="ov-discarded" style={{ width: `${pct(p.discarded)}%` }} />
      </span>
      <span className="ov-counts">
        <span title={t('overview.placed')}>
          {p.placed}/{p.fragments}
        </span>
        {p.unassigned > 0 && (
          <span className="ov-unassigned" title={t('overview.unassigned')}>
            ┆{p.unassigned}
          </span>
        )}
        {p.openEnds > 0 && (
          <span className="ov-open" title={t('overview.openEnds')}>
            ⤳{p.openEnds}
          </span>
        )}
        {done && (
          <span className="ov-ok" title={t('overview.done')}>
            ✓
          </span>
        )}
      </span>
    </button>
  );
}

/**
 * The issue at a glance: every page with its coverage (placed / unassigned / open ends), as a compact
 * grid a team lead can scan; click a page to jump to its first problem. Toggled with Ctrl+Shift+O.
 */
export function IssueOverview() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const open = useStore(overviewState, (o) => o.open);
  const doc = useApp((s) => (open ? s.doc : null));
  const current = useApp((s) => s.currentPage);
  if (!open || !doc) return null;
  const stats = issueStats(doc);
  const totals = stats.pages.reduce(
    (a, p) => ({
      placed: a.placed + p.placed,
      fragments: a.fragments + p.fragments,
      unassigned: a.unassigned + p.unassigned,
      openEnds: a.openEnds + p.openEnds,
    }),
    { placed: 0, fragments: 0, unassigned: 0, openEnds: 0 },
  );
  const close = () => overviewState.setState({ open: false });
  return (
    <div className="overlay" onMouseDown={close}>
      <div
        className="overview"
        role="dialog"
        aria-modal
        aria-labelledby="overview-title"
        data-testid="overview"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            close();
          }
        }}
      >
        <header className="help-head">
          <h2 id="overview-title">{t('overview.title')}</h2>
          <span className="ov-total" data-testid="overview-total">
            {t('overview.total', { pages: stats.pages.length, ...totals })}
          </span>
          <button type="button" onClick={close} autoFocus>
            {t('help.close')}
          </button>
        </header>
        <div className="ov-grid">
          {stats.pages.map((p) => (
            <PageCell
              key={p.id}
              p={p}
              current={p.index === current}
              onPick={() => {
                close();
                goToPage(ctx, p.index);
              }}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
