import { EXPORT_FORMAT_NAMES, type Out } from '@shared/ipc/contract';
import { createIssue } from '@shared/model/create';
import type { Issue } from '@shared/model/types';
import { safeFileName } from '@shared/export/file-names';
import type { Command, CommandContext } from '../../commands/types';
import { selectDirty } from '../../store/selectors';
import { ask } from '../dialogs/questions';
import { chooseIssueToOpen, choosePages, chooseSaveTarget } from '../dialogs/choose-file';
import { openExport } from '../export/export-state';
import { mergePages } from './merge-pages';
import { isReadOnly, readOnlyState } from './read-only';
import { PAGE_SESSION } from '../../platform/page-session';

export type ExportFormat = (typeof EXPORT_FORMAT_NAMES)[number];

const st = (ctx: CommandContext) => ctx.store.getState();

/** Runs a host call, showing its failure as a notice instead of an unhandled rejection. */
async function guarded<T>(ctx: CommandContext, fn: () => Promise<T>): Promise<T | undefined> {
  st(ctx).set({ busy: true });
  try {
    return await fn();
  } catch (e) {
    st(ctx).notify('error', e instanceof Error ? e.message : String(e));
    return undefined;
  } finally {
    st(ctx).set({ busy: false });
  }
}

/** Saves to the current file, or asks for one. Resolves true when the document is on disk. */
export async function save(ctx: CommandContext, as = false): Promise<boolean> {
  const s = st(ctx);
  const doc = s.doc;
  if (!doc) return false;
  const mark = s.past.length ? s.past[s.past.length - 1].id : 0;
  s.seal();
  const ok = await guarded(ctx, async () => {
    // A read-only issue (another window edits it) is saved under another name only.
    let file = as || isReadOnly(ctx.store) ? null : s.file;
    if (!file) {
      file = await chooseSaveTarget(ctx, `${safeFileName(doc.title || 'issue', 'issue')}.galley.json`);
      if (!file) return false;
    }
    const r = await ctx.host.invoke('issue.save', { token: file.token, issue: doc, session: PAGE_SESSION });
    st(ctx).markSaved(file, r.savedAt, mark);
    readOnlyState(ctx.store).setState({ readOnly: false, lockedBy: null });
    return true;
  });
  return !!ok;
}

/** The unsaved-changes question (in-app, the same under every host): 0 Save, 1 Don't save, 2 Cancel. */
export function askUnsaved(ctx: CommandContext): Promise<number> {
  const doc = st(ctx).doc;
  return ask(ctx.store, {
    title: (t) => t('confirm.unsaved', { title: doc?.title || t('app.untitledIssue') }),
    detail: (t) => t('confirm.unsavedDetail'),
    buttons: [
      { label: (t) => t('confirm.save'), tone: 'primary', testId: 'unsaved-save' },
      { label: (t) => t('confirm.dontSave'), tone: 'danger', testId: 'unsaved-discard' },
      { label: (t) => t('confirm.cancel'), testId: 'unsaved-cancel' },
    ],
    cancel: 2,
    testId: 'unsaved-dialog',
  });
}

/** Asks what to do with unsaved changes. Resolves true when it is fine to replace the document. */
export async function confirmDiscard(ctx: CommandContext): Promise<boolean> {
  const s = st(ctx);
  if (!s.doc || !selectDirty(s)) return true;
  const button = await askUnsaved(ctx);
  if (button === 0) return save(ctx);
  return button === 1;
}

/** Runs `fn` once the next frame has been painted (a timer after the frame callback; timers alone where no frames). */
function afterPaint(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(fn, 0));
  else setTimeout(fn, 0);
}

function loaded(
  ctx: CommandContext,
  issue: Issue,
  file: { token: string; name: string } | null,
  lockedBy: string | null = null,
): void {
  readOnlyState(ctx.store).setState({ readOnly: !!lockedBy, lockedBy });
  st(ctx).load(issue, file);
  const first = issue.pages[0]?.fragments[0];
  if (!first) return;
  // Selecting shows the fragment in the editor pane, whose first showing loads Monaco (7 MB of script and 250 kB
  // of CSS that restyles the whole page): after the first paint of the page and the board, not in its way (open →
  // interactive). Unless something was selected meanwhile (the reopened view, the user).
  afterPaint(() => {
    const s = st(ctx);
    if (s.doc === issue && !s.selection.length) s.select([first.id]);
  });
}

export async function openIssueToken(ctx: CommandContext, file: { token: string; name: string }): Promise<void> {
  const r = await guarded(ctx, () => ctx.host.invoke('issue.open', { token: file.token, session: PAGE_SESSION }));
  if (!r) return;
  loaded(ctx, r.issue, r.file, r.readOnly ? (r.lockedBy ?? '') : null);
  if (r.readOnly) st(ctx).notify('error', ctx.t('lock.readOnly', { name: r.file.name, by: r.lockedBy ?? '' }));
}

export async function importPageTokens(ctx: CommandContext, tokens: string[]): Promise<void> {
  const r = await guarded(ctx, () => ctx.host.invoke('issue.importPages', { tokens }));
  if (!r) return;
  loaded(ctx, r.issue, null);
  if (r.warnings.length) st(ctx).notify('info', r.warnings.slice(0, 3).join(' · '));
}

/**
 * What the app was launched with (`app.initial`). Page files whose issue was saved beside them before offer that
 * issue first, so that a restart on the same page does not import it again over the work already saved.
 */
export async function openLaunchFiles(ctx: CommandContext, open: Out<'app.initial'>['open']): Promise<void> {
  if (!open?.files.length) return;
  if (open.kind === 'issue') return openIssueToken(ctx, open.files[0]);
  const beside = open.issueBeside;
  if (beside) {
    const b = await ask(ctx.store, {
      title: (t) => t('launch.besideTitle', { name: beside.name }),
      detail: (t) => t('launch.besideDetail', { page: open.files[0].name, name: beside.name }),
      buttons: [
        { label: (t) => t('launch.openIssue'), tone: 'primary', testId: 'launch-open-issue' },
        { label: (t) => t('launch.importAgain'), testId: 'launch-import' },
        { label: (t) => t('confirm.cancel'), testId: 'launch-cancel' },
      ],
      cancel: 2,
      testId: 'launch-beside',
    });
    if (b === 2) return;
    if (b === 0) return openIssueToken(ctx, beside);
  }
  await importPageTokens(
    ctx,
    open.files.map((f) => f.token),
  );
}

async function openIssue(ctx: CommandContext): Promise<void> {
  if (!(await confirmDiscard(ctx))) return;
  const file = await guarded(ctx, () => chooseIssueToOpen(ctx));
  if (file) await openIssueToken(ctx, file);
}

/**
 * Import: with an issue open, the user chooses to add the pages to it or to open them as a new issue (the
 * unsaved-changes question then follows, as for New); without one, the pages open as a new issue.
 */
async function importPages(ctx: CommandContext): Promise<void> {
  const s = st(ctx);
  if (s.doc) {
    const b = await ask(ctx.store, {
      title: (t) => t('import.title'),
      detail: (t) => t('import.detail', { title: s.doc?.title || t('app.untitledIssue') }),
      buttons: [
        { label: (t) => t('import.add'), tone: 'primary', testId: 'import-add' },
        { label: (t) => t('import.asNew'), testId: 'import-new' },
        { label: (t) => t('confirm.cancel'), testId: 'import-cancel' },
      ],
      cancel: 2,
      testId: 'import-choice',
    });
    if (b === 2) return;
    if (b === 0) return addPages(ctx);
  }
  if (!(await confirmDiscard(ctx))) return;
  const files = await guarded(ctx, () => choosePages(ctx));
  if (files?.length)
    await importPageTokens(
      ctx,
      files.map((f) => f.token),
    );
}

/**
 * Adds imported pages to the open issue, which keeps its file: a Save writes them into it. The undo history starts
 * again from the enlarged issue (it is not a step that Undo could take back; Save or "Don't save" decide).
 */
export async function addPages(ctx: CommandContext): Promise<void> {
  const files = await guarded(ctx, () => choosePages(ctx));
  if (!files?.length) return;
  const r = await guarded(ctx, () => ctx.host.invoke('issue.importPages', { tokens: files.map((f) => f.token) }));
  const s = st(ctx);
  if (!r || !s.doc) return;
  const merged = mergePages(s.doc, r.issue);
  const file = s.file;
  s.load(merged, file);
  // Unsaved until saved: the file on disk does not hold the added pages.
  st(ctx).set({ savedMark: -1 });
  const added = merged.pages.length - s.doc.pages.length;
  st(ctx).notify('info', ctx.t('import.added', { count: added, total: merged.pages.length }));
  if (r.warnings.length) st(ctx).notify('info', r.warnings.slice(0, 3).join(' · '));
}

async function newIssue(ctx: CommandContext): Promise<void> {
  if (!(await confirmDiscard(ctx))) return;
  readOnlyState(ctx.store).setState({ readOnly: false, lockedBy: null });
  st(ctx).load(createIssue([], { title: ctx.t('app.untitledIssue') }), null);
}

/** Export in one format (the menu's per-format items): the export dialog, with the format chosen. */
export function exportAs(ctx: CommandContext, format: ExportFormat): void {
  openExport(ctx.store, format);
}

const hasDoc = (ctx: CommandContext) => !!st(ctx).doc;

export const fileCommands: Command[] = [
  { id: 'file.new', capture: 'record', labelKey: 'cmd.new', group: 'file', run: newIssue },
  { id: 'file.open', capture: 'record', labelKey: 'cmd.open', group: 'file', keys: ['Ctrl+O'], run: openIssue },
  { id: 'file.import', capture: 'record', labelKey: 'cmd.import', group: 'file', keys: ['Ctrl+I'], run: importPages },
  {
    id: 'file.save',
    capture: 'record',
    labelKey: 'cmd.save',
    group: 'file',
    keys: ['Ctrl+S'],
    run: (ctx) => save(ctx),
    enabled: hasDoc,
  },
  {
    id: 'file.saveAs',
    capture: 'record',
    labelKey: 'cmd.saveAs',
    group: 'file',
    keys: ['Ctrl+Shift+S'],
    run: (ctx) => save(ctx, true),
    enabled: hasDoc,
  },
  ...EXPORT_FORMAT_NAMES.map((format): Command => ({
    id: `file.export.${format}`,
    capture: 'record',
    labelKey: 'cmd.export',
    labelValues: { format },
    group: 'file',
    run: (ctx) => exportAs(ctx, format),
    enabled: hasDoc,
  })),
];
