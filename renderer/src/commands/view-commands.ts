import type { Command, CommandContext } from './types';

const st = (ctx: CommandContext) => ctx.store.getState();

export const viewCommands: Command[] = [
  { id: 'view.palette', labelKey: 'cmd.palette', group: 'view', keys: ['Ctrl+K'], run: (ctx) => st(ctx).set({ paletteOpen: true, helpOpen: false }) },
  { id: 'view.help', labelKey: 'cmd.help', group: 'view', keys: ['?', 'F1'], run: (ctx) => st(ctx).set({ helpOpen: !st(ctx).helpOpen, paletteOpen: false }) },
  {
    id: 'view.language', labelKey: 'cmd.language', group: 'view',
    run: async (ctx) => {
      const next = st(ctx).language === 'zh-CN' ? 'en' : 'zh-CN';
      await ctx.i18n.changeLanguage(next);
      st(ctx).setLanguage(next);
    },
  },
];
