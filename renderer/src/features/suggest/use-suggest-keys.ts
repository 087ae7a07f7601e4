import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useAppContext } from '../../app-context';
import { isEnabled, runCommand } from '../../commands/registry';
import { suggestController } from './suggest-state';
import type { CommandId } from '@shared/commands/ids';

/** Enter / Esc / 1-2-3 while the suggestions panel is open (accept / reject the focused suggestion). */
const KEYS: Record<string, CommandId> = {
  Enter: 'suggest.acceptFocused',
  Escape: 'suggest.rejectFocused',
  1: 'suggest.pick1',
  2: 'suggest.pick2',
  3: 'suggest.pick3',
};

function isEditable(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el?.closest?.('input, textarea, select, [contenteditable="true"], .monaco-editor');
}

/**
 * Listens in the capture phase on the document, so it runs before the app-wide handler on window (which binds
 * Enter to "open the editor") and stops the event there only when it acts. Never during an IME composition,
 * in a text field, with modifiers, or while the palette or help is open; Enter on a button stays the button's.
 */
export function useSuggestKeys(): void {
  const ctx = useAppContext();
  const open = useStore(suggestController(ctx.store).state, (s) => s.open);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || e.keyCode === 229 || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
      const s = ctx.store.getState();
      if (s.paletteOpen || s.helpOpen || s.rolePending || isEditable(e.target)) return;
      const digit = /^Digit[123]$/.test(e.code) ? e.code.slice(5) : e.key;
      const id = KEYS[digit];
      if (!id) return;
      if (e.key === 'Enter' && (e.target as HTMLElement | null)?.closest?.('button, a, [role="menuitem"]')) return;
      const cmd = ctx.commands.find(id);
      // Esc with nothing to reject closes the panel; other keys without a target keep their usual meaning.
      const run = cmd && isEnabled(cmd, ctx) ? id : id === 'suggest.rejectFocused' ? 'suggest.close' : null;
      if (!run) return;
      void runCommand(run, ctx);
      e.preventDefault();
      e.stopPropagation();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [open, ctx]);
}
