const NAMES: Record<string, string> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Enter: 'Enter',
  Delete: 'Del',
  Backspace: '⌫',
  PageUp: 'PgUp',
  PageDown: 'PgDn',
};

/** macOS names modifiers by symbol and writes them without `+` (⇧⌘S); Ctrl means Cmd there (keymap.ts). */
const MAC_NAMES: Record<string, string> = { Ctrl: '⌘', Alt: '⌥', Shift: '⇧' };

export type KeyPlatform = 'mac' | 'other';

/** The platform the labels are for: macOS by the browser's own report, everything else spells Ctrl. */
export function keyPlatform(
  nav: { platform?: string; userAgent?: string } | undefined = globalThis.navigator,
): KeyPlatform {
  const p = `${nav?.platform ?? ''} ${nav?.userAgent ?? ''}`;
  return /Mac|iPhone|iPad/i.test(p) ? 'mac' : 'other';
}

/**
 * Shortcut strings for display: `Alt+ArrowUp` → `Alt+↑`, chords `R K` → `R, K`, alternatives joined by ` / `.
 * On macOS `Ctrl+Shift+S` reads `⇧⌘S`; elsewhere `Ctrl+Shift+S`.
 */
export function formatKeys(keys: readonly string[], platform: KeyPlatform = keyPlatform()): string {
  return keys
    .map((k) =>
      k
        .split(' ')
        .map((chord) => {
          const parts = chord.split('+').map((p) => NAMES[p] ?? p);
          if (platform !== 'mac') return parts.join('+');
          const mods = parts.slice(0, -1);
          const order = ['Shift', 'Alt', 'Ctrl']; // macOS order: ⇧⌥⌘ before the key
          mods.sort((a, b) => order.indexOf(a) - order.indexOf(b));
          return mods.map((m) => MAC_NAMES[m] ?? m).join('') + parts[parts.length - 1];
        })
        .join(', '),
    )
    .join(' / ');
}
