import type { Command, CommandContext } from '../../commands/types';
import { CLEANUP_SCOPES, openCleanup, scopeAvailable } from '../cleanup/cleanup-state';
import { openFind } from '../find-replace/find-state';
import { advanceStatus } from '../review/review-status';
import { reviewPanel } from '../review/review-state';
import { openExport } from './export-state';

/**
 * The editors' commands (docs/editors.md): Cleanup with a preview, Find & replace (Ctrl+H) and the word list, review
 * status and "what changed", and the export dialog. Each change they make is one undo step; nothing is applied
 * without the editor seeing it first.
 */
const st = (ctx: CommandContext) => ctx.store.getState();
const hasDoc = (ctx: CommandContext) => !!st(ctx).doc;
const hasArticle = (ctx: CommandContext) => scopeAvailable(ctx.store, 'article');

export const editorCommands: Command[] = [
  ...CLEANUP_SCOPES.map((scope): Command => ({
    id: `cleanup.${scope}`,
    capture: 'record',
    labelKey: `editors.cleanup.cmd.${scope}`,
    group: scope === 'selection' ? 'fragment' : scope === 'article' ? 'article' : 'edit',
    enabled: (ctx) => scopeAvailable(ctx.store, scope),
    run: (ctx) => {
      openCleanup(ctx.store, scope);
    },
  })),
  {
    id: 'find.open',
    capture: 'record',
    labelKey: 'editors.find.cmd',
    group: 'edit',
    keys: ['Ctrl+H'],
    enabled: hasDoc,
    run: (ctx) => {
      // The selected text of a text field is the natural thing to look for.
      const sel = typeof window !== 'undefined' ? (window.getSelection?.()?.toString() ?? '') : '';
      openFind(ctx.store, sel && sel.length < 100 && !sel.includes('\n') ? sel : undefined);
    },
  },
  {
    id: 'review.advance',
    capture: 'record',
    labelKey: 'editors.review.cmdAdvance',
    group: 'article',
    keys: ['F9'],
    enabled: hasArticle,
    run: (ctx) => advanceStatus(ctx),
  },
  {
    id: 'review.whatChanged',
    capture: 'record',
    labelKey: 'editors.review.cmdWhatChanged',
    group: 'article',
    keys: ['Shift+F9'],
    enabled: hasArticle,
    run: (ctx) => {
      reviewPanel(ctx.store).setState({ articleId: st(ctx).selectedArticle });
    },
  },
  {
    id: 'file.export',
    capture: 'record',
    labelKey: 'editors.export.cmd',
    group: 'file',
    keys: ['Ctrl+E'],
    enabled: hasDoc,
    run: (ctx) => {
      openExport(ctx.store);
    },
  },
];
