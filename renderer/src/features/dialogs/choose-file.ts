import { EXPORT_EXTENSIONS, PAGE_EXTENSIONS, type HostApi, type In, type Out } from '@shared/ipc/contract';
import type { CommandContext } from '../../commands/types';
import { pick, type PickRequest } from './picker-state';
import { appInfo } from '../../platform/app-info';

type FileChannel = 'dialog.openIssue' | 'dialog.importPages' | 'dialog.saveIssueAs' | 'dialog.exportTo';

/** Whether this host shows its own (native) file dialogs or wants the renderer's picker (`app.info`, asked once). */
export function pickerKind(host: HostApi): Promise<'native' | 'in-app'> {
  return appInfo(host).then((i) => i?.picker ?? 'native');
}

/**
 * A file dialog call. Electron shows the system dialog; a host without one (the browser host) gets the in-app
 * picker's answer queued first (`files.choose`), so the dialog channel returns it as a token like a native dialog.
 */
async function viaPicker<C extends FileChannel>(
  ctx: CommandContext,
  channel: C,
  input: In<C>,
  request: PickRequest,
): Promise<Out<C>> {
  if ((await pickerKind(ctx.host)) === 'in-app') {
    const paths = await pick(ctx.store, request);
    if (!paths) return null as Out<C>;
    await ctx.host.invoke('files.choose', { channel, paths });
  }
  return ctx.host.invoke(channel, input);
}

export function chooseIssueToOpen(ctx: CommandContext): Promise<Out<'dialog.openIssue'>> {
  return viaPicker(
    ctx,
    'dialog.openIssue',
    {},
    {
      mode: 'open',
      title: (t) => t('picker.openTitle'),
      extensions: ['galley.json'],
      filterLabel: (t) => t('picker.issues'),
    },
  );
}

export function choosePages(ctx: CommandContext): Promise<Out<'dialog.importPages'>> {
  return viaPicker(
    ctx,
    'dialog.importPages',
    {},
    {
      mode: 'import',
      title: (t) => t('picker.importTitle'),
      extensions: PAGE_EXTENSIONS,
      filterLabel: (t) => t('picker.pages'),
    },
  );
}

export function chooseSaveTarget(ctx: CommandContext, suggestedName: string): Promise<Out<'dialog.saveIssueAs'>> {
  return viaPicker(
    ctx,
    'dialog.saveIssueAs',
    { suggestedName },
    {
      mode: 'save',
      title: (t) => t('picker.saveTitle'),
      extensions: ['galley.json'],
      filterLabel: (t) => t('picker.issues'),
      suggestedName,
      confirmReplace: true,
    },
  );
}

/** The export target: a file named with the format's extension, or a folder for split and layout exports. */
export function chooseExportTarget(ctx: CommandContext, input: In<'dialog.exportTo'>): Promise<Out<'dialog.exportTo'>> {
  const ext = EXPORT_EXTENSIONS[input.format];
  return viaPicker(ctx, 'dialog.exportTo', input, {
    mode: input.directory ? 'folder' : 'save',
    title: (t) => t(input.directory ? 'picker.exportFolderTitle' : 'picker.exportTitle', { format: input.format }),
    extensions: [ext],
    filterLabel: ext.toUpperCase(),
    suggestedName: input.suggestedName,
  });
}
