import { ROLES } from '@shared/model/schema';
import type { CommandContext } from '../commands/types';
import { runCommand } from '../commands/registry';
import { ROLE_KEYS } from '../features/board/editorial';

/** Keys that print a symbol: Shift is part of the symbol, not a modifier ("?" is Shift+/ on most layouts). */
const SYMBOL = /^[^A-Za-z0-9]$/;

/** The canonical shortcut string of a key event: `Ctrl+Alt+Shift+Key`, Cmd counting as Ctrl. */
export function shortcutOf(
  e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): string {
  let key = e.key;
  // Digits by physical key, so Ctrl+1 works whatever Shift or the layout makes of it.
  if (/^Digit\d$/.test(e.code)) key = e.code.slice(5);
  else if (key.length === 1) key = key.toUpperCase();
  const symbol = SYMBOL.test(key) && !/^\d$/.test(key);
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey && !symbol) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

function isEditable(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return !!el.closest('input, textarea, select, [contenteditable="true"], .monaco-editor');
}

const roleByLetter = new Map(ROLES.map((r) => [ROLE_KEYS[r], r]));

/**
 * The app-wide key handler. Never acts during an IME composition (a Chinese input method uses Enter, digits and
 * letters to pick characters). Keys without Ctrl/Alt (arrows, Delete, R…, ?) act only outside text fields.
 * Returns true when it handled the event (and prevented the default).
 */
export function handleKey(e: KeyboardEvent, ctx: CommandContext): boolean {
  if (e.isComposing || e.keyCode === 229) return false;
  const s = ctx.store.getState();
  const editable = isEditable(e.target);
  const sc = shortcutOf(e);
  if (s.paletteOpen) return false;
  if (s.helpOpen && sc === 'Escape') {
    s.set({ helpOpen: false });
    e.preventDefault();
    return true;
  }
  if (s.rolePending) {
    s.set({ rolePending: false });
    const role = roleByLetter.get(sc);
    if (role && !editable) {
      e.preventDefault();
      void runCommand(`fragment.role.${role}`, ctx);
      return true;
    }
    if (sc === 'Escape') {
      e.preventDefault();
      return true;
    }
  }
  const hasMod = /^(Ctrl|Alt)\+/.test(sc) || /^F\d+$/.test(sc);
  if (!editable && sc === 'R') {
    s.set({ rolePending: true });
    e.preventDefault();
    return true;
  }
  const id = ctx.commands.forShortcut(sc);
  if (!id) return false;
  if (editable && !hasMod) return false;
  // Enter on a focused button or link activates it; it must not also open the editor.
  if (sc === 'Enter' && (e.target as HTMLElement | null)?.closest?.('button, a, [role="menuitem"]')) return false;
  // Native undo in plain text fields (article title); the editor routes its own Ctrl+Z to the app history.
  if (editable && (id === 'edit.undo' || id === 'edit.redo') && !(e.target as HTMLElement).closest('.monaco-editor'))
    return false;
  e.preventDefault();
  void runCommand(id, ctx);
  return true;
}
