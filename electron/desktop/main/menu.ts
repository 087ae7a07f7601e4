import type { CommandId } from '../../../shared/commands/ids';

/**
 * The application menu as a pure template: File, Edit, View, Window, Help in Chinese or English.
 * Items send `command.run {id}` to the renderer, which owns the command registry and the key bindings, so the
 * same shortcuts work in the browser host. Accelerators are shown but not registered (`registerAccelerator:
 * false`): the renderer's keymap handles the keys, and a registered accelerator would run the command twice.
 * Command ids: docs/commands.md.
 */
export type MenuLocale = 'zh-CN' | 'en';

export interface MenuItemSpec {
  label?: string;
  id?: string;
  role?: string;
  type?: 'separator' | 'submenu' | 'normal';
  accelerator?: string;
  registerAccelerator?: boolean;
  submenu?: MenuItemSpec[];
  click?: () => void;
}

/** Commands the menu sends, with their labels; the ids are checked against shared/commands/ids.ts. */
export const MENU_COMMANDS = {
  'file.new': { en: 'New Issue', zh: '新建', key: undefined },
  'file.open': { en: 'Open…', zh: '打开…', key: 'CmdOrCtrl+O' },
  'file.import': { en: 'Import Pages…', zh: '导入版面…', key: 'CmdOrCtrl+I' },
  'file.save': { en: 'Save', zh: '保存', key: 'CmdOrCtrl+S' },
  'file.saveAs': { en: 'Save As…', zh: '另存为…', key: 'CmdOrCtrl+Shift+S' },
  'file.export': { en: 'Export…', zh: '导出…', key: 'CmdOrCtrl+E' },
  'edit.undo': { en: 'Undo', zh: '撤销', key: 'CmdOrCtrl+Z' },
  'edit.redo': { en: 'Redo', zh: '重做', key: 'CmdOrCtrl+Shift+Z' },
  'view.palette': { en: 'Command Palette…', zh: '命令面板…', key: 'CmdOrCtrl+K' },
  'view.language': { en: 'Switch Language (中文 / English)', zh: '切换语言 (中文 / English)', key: undefined },
  'view.help': { en: 'Keyboard Shortcuts', zh: '键盘快捷键', key: undefined },
  'problem.next': { en: 'Next Problem', zh: '下一个问题', key: 'F8' },
  'find.open': { en: 'Find and Replace…', zh: '查找和替换…', key: 'CmdOrCtrl+H' },
} as const satisfies { [K in CommandId]?: { en: string; zh: string; key: string | undefined } };
export type MenuCommand = keyof typeof MENU_COMMANDS;

const T = {
  file: { en: 'File', zh: '文件' },
  edit: { en: 'Edit', zh: '编辑' },
  view: { en: 'View', zh: '视图' },
  window: { en: 'Window', zh: '窗口' },
  help: { en: 'Help', zh: '帮助' },
  quit: { en: 'Quit', zh: '退出' },
  cut: { en: 'Cut', zh: '剪切' },
  copy: { en: 'Copy', zh: '复制' },
  paste: { en: 'Paste', zh: '粘贴' },
  selectAll: { en: 'Select All', zh: '全选' },
  zoomIn: { en: 'Zoom In', zh: '放大' },
  zoomOut: { en: 'Zoom Out', zh: '缩小' },
  resetZoom: { en: 'Actual Size', zh: '实际大小' },
  fullscreen: { en: 'Toggle Full Screen', zh: '切换全屏' },
  devtools: { en: 'Developer Tools', zh: '开发者工具' },
  minimize: { en: 'Minimize', zh: '最小化' },
  close: { en: 'Close Window', zh: '关闭窗口' },
  about: { en: 'About Galley', zh: '关于 Galley' },
} as const;

/** zh for any Chinese locale (zh, zh-CN, zh-TW, zh-Hans…), English otherwise. */
export function menuLocale(appLocale: string): MenuLocale {
  return /^zh\b/i.test(appLocale) ? 'zh-CN' : 'en';
}

export function buildMenuTemplate(opts: {
  locale: MenuLocale;
  send: (id: string) => void;
  about: () => void;
  platform: string;
  devTools: boolean;
}): MenuItemSpec[] {
  const l = opts.locale === 'zh-CN' ? 'zh' : 'en';
  const cmd = (id: MenuCommand): MenuItemSpec => {
    const c = MENU_COMMANDS[id];
    return {
      id,
      label: c[l],
      ...(c.key ? { accelerator: c.key, registerAccelerator: false } : {}),
      click: () => opts.send(id),
    };
  };
  const sep: MenuItemSpec = { type: 'separator' };
  const role = (r: string, label: string): MenuItemSpec => ({ role: r, label });
  const mac = opts.platform === 'darwin';
  return [
    ...(mac
      ? [{ label: 'Galley', submenu: [{ role: 'about', label: T.about[l] }, sep, { role: 'quit', label: T.quit[l] }] }]
      : []),
    {
      label: T.file[l],
      submenu: [
        cmd('file.new'),
        cmd('file.open'),
        cmd('file.import'),
        sep,
        cmd('file.save'),
        cmd('file.saveAs'),
        sep,
        cmd('file.export'),
        ...(mac ? [] : [sep, role('quit', T.quit[l])]),
      ],
    },
    {
      label: T.edit[l],
      submenu: [
        cmd('edit.undo'),
        cmd('edit.redo'),
        sep,
        role('cut', T.cut[l]),
        role('copy', T.copy[l]),
        role('paste', T.paste[l]),
        role('selectAll', T.selectAll[l]),
        sep,
        cmd('find.open'),
        sep,
        cmd('problem.next'),
      ],
    },
    {
      label: T.view[l],
      submenu: [
        cmd('view.palette'),
        cmd('view.language'),
        sep,
        role('resetZoom', T.resetZoom[l]),
        role('zoomIn', T.zoomIn[l]),
        role('zoomOut', T.zoomOut[l]),
        sep,
        role('togglefullscreen', T.fullscreen[l]),
        ...(opts.devTools ? [role('toggleDevTools', T.devtools[l])] : []),
      ],
    },
    { label: T.window[l], submenu: [role('minimize', T.minimize[l]), role('close', T.close[l])] },
    { label: T.help[l], submenu: [cmd('view.help'), ...(mac ? [] : [sep, { label: T.about[l], click: opts.about }])] },
  ];
}
