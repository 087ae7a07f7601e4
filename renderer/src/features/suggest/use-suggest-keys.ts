import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useAppContext } from '../../app-context';
import { isEnabled, runCommand } from '../../commands/registry';
import { suggestController } from './suggest-state';
import { currentDoubt } from './doubt-queue';
import type { CommandId } from '@shared/commands/ids';

/** Enter / Esc / 1-2-3 while the suggestions panel is open (accept / reject the focused suggestion). */
const KEYS: Record<string, CommandId> = {
  Enter: 'suggest.acceptFocused',
  Escape: 'suggest.rejectFocused',
  1: 'suggest.pick1',
  2: 'suggest.pick2',
  3: 'suggest.pick3',
};

/** While the doubt queue stands on a decision (and the cursor is on it): its keys. */
const DOUBT_KEYS: Record<string, CommandId> = {
  Enter: 'doubt.confirm',
  Escape: 'doubt.skip',
  1: 'doubt.pick1',
  2: 'doubt.pick2',
  3: 'doubt.pick3',
  4: 'doubt.before1',
  5: 'doubt.before2',
  6: 'doubt.before3',
  J: 'doubt.join',
  B: 'doubt.break',
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
      const doubt = currentDoubt(ctx.store);
      const onDoubt = !!doubt && s.cursor === doubt.to;
      const key = /^Digit[1-6]$/.test(e.code) ? e.code.slice(5) : e.key.length === 1 ? e.key.toUpperCase() : e.key;
      const id = onDoubt ? DOUBT_KEYS[key] : KEYS[key];
      if (!id) return;
      if (e.key === 'Enter' && (e.target as HTMLElement | null)?.closest?.('button, a, [role="menuitem"]')) return;
      const cmd = ctx.commands.find(id);
      // Esc with nothing to reject closes the panel; other keys without a target keep their usual meaning.
      const run = cmd && isEnabled(cmd, ctx) ? id : id === 'suggest.rejectFocused' ? 'suggest.close' : null;
      // On a doubt, its keys are the queue's even when this one has nothing to do (no third alternative).
      if (run) void runCommand(run, ctx);
      else if (!onDoubt) return;
      e.preventDefault();
      e.stopPropagation();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [open, ctx]);
}
