import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useAppContext } from '../app-context';
import { handleKey } from './keymap';
import { runCommand } from '../commands/registry';
import {
  importPageTokens,
  openIssueToken,
  openLaunchFiles,
  confirmDiscard,
} from '../features/persistence/file-commands';
import { selectDirty } from '../store/selectors';
import { useDropMonitor } from '../features/dnd/use-drop-monitor';
import { CommandPalette } from '../features/palette/CommandPalette';
import { HelpOverlay } from '../features/palette/HelpOverlay';
import { Toolbar } from '../features/layout/Toolbar';
import { StatusBar } from '../features/layout/StatusBar';
import { Notice } from '../features/layout/Notice';
import { Workbench } from '../features/layout/Workbench';
import { RecoveryDialog } from '../features/recovery/RecoveryDialog';
import { RecentFiles } from '../features/recovery/RecentFiles';
import { useAutosave } from '../features/recovery/use-autosave';
import { useDroppedJoinReport } from '../features/board/dropped-joins';
import { useAuditRefresh } from '../features/overview/use-audit-refresh';
import { IssueOverview } from '../features/overview/IssueOverview';
import { EditorsLayer } from '../features/export/EditorsLayer';
import { DialogsLayer } from '../features/dialogs/DialogsLayer';
import { isCommandId } from '@shared/commands/ids';

/** Keys, drops, host events and window title: the wiring between the DOM, the store and the host. */
function useWiring(): void {
  const ctx = useAppContext();
  const { store, host } = ctx;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      handleKey(e, ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctx]);

  useDropMonitor(store);

  useEffect(() => {
    const offs = [
      // An id this build does not know (a menu of another version) is ignored.
      host.on('command.run', ({ id }) => {
        if (isCommandId(id)) void runCommand(id, ctx);
      }),
      host.on('file.openRequested', async ({ kind, files }) => {
        if (!files.length || !(await confirmDiscard(ctx))) return;
        if (kind === 'issue') await openIssueToken(ctx, files[0]);
        else
          await importPageTokens(
            ctx,
            files.map((f) => f.token),
          );
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [ctx, host]);

  // What the app was launched with.
  useEffect(() => {
    let cancelled = false;
    void host
      .invoke('app.initial', {})
      .then(async ({ open }) => {
        if (!cancelled) await openLaunchFiles(ctx, open);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [ctx, host]);

  const title = useApp((s) => s.doc?.title);
  const fileName = useApp((s) => s.file?.name);
  const dirty = useApp(selectDirty);
  useEffect(() => {
    const text = `${dirty ? '• ' : ''}Galley${title ? ` — ${title}` : ''}${fileName ? ` (${fileName})` : ''}`;
    document.title = text;
    void host.invoke('window.setTitle', { title: text }).catch(() => undefined);
  }, [title, fileName, dirty, host]);
  useEffect(() => {
    void host.invoke('window.setDirty', { dirty }).catch(() => undefined);
  }, [dirty, host]);
}

export function App() {
  const { t } = useTranslation();
  useWiring();
  useAutosave();
  useDroppedJoinReport();
  useAuditRefresh();
  const hasDoc = useApp((s) => !!s.doc);
  const language = useApp((s) => s.language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <div className="app" data-testid="app">
      <Toolbar />
      {hasDoc ? (
        <main className="panes-host">
          <Workbench />
        </main>
      ) : (
        <main className="welcome" data-testid="welcome">
          <h1>{t('app.empty')}</h1>
          <p>{t('app.emptyHint')}</p>
          <RecentFiles />
        </main>
      )}
      <StatusBar />
      <CommandPalette />
      <HelpOverlay />
      <Notice />
      <IssueOverview />
      <EditorsLayer />
      <RecoveryDialog />
      <DialogsLayer />
    </div>
  );
}
