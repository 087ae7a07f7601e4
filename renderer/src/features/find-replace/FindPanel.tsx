import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { useAppContext } from '../../app-context';
import { snippetOf } from '../cleanup/snippet';
import { ChangeSnippet } from '../cleanup/ChangeSnippet';
import {
  applyReplacements,
  closeFind,
  decide,
  findPanel,
  loadWordList,
  runFind,
  runWordList,
  setQuery,
} from './find-state';
import { readFileText } from './read-file';
import '../cleanup/editors.css';

/**
 * Find & replace over the articles (board order), and the newsroom word list: every hit in context with
 * Accept / Skip; "Replace accepted" or "Accept all" apply as ONE undo step. A floating panel, so the board and
 * the editor stay usable while it is open.
 */
export function FindPanel() {
  const { t } = useTranslation();
  const { store } = useAppContext();
  const panel = findPanel(store);
  const s = useStore(panel);
  const fileRef = useRef<HTMLInputElement>(null);
  const findRef = useRef<HTMLInputElement>(null);
  // Ctrl+H (again) puts the caret in the find field with the previous query selected: type to replace it.
  useEffect(() => {
    if (!s.open) return;
    findRef.current?.focus();
    findRef.current?.select();
  }, [s.open, s.openedAt]);
  if (!s.open) return null;
  const accepted = s.hits.filter((h) => s.decisions[h.id] === 'accepted').length;
  const label = (count: number) => t('editors.find.label', { count });
  const replace = (all: boolean) => {
    const n = applyReplacements(store, all, label);
    if (n) store.getState().notify('info', t('editors.find.replaced', { count: n }));
  };

  const onFile = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    try {
      loadWordList(store, file.name, await readFileText(file));
    } catch (e) {
      store.getState().notify('error', e instanceof Error ? e.message : String(e));
    }
    if (fileRef.current) fileRef.current.value = '';
  };

  return (
    <aside
      className="find-panel"
      role="dialog"
      aria-labelledby="find-title"
      data-testid="find-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          closeFind(store);
        }
      }}
    >
      <header className="help-head">
        <h2 id="find-title">{t('editors.find.title')}</h2>
        <button
          type="button"
          className="icon-btn"
          aria-label={t('editors.find.close')}
          onClick={() => closeFind(store)}
          data-testid="find-close"
        >
          ✕
        </button>
      </header>
      <form
        className="find-form"
        onSubmit={(e) => {
          e.preventDefault();
          runFind(store);
        }}
      >
        <label>
          {t('editors.find.find')}
          <input
            ref={findRef}
            value={s.find}
            onChange={(e) => setQuery(store, { find: e.target.value })}
            data-testid="find-input"
          />
        </label>
        <label>
          {t('editors.find.replace')}
          <input
            value={s.replace}
            onChange={(e) => setQuery(store, { replace: e.target.value })}
            data-testid="replace-input"
          />
        </label>
        <div className="find-options">
          <label>
            <input
              type="checkbox"
              checked={s.regex}
              onChange={(e) => setQuery(store, { regex: e.target.checked })}
              data-testid="find-regex"
            />
            {t('editors.find.regex')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={s.caseSensitive}
              onChange={(e) => setQuery(store, { caseSensitive: e.target.checked })}
            />
            {t('editors.find.caseSensitive')}
          </label>
          <button type="submit" className="primary" disabled={!s.find} data-testid="find-run">
            {t('editors.find.search')}
          </button>
        </div>
      </form>
      <div className="wordlist-row">
        <span>{t('editors.find.wordList')}:</span>
        <input
          ref={fileRef}
          type="file"
          accept=".tsv,.txt,.json"
          hidden
          onChange={(e) => void onFile(e.target.files)}
          data-testid="wordlist-file"
        />
        <button type="button" onClick={() => fileRef.current?.click()} data-testid="wordlist-load">
          {t('editors.find.loadWordList')}
        </button>
        {s.wordList && (
          <>
            <span className="muted" data-testid="wordlist-name">
              {t('editors.find.wordListLoaded', { name: s.wordList.name, count: s.wordList.entries.length })}
            </span>
            <button type="button" onClick={() => runWordList(store)} data-testid="wordlist-run">
              {t('editors.find.runWordList')}
            </button>
          </>
        )}
      </div>
      {s.wordListProblems.length > 0 && (
        <div className="editors-problems" role="alert" data-testid="wordlist-problems">
          <ul>
            {s.wordListProblems.slice(0, 20).map((p, i) => (
              <li key={i}>{t('editors.find.line', { line: p.line, message: p.message })}</li>
            ))}
          </ul>
        </div>
      )}
      {s.error && (
        <p className="editors-error" role="alert" data-testid="find-error">
          {s.error}
        </p>
      )}
      {s.lastReplaced !== null && (
        <p className="editors-summary find-replaced" role="status" data-testid="find-replaced">
          {t('editors.find.replaced', { count: s.lastReplaced })}
        </p>
      )}
      {s.searched && (
        <p className="editors-summary" data-testid="find-count">
          {s.hits.length ? t('editors.find.hits', { count: s.hits.length }) : t('editors.find.none')}
          {s.truncated && ` ${t('editors.find.truncated', { count: s.hits.length })}`}
        </p>
      )}
      <ol className="hit-list" data-testid="hit-list">
        {s.hits.map((h) => {
          const d = s.decisions[h.id];
          const line = /^wordlist:(\d+)$/.exec(h.source)?.[1];
          return (
            <li
              key={h.id}
              className={d ? `is-${d}` : ''}
              data-testid="find-hit"
              data-hit-id={h.id}
              // A click on the hit (not on its buttons) selects its fragment: the page pane, board and editor show it.
              onClick={(e) => {
                if (!(e.target as HTMLElement).closest('button')) store.getState().select([h.fragmentId]);
              }}
            >
              <div className="hit-where">
                {t('editors.find.where', { page: h.page, article: h.articleTitle ?? t('editors.find.pool') })}
                {line && <span className="rule-tag">{t('editors.find.fromList', { line })}</span>}
              </div>
              <ChangeSnippet s={snippetOf(h.fragmentText, h.start, h.end, h.replacement, 12)} />
              <div className="hit-actions">
                <button
                  type="button"
                  aria-pressed={d === 'accepted'}
                  onClick={() => decide(store, h.id, 'accepted')}
                  data-testid="hit-accept"
                >
                  {t('editors.find.accept')}
                </button>
                <button
                  type="button"
                  aria-pressed={d === 'skipped'}
                  onClick={() => decide(store, h.id, 'skipped')}
                  data-testid="hit-skip"
                >
                  {t('editors.find.skip')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {s.hits.length > 0 && (
        <footer className="editors-actions">
          <button
            type="button"
            className="primary"
            disabled={!accepted}
            onClick={() => replace(false)}
            data-testid="find-replace-accepted"
          >
            {t('editors.find.replaceAccepted', { count: accepted })}
          </button>
          <button type="button" onClick={() => replace(true)} data-testid="find-accept-all">
            {t('editors.find.acceptAll')}
          </button>
        </footer>
      )}
    </aside>
  );
}
