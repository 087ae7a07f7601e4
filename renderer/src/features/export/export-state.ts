import { createStore, type StoreApi } from 'zustand/vanilla';
import { EXPORT_EXTENSIONS, EXPORT_FORMAT_NAMES } from '@shared/ipc/contract';
import { articleTitle } from '@shared/model/lookup';
import { safeFileName } from '@shared/export/file-names';
import type { CommandContext } from '../../commands/types';
import { chooseExportTarget } from '../dialogs/choose-file';
import { completenessProblems, isGated } from './completeness';
import type { AppStore } from '../../store/create-store';

export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];
export const ZIP_INNER = ['md', 'txt', 'html', 'docx', 'nitf', 'json'] as const;
export type ZipInner = (typeof ZIP_INNER)[number];

/**
 * The export dialog's choices and, after a refusal by the audit gate or because files exist, what to ask and the
 * chosen target.
 */
export interface ExportDialogState {
  open: boolean;
  format: ExportFormatName;
  split: boolean;
  inner: ZipInner;
  approvedOnly: boolean;
  /** Show text marked lost (`[……]`; an editor's note in NITF). Offered for the publication formats; json keeps the data. */
  lostTextMark: boolean;
  scope: 'issue' | 'article';
  /**
   * What keeps the export from being complete, shown with "Export anyway": found before any file is chosen
   * (`target` null), or the host gate's answer for the target below.
   */
  problems: string[] | null;
  /** The files the export would replace (the host wrote nothing): shown with "Replace". */
  existing: string[] | null;
  /** "Export anyway" was chosen for the target below: a "Replace" that follows keeps it. */
  allowIncomplete: boolean;
  target: { token: string; name: string } | null;
  error: string | null;
  running: boolean;
}

const panels = new WeakMap<AppStore, StoreApi<ExportDialogState>>();

export function exportDialog(store: AppStore): StoreApi<ExportDialogState> {
  let p = panels.get(store);
  if (!p) {
    p = createStore<ExportDialogState>()(() => ({
      open: false,
      format: 'md',
      split: false,
      inner: 'md',
      approvedOnly: false,
      lostTextMark: true,
      scope: 'issue',
      problems: null,
      existing: null,
      allowIncomplete: false,
      target: null,
      error: null,
      running: false,
    }));
    panels.set(store, p);
  }
  return p;
}

/** Opens the dialog; the scope starts on the whole issue (the selected article is one click away). */
export function openExport(store: AppStore, format?: ExportFormatName): void {
  const s = store.getState();
  if (!s.doc) return;
  exportDialog(store).setState({
    open: true,
    problems: null,
    existing: null,
    allowIncomplete: false,
    target: null,
    error: null,
    running: false,
    scope: 'issue',
    ...(format ? { format } : {}),
  });
}

/** Changes a choice; a pending refusal belongs to the old choices and is dropped. */
export function setChoice(
  store: AppStore,
  patch: Partial<Pick<ExportDialogState, 'format' | 'split' | 'inner' | 'approvedOnly' | 'lostTextMark' | 'scope'>>,
): void {
  exportDialog(store).setState({
    ...patch,
    problems: null,
    existing: null,
    allowIncomplete: false,
    target: null,
    error: null,
  });
}

/** Formats that can show text marked lost: the document formats other than json (a zip by its contents). */
export function offersLostTextMark(format: ExportFormatName, inner: ZipInner): boolean {
  const f = format === 'zip' ? inner : format;
  return f === 'md' || f === 'txt' || f === 'html' || f === 'docx' || f === 'nitf';
}

/** The articles the export covers (undefined: the whole issue). */
export function scopeArticleIds(store: AppStore): string[] | undefined {
  const s = store.getState();
  const d = exportDialog(store).getState();
  return d.scope === 'article' && s.selectedArticle ? [s.selectedArticle] : undefined;
}

/** NITF holds one article per file: several articles need split files (or a zip). */
export function mustSplit(store: AppStore): boolean {
  const d = exportDialog(store).getState();
  const doc = store.getState().doc;
  const n = scopeArticleIds(store)?.length ?? doc?.articles.length ?? 0;
  return d.format === 'nitf' && n !== 1;
}

/** Whether the target is a folder: split files and the layout formats (one file per page) go into one. */
export function targetIsFolder(store: AppStore): boolean {
  const d = exportDialog(store).getState();
  return d.format !== 'zip' && (d.split || mustSplit(store) || d.format === 'mets-alto' || d.format === 'page');
}

/**
 * Runs the export: asks for the target (unless retrying after a refusal), calls `export.run`. The gate's refusal
 * keeps the dialog open with the problems; `allowIncomplete` ("Export anyway") re-runs to the same target. When
 * the export would replace existing files the host writes nothing and lists them; `replace` ("Replace") re-runs
 * to the same target, keeping an "Export anyway" given before.
 */
export async function runExport(
  ctx: CommandContext,
  answer: 'allowIncomplete' | 'replace' | null = null,
): Promise<boolean> {
  const { store, host, t } = ctx;
  const p = exportDialog(store);
  const s = store.getState();
  const doc = s.doc;
  if (!doc) return false;
  const d = p.getState();
  const articleIds = scopeArticleIds(store);
  const allowIncomplete = answer === 'allowIncomplete' || (answer === 'replace' && d.allowIncomplete);
  const replace = answer === 'replace';
  // Completeness first, before a file name is asked: the proofreader decides with the problems in view.
  if (!answer && isGated(d.format, d.inner)) {
    const problems = completenessProblems(doc, { articleIds, approvedOnly: d.approvedOnly }, t);
    if (problems.length) {
      p.setState({ problems, existing: null, allowIncomplete: false, target: null, error: null });
      return false;
    }
  }
  p.setState({ running: true, error: null });
  try {
    let target = answer ? d.target : null;
    if (!target) {
      const art = articleIds ? doc.articles.find((a) => a.id === articleIds[0]) : undefined;
      const base = safeFileName((art ? articleTitle(doc, art) : doc.title) || 'issue', 'issue');
      const directory = targetIsFolder(store);
      target = await chooseExportTarget(ctx, {
        // A single file is offered with its format's extension; a folder by the bare name.
        suggestedName: directory ? base : `${base}.${EXPORT_EXTENSIONS[d.format]}`,
        format: d.format,
        directory,
      });
      if (!target) return false;
    }
    const r = await host.invoke('export.run', {
      token: target.token,
      issue: doc,
      format: d.format,
      ...(d.split || mustSplit(store) ? { split: true } : {}),
      ...(d.format === 'zip' ? { inner: d.inner } : {}),
      ...(s.file ? { issueToken: s.file.token } : {}),
      ...(d.approvedOnly ? { approvedOnly: true } : {}),
      ...(offersLostTextMark(d.format, d.inner) && !d.lostTextMark ? { lostTextMark: false } : {}),
      ...(articleIds ? { articleIds } : {}),
      ...(allowIncomplete ? { allowIncomplete: true } : {}),
      ...(replace ? { replace: true } : {}),
    });
    if (!r.ok && r.existing) {
      p.setState({ existing: r.existing, problems: null, allowIncomplete, target });
      return false;
    }
    if (!r.ok) {
      p.setState({ problems: r.problems, existing: null, allowIncomplete: false, target });
      return false;
    }
    p.setState({ open: false, problems: null, existing: null, allowIncomplete: false, target: null });
    const warn = r.warnings?.length
      ? ` · ${t('editors.export.warnings', { count: r.warnings.length })}: ${r.warnings.slice(0, 2).join(' · ')}`
      : '';
    s.notify('info', t('notice.exported', { count: r.files.length, name: target.name }) + warn);
    return true;
  } catch (e) {
    p.setState({ error: e instanceof Error ? e.message : String(e) });
    return false;
  } finally {
    p.setState({ running: false });
  }
}
