import type { BrowserWindow, Dialog } from 'electron';
import path from 'node:path';
import type { Dialogs } from '../../host/services/handlers';
import { EXPORT_EXTENSIONS, PAGE_EXTENSIONS } from '../../../shared/ipc/contract';

/** File type filters of the native dialogs (labels in the user's language). */
function filters(zh: boolean) {
  return {
    issue: [{ name: zh ? 'Galley 期次文件' : 'Galley issue', extensions: ['galley.json', 'json'] }],
    pages: [
      {
        name: zh ? '版面文件' : 'Page files',
        extensions: [...PAGE_EXTENSIONS],
      },
      { name: zh ? '所有文件' : 'All files', extensions: ['*'] },
    ],
  };
}

const EXPORT_EXT: Record<string, string> = EXPORT_EXTENSIONS;

/**
 * Native dialogs, modal to the main window. They answer absolute paths; the handlers turn them into tokens, so
 * the renderer never sees or sends a path.
 */
export function createNativeDialogs(
  dialog: Dialog,
  getWindow: () => BrowserWindow | undefined,
  locale: string,
): Dialogs {
  const zh = /^zh\b/i.test(locale);
  const f = filters(zh);
  const parent = () => getWindow();
  const withParent = <T>(fn: (w: BrowserWindow | undefined) => Promise<T>) => fn(parent());
  return {
    openIssue: () =>
      withParent(async (w) => {
        const opts = { title: zh ? '打开期次' : 'Open issue', properties: ['openFile' as const], filters: f.issue };
        const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
        return r.canceled || !r.filePaths.length ? null : r.filePaths[0];
      }),
    importPages: () =>
      withParent(async (w) => {
        const opts = {
          title: zh ? '导入版面' : 'Import pages',
          properties: ['openFile' as const, 'multiSelections' as const],
          filters: f.pages,
        };
        const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
        return r.canceled || !r.filePaths.length ? null : r.filePaths;
      }),
    saveIssueAs: ({ suggestedName }) =>
      withParent(async (w) => {
        const opts = {
          title: zh ? '另存为' : 'Save issue as',
          defaultPath: path.basename(suggestedName || 'issue.galley.json'),
          filters: f.issue,
          properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
        };
        const r = w ? await dialog.showSaveDialog(w, opts) : await dialog.showSaveDialog(opts);
        return r.canceled || !r.filePath ? null : r.filePath;
      }),
    exportTo: ({ suggestedName, format, directory }) =>
      withParent(async (w) => {
        if (directory) {
          const opts = {
            title: zh ? '导出到文件夹' : 'Export to folder',
            properties: ['openDirectory' as const, 'createDirectory' as const],
          };
          const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
          return r.canceled || !r.filePaths.length ? null : r.filePaths[0];
        }
        const ext = EXPORT_EXT[format] ?? format;
        const opts = {
          title: zh ? '导出' : 'Export',
          defaultPath: path.basename(suggestedName),
          filters: [{ name: format.toUpperCase(), extensions: [ext] }],
          // No overwrite question here: the host refuses an existing file and the app asks once, in its dialog.
          properties: ['createDirectory' as const],
        };
        const r = w ? await dialog.showSaveDialog(w, opts) : await dialog.showSaveDialog(opts);
        return r.canceled || !r.filePath ? null : r.filePath;
      }),
    confirm: ({ message, detail, buttons }) =>
      withParent(async (w) => {
        const opts = {
          type: 'question' as const,
          message,
          detail,
          buttons,
          defaultId: 0,
          cancelId: buttons.length - 1,
          noLink: true,
        };
        const r = w ? await dialog.showMessageBox(w, opts) : await dialog.showMessageBox(opts);
        return r.response;
      }),
  };
}
