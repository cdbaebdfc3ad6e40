/** The editor's own shortcuts (Lexical handles bold, italic, underline, undo and redo itself). */
export type ShortcutAction =
  | { type: 'block'; block: 'paragraph' | 'h1' | 'h2' | 'h3' | 'h4' }
  | { type: 'link' }
  | { type: 'strikethrough' }
  | { type: 'bulletList' }
  | { type: 'numberList' }
  | { type: 'clearFormatting' };

export type ShortcutKeyEvent = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'isComposing' | 'keyCode'
>;

const BLOCK_BY_DIGIT = {
  Digit0: 'paragraph',
  Digit1: 'h1',
  Digit2: 'h2',
  Digit3: 'h3',
  Digit4: 'h4',
} as const;

/**
 * The action a key press asks for, or null. "Mod" is Cmd on Apple keyboards and Ctrl elsewhere:
 * Mod+Alt+1…4 headings, Mod+Alt+0 body text, Mod+K link, Mod+Shift+X strikethrough,
 * Mod+Shift+8 bulleted and Mod+Shift+7 numbered list, Mod+\ clear formatting.
 *
 * Never while an input method is composing: the keys then pick characters (keyCode 229 is the
 * keydown a composing IME sends before compositionstart).
 */
export function matchShortcut(event: ShortcutKeyEvent, isApple: boolean): ShortcutAction | null {
  if (event.isComposing || event.keyCode === 229) return null;
  const mod = isApple ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!mod) return null;
  if (event.altKey && !event.shiftKey) {
    const block = BLOCK_BY_DIGIT[event.code as keyof typeof BLOCK_BY_DIGIT] as
      (typeof BLOCK_BY_DIGIT)[keyof typeof BLOCK_BY_DIGIT] | undefined;
    return block ? { type: 'block', block } : null;
  }
  if (event.altKey) return null;
  const key = event.key.toLowerCase();
  if (event.shiftKey) {
    if (key === 'x') return { type: 'strikethrough' };
    if (event.code === 'Digit8') return { type: 'bulletList' };
    if (event.code === 'Digit7') return { type: 'numberList' };
    return null;
  }
  if (key === 'k') return { type: 'link' };
  if (event.code === 'Backslash') return { type: 'clearFormatting' };
  return null;
}

/** How a shortcut is written in a button's title on this platform. */
export function shortcutLabel(keys: readonly string[], isApple: boolean): string {
  if (isApple) {
    const symbols: Readonly<Record<string, string>> = { Mod: '⌘', Alt: '⌥', Shift: '⇧', Ctrl: '⌃' };
    return keys.map((k) => symbols[k] ?? k).join('');
  }
  return keys.map((k) => (k === 'Mod' ? 'Ctrl' : k)).join('+');
}
