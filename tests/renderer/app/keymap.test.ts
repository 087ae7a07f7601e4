import { describe, expect, it } from 'vitest';
import { handleKey, shortcutOf } from '../../../renderer/src/app/keymap';
import { findFragment } from '@shared/model/lookup';
import { makeCtx, tinyIssue } from '../workbench-harness';

function key(
  init: KeyboardEventInit & { target?: EventTarget; composing?: boolean; legacy229?: boolean },
): KeyboardEvent {
  const e = new KeyboardEvent('keydown', {
    bubbles: true,
    cancelable: true,
    ...init,
    isComposing: init.composing ?? false,
  });
  if (init.legacy229) Object.defineProperty(e, 'keyCode', { value: 229 });
  Object.defineProperty(e, 'target', { value: init.target ?? document.body });
  return e;
}

function setup() {
  const ctx = makeCtx('en');
  ctx.store.getState().load(tinyIssue(), null);
  ctx.store.getState().apply({ type: 'createArticle', articleId: 'a1', fragmentIds: ['p1.1', 'p1.2'] });
  ctx.store.getState().select(['p1.4']);
  return ctx;
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('keyboard shortcuts', () => {
  it('normalizes events: Cmd counts as Ctrl, digits by physical key, Shift is part of symbols', () => {
    expect(shortcutOf({ key: 'z', code: 'KeyZ', ctrlKey: true, metaKey: false, altKey: false, shiftKey: true })).toBe(
      'Ctrl+Shift+Z',
    );
    expect(shortcutOf({ key: 'z', code: 'KeyZ', ctrlKey: false, metaKey: true, altKey: false, shiftKey: false })).toBe(
      'Ctrl+Z',
    );
    expect(shortcutOf({ key: '!', code: 'Digit1', ctrlKey: true, metaKey: false, altKey: false, shiftKey: true })).toBe(
      'Ctrl+Shift+1',
    );
    expect(shortcutOf({ key: '?', code: 'Slash', ctrlKey: false, metaKey: false, altKey: false, shiftKey: true })).toBe(
      '?',
    );
    expect(
      shortcutOf({ key: 'ArrowUp', code: 'ArrowUp', ctrlKey: false, metaKey: false, altKey: true, shiftKey: false }),
    ).toBe('Alt+ArrowUp');
  });

  it('Ctrl+1 sends the selection to article 1; Ctrl+Z undoes it', async () => {
    const ctx = setup();
    expect(handleKey(key({ key: '1', code: 'Digit1', ctrlKey: true }), ctx)).toBe(true);
    await flush();
    expect(ctx.store.getState().doc!.articles[0].items.map((i) => i.id)).toEqual(['p1.1', 'p1.2', 'p1.4']);
    handleKey(key({ key: 'z', code: 'KeyZ', ctrlKey: true }), ctx);
    await flush();
    expect(ctx.store.getState().doc!.articles[0].items.map((i) => i.id)).toEqual(['p1.1', 'p1.2']);
  });

  it('never acts during an IME composition (isComposing or the legacy keyCode 229)', async () => {
    const ctx = setup();
    const before = ctx.store.getState().doc;
    expect(handleKey(key({ key: '1', code: 'Digit1', ctrlKey: true, composing: true }), ctx)).toBe(false);
    expect(handleKey(key({ key: 'Delete', code: 'Delete', legacy229: true }), ctx)).toBe(false);
    expect(handleKey(key({ key: 'r', code: 'KeyR', composing: true }), ctx)).toBe(false);
    await flush();
    expect(ctx.store.getState().doc).toBe(before);
    expect(ctx.store.getState().rolePending).toBe(false);
  });

  it('R then a letter sets the role; single keys are ignored in text fields', async () => {
    const ctx = setup();
    expect(handleKey(key({ key: 'r', code: 'KeyR' }), ctx)).toBe(true);
    expect(ctx.store.getState().rolePending).toBe(true);
    handleKey(key({ key: 'b', code: 'KeyB' }), ctx);
    await flush();
    expect(findFragment(ctx.store.getState().doc!, 'p1.4')!.role).toBe('byline');

    const input = document.createElement('input');
    document.body.append(input);
    expect(handleKey(key({ key: 'Delete', code: 'Delete', target: input }), ctx)).toBe(false);
    expect(handleKey(key({ key: 'r', code: 'KeyR', target: input }), ctx)).toBe(false);
    // Native undo stays with the text field; Ctrl+S still saves from anywhere.
    expect(handleKey(key({ key: 'z', code: 'KeyZ', ctrlKey: true, target: input }), ctx)).toBe(false);
    ctx.host.answer('dialog.saveIssueAs', 'x.galley.json');
    expect(handleKey(key({ key: 's', code: 'KeyS', ctrlKey: true, target: input }), ctx)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(ctx.host.files.has('x.galley.json')).toBe(true);
    input.remove();
  });

  it('↑/↓ walk the focused pane and Shift extends from the anchor', async () => {
    const ctx = setup();
    ctx.store.getState().focusPane('page');
    ctx.store.getState().select(['p1.2']);
    handleKey(key({ key: 'ArrowDown', code: 'ArrowDown' }), ctx);
    await flush();
    expect(ctx.store.getState().selection).toEqual(['p1.3']);
    handleKey(key({ key: 'ArrowDown', code: 'ArrowDown', shiftKey: true }), ctx);
    handleKey(key({ key: 'ArrowDown', code: 'ArrowDown', shiftKey: true }), ctx);
    await flush();
    expect(ctx.store.getState().selection).toEqual(['p1.3', 'p1.4', 'p1.5']);
    handleKey(key({ key: 'ArrowUp', code: 'ArrowUp', shiftKey: true }), ctx);
    await flush();
    expect(ctx.store.getState().selection).toEqual(['p1.3', 'p1.4']);
  });
});
