// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  matchShortcut,
  shortcutLabel,
  type ShortcutKeyEvent,
} from '../../../../src/renderer/editor/plugins/ShortcutsPlugin/matchShortcut.ts';

const press = (event: Partial<ShortcutKeyEvent>): ShortcutKeyEvent => ({
  key: '',
  code: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  isComposing: false,
  keyCode: 0,
  ...event,
});

describe('matchShortcut', () => {
  it('maps Ctrl+Alt+1…4 to the heading levels and Ctrl+Alt+0 to body text (Cmd+Alt on a Mac)', () => {
    for (const [digit, block] of [
      ['0', 'paragraph'],
      ['1', 'h1'],
      ['2', 'h2'],
      ['3', 'h3'],
      ['4', 'h4'],
    ] as const) {
      const windows = press({ ctrlKey: true, altKey: true, code: `Digit${digit}`, key: digit });
      expect(matchShortcut(windows, false)).toEqual({ type: 'block', block });
      // On a Mac, Option changes the key ("¡"); the physical key still says which level.
      const mac = press({ metaKey: true, altKey: true, code: `Digit${digit}`, key: '¡' });
      expect(matchShortcut(mac, true)).toEqual({ type: 'block', block });
    }
    expect(matchShortcut(press({ ctrlKey: true, altKey: true, code: 'Digit5' }), false)).toBeNull();
  });

  it('maps Ctrl+K, Ctrl+Shift+X, Ctrl+Shift+8/7 and Ctrl+\\', () => {
    expect(matchShortcut(press({ ctrlKey: true, key: 'k', code: 'KeyK' }), false)).toEqual({
      type: 'link',
    });
    expect(matchShortcut(press({ metaKey: true, key: 'k', code: 'KeyK' }), true)).toEqual({
      type: 'link',
    });
    expect(
      matchShortcut(press({ ctrlKey: true, shiftKey: true, key: 'X', code: 'KeyX' }), false),
    ).toEqual({
      type: 'strikethrough',
    });
    expect(
      matchShortcut(press({ ctrlKey: true, shiftKey: true, key: '*', code: 'Digit8' }), false),
    ).toEqual({
      type: 'bulletList',
    });
    expect(
      matchShortcut(press({ ctrlKey: true, shiftKey: true, key: '&', code: 'Digit7' }), false),
    ).toEqual({
      type: 'numberList',
    });
    expect(matchShortcut(press({ ctrlKey: true, key: '\\', code: 'Backslash' }), false)).toEqual({
      type: 'clearFormatting',
    });
  });

  it('leaves Lexical its own shortcuts and plain typing alone', () => {
    expect(matchShortcut(press({ ctrlKey: true, key: 'b', code: 'KeyB' }), false)).toBeNull();
    expect(matchShortcut(press({ key: 'k', code: 'KeyK' }), false)).toBeNull();
    // Ctrl on a Mac is not Cmd: Ctrl+K deletes to the end of the line there.
    expect(matchShortcut(press({ ctrlKey: true, key: 'k', code: 'KeyK' }), true)).toBeNull();
  });

  it('does nothing while an input method composes', () => {
    expect(
      matchShortcut(press({ ctrlKey: true, key: 'k', code: 'KeyK', isComposing: true }), false),
    ).toBeNull();
    // The keydown a composing IME sends before compositionstart carries keyCode 229.
    expect(
      matchShortcut(
        press({ ctrlKey: true, altKey: true, code: 'Digit1', key: 'Process', keyCode: 229 }),
        false,
      ),
    ).toBeNull();
  });
});

describe('shortcutLabel', () => {
  it('writes shortcuts as each platform does', () => {
    expect(shortcutLabel(['Mod', 'Alt', '1'], false)).toBe('Ctrl+Alt+1');
    expect(shortcutLabel(['Mod', 'Alt', '1'], true)).toBe('⌘⌥1');
    expect(shortcutLabel(['Mod', 'Shift', 'Z'], true)).toBe('⌘⇧Z');
  });
});
