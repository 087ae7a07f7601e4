import { monaco } from './monaco-setup';
import { useEffect, useRef } from 'react';
import Editor from '@monaco-editor/react';
import type { editor as MonacoEditorNs } from 'monaco-editor/editor';
import { useAppContext } from '../../app-context';
import { runCommand } from '../../commands/registry';

export interface FragmentEditorProps {
  fragmentId: string;
  text: string;
  dark: boolean;
}

/**
 * Editor options, one object for the life of the app: @monaco-editor/react calls `updateOptions` whenever the
 * `options` prop is a new object, and an inline literal made every keystroke (every re-render) re-apply them and
 * re-layout the editor (~6 ms per keystroke on the 100-page issue).
 */
const EDITOR_OPTIONS: MonacoEditorNs.IStandaloneEditorConstructionOptions = {
  wordWrap: 'on',
  wrappingStrategy: 'advanced',
  minimap: { enabled: false },
  lineNumbers: 'off',
  glyphMargin: false,
  folding: false,
  fontSize: 16,
  lineHeight: 27,
  fontFamily: '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif',
  unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false },
  renderWhitespace: 'boundary',
  scrollBeyondLastLine: false,
  automaticLayout: true,
  contextmenu: true,
  ariaLabel: 'fragment text',
};

/** How long the caret may move (typing) before its position is written to the store. */
const CARET_SETTLE_MS = 150;

/** `Ctrl+Shift+Z` → Monaco keybinding, for the app commands that must win over Monaco's own bindings. */
function keybinding(s: string): number | null {
  let code = 0;
  for (const part of s.split('+')) {
    if (part === 'Ctrl') code |= monaco.KeyMod.CtrlCmd;
    else if (part === 'Shift') code |= monaco.KeyMod.Shift;
    else if (part === 'Alt') code |= monaco.KeyMod.Alt;
    else if (/^[A-Z]$/.test(part)) code |= monaco.KeyCode[`Key${part}` as 'KeyA'];
    else if (/^\d$/.test(part)) code |= monaco.KeyCode[`Digit${part}` as 'Digit1'];
    else if (part === 'Enter') code |= monaco.KeyCode.Enter;
    else if (/^F\d+$/.test(part)) code |= monaco.KeyCode[part as 'F8'];
    else return null;
  }
  return code;
}

/**
 * Monaco on one fragment's text. Typing goes to the store (coalesced into one undo step per pause); Ctrl+Z,
 * Ctrl+Enter (split at the caret) and the other Ctrl shortcuts run app commands, so there is one undo stack.
 */
export default function MonacoFragmentEditor({ fragmentId, text, dark }: FragmentEditorProps) {
  const ctx = useAppContext();
  const edRef = useRef<MonacoEditorNs.IStandaloneCodeEditor | null>(null);
  const idRef = useRef(fragmentId);
  idRef.current = fragmentId;
  // The caret reaches the store a moment after it settles, or at once when the editor loses focus: set
  // on every keystroke it was a second store update (every subscribed selector re-run) inside Monaco's keypress.
  // Commands run from the editor read the caret from Monaco itself (`caretOffset`); the stored one is the
  // fallback for a split started elsewhere, which always comes after a blur.
  const caret = useRef<{
    pending: { fragmentId: string; offset: number } | null;
    timer: ReturnType<typeof setTimeout> | null;
  }>({ pending: null, timer: null });
  const flushCaret = () => {
    const c = caret.current;
    if (c.timer) clearTimeout(c.timer);
    c.timer = null;
    const p = c.pending;
    c.pending = null;
    // Dropped when the editor moved on to another fragment meanwhile (its caret is already on its way).
    if (p && p.fragmentId === idRef.current) ctx.store.getState().setCaret(p);
  };
  useEffect(
    () => () => {
      const c = caret.current;
      if (c.timer) clearTimeout(c.timer);
      c.timer = null;
      c.pending = null;
    },
    [],
  );

  useEffect(() => {
    ctx.editor.current = {
      focus: () => edRef.current?.focus(),
      fragmentId: () => (edRef.current ? idRef.current : null),
      caretOffset: () => {
        const ed = edRef.current;
        const pos = ed?.getPosition();
        const model = ed?.getModel();
        return pos && model && ed?.hasTextFocus() ? model.getOffsetAt(pos) : null;
      },
    };
    return () => {
      ctx.editor.current = null;
    };
  }, [ctx]);

  return (
    <Editor
      value={text}
      language="plaintext"
      theme={dark ? 'vs-dark' : 'vs'}
      loading={null}
      options={EDITOR_OPTIONS}
      onMount={(ed) => {
        edRef.current = ed;
        for (const cmd of ctx.commands.all) {
          for (const k of cmd.keys ?? []) {
            if (!k.startsWith('Ctrl+') && !/^F\d+$/.test(k)) continue;
            const kb = keybinding(k);
            if (kb !== null)
              ed.addCommand(kb, () => {
                void runCommand(cmd.id, ctx);
              });
          }
        }
        ed.onDidChangeCursorPosition((e) => {
          const model = ed.getModel();
          if (!model) return;
          const c = caret.current;
          c.pending = { fragmentId: idRef.current, offset: model.getOffsetAt(e.position) };
          if (!c.timer) c.timer = setTimeout(flushCaret, CARET_SETTLE_MS);
        });
        ed.onDidBlurEditorText(flushCaret);
        ed.onDidFocusEditorText(() => ctx.store.getState().focusPane('editor'));
      }}
      onChange={(value) => {
        if (value !== undefined) ctx.store.getState().typeText(idRef.current, value);
      }}
    />
  );
}
