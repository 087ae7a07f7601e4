import { describe, expect, it } from 'vitest';
import { formatKeys, keyPlatform } from '../../../../renderer/src/features/palette/format-keys';

/** Shortcut labels follow the platform: Ctrl on Linux and Windows, ⌘ (with ⇧⌥ before it) on macOS. */
describe('formatKeys', () => {
  it('spells Ctrl on Linux and Windows', () => {
    expect(formatKeys(['Ctrl+O'], 'other')).toBe('Ctrl+O');
    expect(formatKeys(['Ctrl+Shift+S'], 'other')).toBe('Ctrl+Shift+S');
    expect(formatKeys(['Alt+ArrowUp', 'R K'], 'other')).toBe('Alt+↑ / R, K');
  });

  it('uses the macOS symbols in macOS order', () => {
    expect(formatKeys(['Ctrl+O'], 'mac')).toBe('⌘O');
    expect(formatKeys(['Ctrl+Shift+S'], 'mac')).toBe('⇧⌘S');
    expect(formatKeys(['Ctrl+Alt+Shift+Z'], 'mac')).toBe('⇧⌥⌘Z');
    expect(formatKeys(['F8', 'R K'], 'mac')).toBe('F8 / R, K');
  });

  it('tells the platform from the browser', () => {
    expect(keyPlatform({ platform: 'MacIntel', userAgent: '' })).toBe('mac');
    expect(keyPlatform({ platform: 'Linux x86_64', userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' })).toBe('other');
    expect(keyPlatform({ platform: 'Win32', userAgent: 'Mozilla/5.0 (Windows NT 10.0)' })).toBe('other');
  });
});
