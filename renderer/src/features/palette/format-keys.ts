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

/** Shortcut strings for display: `Alt+ArrowUp` → `Alt+↑`, chords `R K` → `R, K`, alternatives joined by ` / `. */
export function formatKeys(keys: readonly string[]): string {
  return keys
    .map((k) =>
      k
        .split(' ')
        .map((chord) =>
          chord
            .split('+')
            .map((p) => NAMES[p] ?? p)
            .join('+'),
        )
        .join(', '),
    )
    .join(' / ');
}
