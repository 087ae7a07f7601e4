import { lazy, Suspense, type ReactNode, useDeferredValue, useMemo, useRef, useSyncExternalStore } from 'react';
import type { Issue } from '@shared/model/types';
import { useTranslation } from 'react-i18next';
import { findFragment, originalTextOf } from '@shared/model/lookup';
import { useApp } from '../../app-context';
import { articleIndexById } from '../../store/selectors';
import { DiffView } from './DiffView';
import { articleText } from './text-diff';
import { Candidates } from '../suggest/Candidates';

// Monaco is 4 MB: load it only when the editor first shows.
const MonacoFragmentEditor = lazy(() => import('./MonacoFragmentEditor'));

const darkQuery =
  typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
function useDark(): boolean {
  return useSyncExternalStore(
    (cb) => {
      darkQuery?.addEventListener('change', cb);
      return () => darkQuery?.removeEventListener('change', cb);
    },
    () => !!darkQuery?.matches,
  );
}

/** Right pane: Monaco on the selected fragment, its diff against the original, and the selected article's diff. */
export function EditorPane({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const dark = useDark();
  const fragmentId = useApp((s) => s.cursor ?? s.selection[s.selection.length - 1] ?? null);
  const fragment = useApp((s) => (s.doc && fragmentId ? findFragment(s.doc, fragmentId) : undefined));
  const articleId = useApp((s) => s.selectedArticle);
  const article = useApp((s) => s.doc?.articles.find((a) => a.id === articleId));
  // The diffs read the pages (fragment texts, originals) through a document version: the version seen last is
  // kept while the pages are the same objects, so a drop or a reorder elsewhere (new articles, same pages) does
  // not re-render the editor pane. The article number has its own subscription.
  const seen = useRef<Issue | null>(null);
  const issue = useApp((s) => {
    if (!(fragment || article) || !s.doc) return null;
    const prev = seen.current;
    return prev && prev.pages === s.doc.pages ? prev : s.doc;
  });
  seen.current = issue;
  const articleNo = useApp((s) => (s.doc && article ? articleIndexById(s.doc, article.id) + 1 : 0));
  // The diffs follow a keystroke in a deferred render: the keystroke's own render (Monaco, the edited
  // rows) commits first and the character diffs of the fragment and of the whole article are computed after it,
  // in a render React can interrupt, instead of delaying the next frame.
  const dIssue = useDeferredValue(issue);
  const dFragment = useDeferredValue(fragment);
  const dArticle = useDeferredValue(article);
  const original = useMemo(() => (dIssue && dFragment ? originalTextOf(dIssue, dFragment) : ''), [dIssue, dFragment]);
  const articleTexts = useMemo(
    () =>
      dIssue && dArticle
        ? { before: articleText(dIssue, dArticle, 'original'), after: articleText(dIssue, dArticle, 'current') }
        : null,
    [dIssue, dArticle],
  );

  return (
    <section className="pane editor-pane" aria-label={t('editor.title')}>
      <header className="pane-head">
        <h2>{t('editor.title')}</h2>
        {fragment && (
          <span className="pane-sub" data-testid="editor-fragment">
            {t('editor.fragment', { id: fragment.id, role: t(`role.${fragment.role}`) })}
          </span>
        )}
        {children}
      </header>
      <div className="editor-body">
        {!fragment && <p className="empty-note">{t('editor.none')}</p>}
        {fragment && (
          <div className="monaco-box" data-testid="editor">
            <Suspense fallback={<p className="empty-note">{t('editor.loading')}</p>}>
              <MonacoFragmentEditor fragmentId={fragment.id} text={fragment.text} dark={dark} />
            </Suspense>
          </div>
        )}
        {fragment && <p className="hint">{t('editor.splitHint')}</p>}
        {fragment && <Candidates fragmentId={fragment.id} />}
        {fragment && (
          <div className="diff-box">
            <h3>{t('editor.diff')}</h3>
            <DiffView before={original} after={dFragment?.text ?? ''} testId="fragment-diff" />
          </div>
        )}
        {articleTexts && (
          <div className="diff-box">
            <h3>{t('editor.diffArticle', { n: articleNo })}</h3>
            <DiffView before={articleTexts.before} after={articleTexts.after} testId="article-diff" />
          </div>
        )}
      </div>
    </section>
  );
}
