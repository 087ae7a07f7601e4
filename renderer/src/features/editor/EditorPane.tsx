import { lazy, Suspense, type ReactNode, useDeferredValue, useMemo, useRef, useSyncExternalStore } from 'react';
import type { Issue } from '@shared/model/types';
import { useTranslation } from 'react-i18next';
import { articleTitle, findFragment, originalTextOf } from '@shared/model/lookup';
import { containerOf } from '../../store/placements';
import { useApp } from '../../app-context';
import { articleIndexById } from '../../store/selectors';
import { DiffView } from './DiffView';
import { articleText } from './text-diff';
import { Candidates } from '../suggest/Candidates';
import { DoubtSeam } from '../suggest/DoubtSeam';

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
  // The article shown is the one holding the fragment being edited, however it was selected (keys, F8, a search
  // hit, a click); a fragment in the pool or the discard pile shows none, nothing selected the chosen card's.
  // As a string ('pool', 'discard', an article id, ''), so that an edit inside the article does not re-render.
  const where = useApp((s) => {
    const c = s.doc && fragmentId ? containerOf(s.doc, fragmentId) : null;
    return c === null ? '' : typeof c === 'string' ? c : `article:${c.id}`;
  });
  const articleId = useApp((s) =>
    where.startsWith('article:') ? where.slice('article:'.length) : fragmentId ? null : s.selectedArticle,
  );
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
  const articleName = useApp((s) => (s.doc && article ? articleTitle(s.doc, article) : ''));
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
          // The fragment first: a narrow pane cuts the article's title, never what is being edited.
          <span className="pane-sub" data-testid="editor-fragment" title={articleName}>
            {t('editor.fragment', { id: fragment.id, role: t(`role.${fragment.role}`) })}
            {where === 'pool'
              ? ` · ${t('board.pool')}`
              : where === 'discard'
                ? ` · ${t('board.discarded')}`
                : articleNo
                  ? ` · ${t('article.number', { n: articleNo })}${articleName ? ` ${articleName}` : ''}`
                  : ''}
          </span>
        )}
        {!fragment && article && (
          <span className="pane-sub" data-testid="editor-fragment" title={articleName}>
            {t('article.number', { n: articleNo })} {articleName}
          </span>
        )}
        {children}
      </header>
      <div className="editor-body">
        <DoubtSeam />
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
