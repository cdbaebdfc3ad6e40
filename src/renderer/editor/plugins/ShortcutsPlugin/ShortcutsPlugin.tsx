import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createRangeSelectionFromDom,
  $setSelection,
  COMMAND_PRIORITY_NORMAL,
  getDOMSelection,
  IS_APPLE,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useEffect } from 'react';
import {
  clearFormatting,
  currentBlockType,
  setBlockType,
  toggleList,
  toggleStrikethrough,
} from '../ToolbarPlugin/blockFormat.ts';
import { OPEN_LINK_DIALOG_COMMAND } from '../ToolbarPlugin/openLinkDialogCommand.ts';
import { matchShortcut, type ShortcutAction } from './matchShortcut.ts';

/** The editor's keyboard shortcuts (matchShortcut.ts); nothing while an IME composes. */
export function ShortcutsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!editor.isEditable() || editor.isComposing()) return false;
          const action = matchShortcut(event, IS_APPLE);
          if (action === null) return false;
          event.preventDefault();
          $syncSelectionFromDom(editor);
          runShortcut(editor, action);
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );
  return null;
}

/**
 * Takes the selection from the DOM. A key pressed right after the caret moved (Shift+Home, a
 * click) can arrive before the browser's selectionchange has told Lexical: the shortcut must
 * act on the selection the person sees. Inside the keydown's update.
 */
function $syncSelectionFromDom(editor: LexicalEditor): void {
  const view = editor.getRootElement()?.ownerDocument.defaultView ?? null;
  const selection = $createRangeSelectionFromDom(getDOMSelection(view), editor);
  if (selection !== null) $setSelection(selection);
}

export function runShortcut(editor: LexicalEditor, action: ShortcutAction): void {
  switch (action.type) {
    case 'block':
      setBlockType(editor, action.block);
      return;
    case 'link':
      editor.dispatchCommand(OPEN_LINK_DIALOG_COMMAND, undefined);
      return;
    case 'strikethrough':
      toggleStrikethrough(editor);
      return;
    case 'bulletList':
      toggleList(editor, 'bullet', currentBlockType(editor));
      return;
    case 'numberList':
      toggleList(editor, 'number', currentBlockType(editor));
      return;
    case 'clearFormatting':
      clearFormatting(editor);
      return;
    default:
      action satisfies never;
  }
}
