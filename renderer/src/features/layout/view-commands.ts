import type { Command, CommandContext } from '../../commands/types';
import type { Language } from '../../store/types';
import { rememberLanguage } from '../../i18n';

const st = (ctx: CommandContext) => ctx.store.getState();

/** Switches the UI language everywhere at once (i18next and the store), and remembers it. */
export async function switchLanguage(ctx: CommandContext, l: Language): Promise<void> {
  await ctx.i18n.changeLanguage(l);
  st(ctx).setLanguage(l);
  rememberLanguage(l);
}

export const viewCommands: Command[] = [
  {
    id: 'view.palette',
    capture: 'record',
    labelKey: 'cmd.palette',
    group: 'view',
    keys: ['Ctrl+K'],
    run: (ctx) => st(ctx).set({ paletteOpen: true, helpOpen: false }),
  },
  {
    id: 'view.help',
    capture: 'record',
    labelKey: 'cmd.help',
    group: 'view',
    keys: ['?', 'F1'],
    run: (ctx) => st(ctx).set({ helpOpen: !st(ctx).helpOpen, paletteOpen: false }),
  },
  {
    id: 'view.language',
    capture: 'record',
    labelKey: 'cmd.language',
    group: 'view',
    run: (ctx) => switchLanguage(ctx, st(ctx).language === 'zh-CN' ? 'en' : 'zh-CN'),
  },
];
