/**
 * Every command id of the app: the keyboard, the palette, the renderer's command definitions and the native menu
 * (electron/desktop/main/menu.ts, which sends them as `command.run`) are all type-checked against this list, and
 * tests/renderer/commands/commands.test.ts checks that each id has exactly one registered command. Ids are stable: a saved
 * keymap or a menu of an older build names them.
 */
export const COMMAND_IDS = [
  'file.new', 'file.open', 'file.import', 'file.save', 'file.saveAs', 'file.export.json', 'file.export.md', 'file.export.txt', 'file.export.html', 'file.export.docx', 'file.export.nitf', 'file.export.zip', 'file.export.mets-alto', 'file.export.page', 'file.export',
  'select.prev', 'select.next', 'select.extendPrev', 'select.extendNext',
  'edit.undo', 'edit.redo',
  'editor.focus',
  'pane.page', 'pane.board', 'pane.editor',
  'page.next', 'page.prev',
  'article.newFromSelection',
  'fragment.toArticle1', 'fragment.toArticle2', 'fragment.toArticle3', 'fragment.toArticle4', 'fragment.toArticle5', 'fragment.toArticle6', 'fragment.toArticle7', 'fragment.toArticle8', 'fragment.toArticle9', 'fragment.moveUp', 'fragment.moveDown', 'fragment.join', 'fragment.unjoin', 'fragment.split', 'fragment.merge', 'fragment.discard', 'fragment.toPool', 'fragment.role.kicker', 'fragment.role.headline', 'fragment.role.deck', 'fragment.role.subhead', 'fragment.role.dateline', 'fragment.role.byline', 'fragment.role.body', 'fragment.role.caption', 'fragment.role.credit', 'fragment.role.jump', 'fragment.role.other',
  'openEnd.lost', 'openEnd.elsewhere', 'openEnd.ends', 'openEnd.unresolve',
  'problem.next', 'problem.previous',
  'view.overview', 'view.palette', 'view.help', 'view.language', 'view.scan', 'view.scanSideBySide',
  'suggest.page', 'suggest.article', 'suggest.acceptFocused', 'suggest.rejectFocused', 'suggest.acceptArticle', 'suggest.acceptAll', 'suggest.next', 'suggest.prev', 'suggest.pick1', 'suggest.pick2', 'suggest.pick3', 'suggest.close',
  'cleanup.selection', 'cleanup.article', 'cleanup.issue',
  'find.open',
  'review.advance', 'review.whatChanged',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

const known: ReadonlySet<string> = new Set(COMMAND_IDS);

/** True for a string that names a command (a `command.run` id from the host is checked with this). */
export function isCommandId(id: string): id is CommandId {
  return known.has(id);
}
