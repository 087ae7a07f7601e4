import type { Command, CommandContext } from '../../commands/types';
import { hasScan, scanMode, toggledBoth, toggledView } from './scan-mode';

const st = (ctx: CommandContext) => ctx.store.getState();
const currentHasScan = (ctx: CommandContext) => {
  const s = st(ctx);
  return hasScan(s.doc?.pages[s.currentPage]);
};

/** Scan view: enabled only when the current page has a scan or region coordinates. */
export const scanCommands: Command[] = [
  {
    id: 'view.scan',
    capture: 'record',
    labelKey: 'scan.toggle',
    group: 'view',
    keys: ['V'],
    enabled: currentHasScan,
    run: (ctx) => {
      const m = scanMode(ctx.store);
      m.setState({ view: toggledView(m.getState().view) });
    },
  },
  {
    id: 'view.scanSideBySide',
    capture: 'record',
    labelKey: 'scan.sideBySide',
    group: 'view',
    keys: ['Shift+V'],
    enabled: currentHasScan,
    run: (ctx) => {
      const m = scanMode(ctx.store);
      m.setState({ view: toggledBoth(m.getState().view) });
    },
  },
];
