import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { findFragment } from '@shared/model/lookup';
import { useApp, useAppContext } from '../../app-context';
import { openSuggestions, pickCandidate } from './suggest-commands';
import { suggestController } from './suggest-state';
import { reasonText } from './reason-text';

const tail = (s: string, n: number) => {
  const c = [...s.replace(/\s+/g, ' ').trim()];
  return c.length > n ? `…${c.slice(-n).join('')}` : c.join('');
};
const head = (s: string, n: number) => {
  const c = [...s.replace(/\s+/g, ' ').trim()];
  return c.length > n ? `${c.slice(0, n).join('')}…` : c.join('');
};

/**
 * In the editor pane: the selected fragment's top-3 candidate continuations with their reasons, picked with
 * 1/2/3 or a click (placed right after the fragment, joined when the engine says join). Without an answer for
 * the fragment's page, a button asks the engine.
 */
export function Candidates({ fragmentId }: { fragmentId: string }) {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const c = suggestController(ctx.store);
  const open = useStore(c.state, (s) => s.open);
  const running = useStore(c.state, (s) => s.running);
  // The whole reading's answer when there is one: its alternatives include fragments already placed.
  const info = useStore(c.state, (s) => s.reading?.fragments[fragmentId] ?? s.result?.fragments[fragmentId]);
  const doc = useApp((s) => (info ? s.doc : null));
  const self = doc ? findFragment(doc, fragmentId) : undefined;
  return (
    <div className="candidates" data-testid="candidates">
      <h3>{t('suggest.candidates')}</h3>
      {!info && (
        <p className="empty-note">
          {open && running ? (
            t('suggest.running')
          ) : (
            <button type="button" data-testid="candidates-ask" onClick={() => openSuggestions(ctx)}>
              {t('suggest.ask')}
            </button>
          )}
        </p>
      )}
      {info && !info.candidates.length && <p className="empty-note">{t('suggest.noCandidates')}</p>}
      {info && doc && (
        <ol>
          {info.candidates.map((cand, i) => {
            const f = findFragment(doc, cand.id);
            return (
              <li key={cand.id}>
                <button
                  type="button"
                  className="candidate"
                  data-testid={`candidate-${i + 1}`}
                  data-fragment={cand.id}
                  onClick={() => pickCandidate(ctx, i + 1)}
                >
                  <kbd>{i + 1}</kbd>
                  <span className="cand-seam">
                    <span className="cand-a">{tail(self?.text ?? '', 8)}</span>
                    <span className="cand-join">{cand.join ? '⁝' : '¶'}</span>
                    <span className="cand-b">{head(f?.text ?? cand.id, 24)}</span>
                  </span>
                  <span className="ghost-conf">{Math.round(cand.probability * 100)}%</span>
                  <span className="ghost-reasons">
                    {cand.reasons.length ? (
                      cand.reasons.map((r) => (
                        <span key={r} className="reason">
                          {reasonText(r, t)}
                        </span>
                      ))
                    ) : (
                      <span className="reason muted">{t('suggest.noReason')}</span>
                    )}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {info && <p className="hint">{t('suggest.pickHint')}</p>}
    </div>
  );
}
