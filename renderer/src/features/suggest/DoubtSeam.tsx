import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { findFragment, placeIndex } from '@shared/model/lookup';
import type { Alternative, Decision } from '@shared/suggest/doubts';
import { useApp, useAppContext } from '../../app-context';
import { suggestController } from './suggest-state';
import { confirmDoubt, doubtList, pickAlternative, setSeam, skipDoubt } from './doubt-queue';

const tail = (s: string, n: number) => {
  const c = [...s.replace(/\s+/g, ' ').trim()];
  return c.length > n ? `…${c.slice(-n).join('')}` : c.join('');
};
const head = (s: string, n: number) => {
  const c = [...s.replace(/\s+/g, ' ').trim()];
  return c.length > n ? `${c.slice(0, n).join('')}…` : c.join('');
};
const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * The doubt the queue stands on, large, in the editor pane: the end of A and the start of B across the seam, the
 * engine's confidence, and the top three alternatives on either side (1/2/3: another B after A; 4/5/6: another A
 * before B), each saying where it stands now.
 */
export function DoubtSeam() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const c = suggestController(ctx.store);
  const sg = useStore(c.state, (s) => s);
  const doc = useApp((s) => (sg.doubt ? s.doc : null));
  const cursor = useApp((s) => s.cursor);
  if (!doc || !sg.doubt) return null;
  const list = doubtList(doc, sg);
  const i = list.findIndex((d) => d.key === sg.doubt);
  const d: Decision | undefined = list[i];
  if (!d || cursor !== d.to) return null;
  const text = (id: string | null) => (id ? (findFragment(doc, id)?.text ?? '') : '');
  const places = placeIndex(doc);
  const where = (a: Alternative) => {
    const p = places.get(a.id);
    if (p?.kind === 'article')
      return t('doubt.placedIn', { n: doc.articles.findIndex((x) => x.id === p.articleId) + 1 });
    return p?.kind === 'pool' ? t('doubt.inPool') : '';
  };
  const question =
    d.kind === 'role' ? t('doubt.kind.role', { role: t(`role.${d.role ?? 'body'}`) }) : t(`doubt.kind.${d.kind}`);
  const alternatives = (list: Alternative[], before: boolean, offset: number) =>
    list.map((a, k) => (
      <li key={a.id}>
        <button
          type="button"
          className="candidate"
          data-testid={`doubt-alt-${k + 1 + offset}`}
          data-fragment={a.id}
          onClick={() => pickAlternative(ctx, k + 1, before)}
        >
          <kbd>{k + 1 + offset}</kbd>
          <span className="cand-seam">
            <span className="cand-a">{before ? tail(text(a.id), 14) : tail(text(d.from), 8)}</span>
            <span className="cand-join">{a.join ? '⁝' : '¶'}</span>
            <span className="cand-b">{before ? head(text(d.to), 10) : head(text(a.id), 22)}</span>
          </span>
          <span className="ghost-conf">{pct(a.probability)}</span>
          <span className="reason muted">{where(a)}</span>
        </button>
      </li>
    ));
  const hasA = !!d.from;
  return (
    <section
      className="doubt-seam"
      data-testid="doubt-seam"
      data-kind={d.kind}
      data-from={d.from ?? ''}
      data-to={d.to}
      data-join={d.join}
      data-ghost={d.ghost}
      aria-live="polite"
    >
      <header>
        <strong data-testid="doubt-title">{t('doubt.title', { i: i + 1, count: list.length })}</strong>
        <span>{question}</span>
        <span className="ghost-conf" data-testid="doubt-confidence">
          {t('doubt.confidence', { p: pct(d.confidence) })}
        </span>
        {d.ghost && <span className="reason">{t('doubt.ghost')}</span>}
      </header>
      <p className="seam-large" data-testid="doubt-seam-text">
        <span className="seam-a">{hasA ? tail(text(d.from), 24) : t('doubt.start')}</span>
        <span className="seam-mark" title={d.join ? t('doubt.join') : t('doubt.break')}>
          {d.kind === 'role' ? '' : hasA ? (d.join ? '⁝' : '¶') : '▸'}
        </span>
        <span className="seam-b">{head(text(d.to), 30)}</span>
      </p>
      {hasA && d.successors.length > 0 && (
        <>
          <h4>{t('doubt.successors')}</h4>
          <ol className="doubt-alts">{alternatives(d.successors, false, 0)}</ol>
        </>
      )}
      {d.kind !== 'role' && d.predecessors.length > 0 && (
        <>
          <h4>{t('doubt.predecessors')}</h4>
          <ol className="doubt-alts">{alternatives(d.predecessors, true, hasA ? 3 : 0)}</ol>
        </>
      )}
      <div className="doubt-actions">
        <button type="button" className="primary" data-testid="doubt-confirm" onClick={() => confirmDoubt(ctx)}>
          ↵ {t('doubt.cmd.confirm')}
        </button>
        {hasA && !d.ghost && (
          <>
            <button type="button" data-testid="doubt-join" onClick={() => setSeam(ctx, true)}>
              J ⁝ {t('doubt.join')}
            </button>
            <button type="button" data-testid="doubt-break" onClick={() => setSeam(ctx, false)}>
              B ¶ {t('doubt.break')}
            </button>
          </>
        )}
        <button type="button" data-testid="doubt-skip" onClick={() => skipDoubt(ctx)}>
          Esc {t('doubt.cmd.skip')}
        </button>
      </div>
      <p className="hint">{t('doubt.keys')}</p>
    </section>
  );
}
