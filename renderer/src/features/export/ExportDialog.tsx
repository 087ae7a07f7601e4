import * as Dialog from '@radix-ui/react-dialog';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMAT_NAMES } from '@shared/ipc/contract';
import { articleTitle } from '@shared/model/lookup';
import { useApp, useAppContext } from '../../app-context';
import {
  ZIP_INNER,
  exportDialog,
  mustSplit,
  offersLostTextMark,
  runExport,
  scopeArticleIds,
  setChoice,
  type ExportFormatName,
  type ZipInner,
} from './export-state';
import '../cleanup/editors.css';
import '../dialogs/dialogs.css';
import { completenessProblems } from './completeness';

/**
 * The export dialog: format, one file or one per article (or zip contents), approved-only, the selected article
 * or the whole issue. When the audit gate refuses, the problems are listed here with "Export anyway"; when the
 * export would replace existing files, they are listed with "Replace".
 */
export function ExportDialog() {
  const { t } = useTranslation();
  const ctx = useAppContext();
  const { store } = ctx;
  const d = useStore(exportDialog(store));
  const selected = useApp((s) =>
    s.selectedArticle ? s.doc?.articles.find((a) => a.id === s.selectedArticle) : undefined,
  );
  const doc = useApp((s) => (d.open ? s.doc : null));
  const close = () =>
    exportDialog(store).setState({ open: false, problems: null, existing: null, allowIncomplete: false, target: null });

  if (!d.open || !doc) return null;
  const forced = mustSplit(store);
  const layout = d.format === 'mets-alto' || d.format === 'page';
  return (
    <Dialog.Root open onOpenChange={(o) => !o && close()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dlg-overlay" />
        <Dialog.Content
          className="editors-dialog export-dialog dlg-export"
          data-testid="export-dialog"
          aria-describedby={undefined}
        >
          <header className="help-head">
            <Dialog.Title id="export-title">{t('editors.export.title')}</Dialog.Title>
          </header>
          <div className="export-grid">
            <label htmlFor="export-format">{t('editors.export.format')}</label>
            <select
              id="export-format"
              value={d.format}
              onChange={(e) => setChoice(store, { format: e.target.value as ExportFormatName })}
              data-testid="export-format"
            >
              {EXPORT_FORMAT_NAMES.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>

            <span>{t('editors.export.files')}</span>
            {d.format === 'zip' ? (
              <label>
                {t('editors.export.inner')}{' '}
                <select
                  value={d.inner}
                  onChange={(e) => setChoice(store, { inner: e.target.value as ZipInner })}
                  data-testid="export-inner"
                >
                  {ZIP_INNER.map((f) => (
                    <option key={f} value={f}>
                      {f}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <span role="radiogroup">
                <label>
                  <input
                    type="radio"
                    name="export-split"
                    checked={!d.split && !forced}
                    disabled={forced || layout}
                    onChange={() => setChoice(store, { split: false })}
                    data-testid="export-one"
                  />
                  {t('editors.export.oneFile')}
                </label>{' '}
                <label>
                  <input
                    type="radio"
                    name="export-split"
                    checked={d.split || forced}
                    disabled={forced || layout}
                    onChange={() => setChoice(store, { split: true })}
                    data-testid="export-split"
                  />
                  {t('editors.export.split')}
                </label>
              </span>
            )}

            <span>{t('editors.export.scope')}</span>
            <span role="radiogroup">
              <label>
                <input
                  type="radio"
                  name="export-scope"
                  checked={d.scope === 'issue'}
                  onChange={() => setChoice(store, { scope: 'issue' })}
                  data-testid="export-scope-issue"
                />
                {t('editors.export.scopeIssue')}
              </label>{' '}
              <label>
                <input
                  type="radio"
                  name="export-scope"
                  checked={d.scope === 'article' && !!selected}
                  disabled={!selected}
                  onChange={() => setChoice(store, { scope: 'article' })}
                  data-testid="export-scope-article"
                />
                {t('editors.export.scopeArticle', { title: selected ? articleTitle(doc, selected) : '—' })}
              </label>
            </span>

            <span />
            <label>
              <input
                type="checkbox"
                checked={d.approvedOnly}
                onChange={(e) => setChoice(store, { approvedOnly: e.target.checked })}
                data-testid="export-approved"
              />
              {t('editors.export.approvedOnly')}
            </label>
            {offersLostTextMark(d.format, d.inner) && (
              <>
                <span />
                <label>
                  <input
                    type="checkbox"
                    checked={d.lostTextMark}
                    onChange={(e) => setChoice(store, { lostTextMark: e.target.checked })}
                    data-testid="export-lost-mark"
                  />
                  {t('editors.export.lostTextMark')}
                </label>
              </>
            )}
          </div>
          {forced && <p className="muted">{t('editors.export.nitfSplit')}</p>}
          {d.problems && (
            <div className="editors-problems" role="alert" data-testid="export-problems">
              <p>{d.target ? t('editors.export.problems') : t('editors.export.problemsFirst')}</p>
              <ul>
                {(d.target
                  ? d.problems
                  : completenessProblems(doc, { articleIds: scopeArticleIds(store), approvedOnly: d.approvedOnly }, t)
                )
                  .slice(0, 50)
                  .map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
              </ul>
            </div>
          )}
          {d.existing && (
            <div className="editors-problems" role="alert" data-testid="export-existing">
              <p>{t('editors.export.existing', { count: d.existing.length })}</p>
              <ul>
                {d.existing.slice(0, 50).map((f, i) => (
                  <li key={i}>{f}</li>
                ))}
              </ul>
            </div>
          )}
          {d.error && (
            <p className="editors-error" role="alert" data-testid="export-error">
              {d.error}
            </p>
          )}
          <footer className="editors-actions">
            {d.existing ? (
              <button
                type="button"
                className="danger"
                disabled={d.running}
                onClick={() => void runExport(ctx, 'replace')}
                data-testid="export-replace"
              >
                {t('editors.export.replace')}
              </button>
            ) : d.problems ? (
              <button
                type="button"
                className="danger"
                disabled={d.running}
                onClick={() => void runExport(ctx, 'allowIncomplete')}
                data-testid="export-anyway"
              >
                {t('editors.export.anyway')}
              </button>
            ) : (
              <button
                type="button"
                className="primary"
                disabled={d.running}
                onClick={() => void runExport(ctx)}
                data-testid="export-run"
              >
                {t('editors.export.run')}
              </button>
            )}
            <button type="button" onClick={close} data-testid="export-cancel">
              {t('editors.export.cancel')}
            </button>
          </footer>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
