import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { type Ref, useEffect, useImperativeHandle } from 'react';
import { revealRange } from '../HighlightPlugin/revealRange.ts';

/** What the page holding a ReleaseEditor can ask of it (through its `ref`). */
export interface ReleaseEditorHandle {
  /**
   * Scrolls to characters [start, end) of block `blockIndex` (plainTextBlocks() numbering) and
   * flashes them; false when they no longer exist.
   */
  revealRange(target: { blockIndex: number; start: number; end: number }): boolean;
  focus(): void;
  /** The Lexical editor itself, for tools beyond this handle. */
  getEditor(): LexicalEditor;
}

/** Exposes the handle, and keeps the editor's editability in step with `readOnly`. */
export function EditorHandlePlugin({
  handleRef,
  readOnly,
}: {
  handleRef: Ref<ReleaseEditorHandle> | undefined;
  readOnly: boolean;
}) {
  const [editor] = useLexicalComposerContext();
  useImperativeHandle(
    handleRef,
    () => ({
      revealRange: (target) => revealRange(editor, target),
      focus: () => editor.focus(),
      getEditor: () => editor,
    }),
    [editor],
  );
  useEffect(() => {
    if (editor.isEditable() === readOnly) editor.setEditable(!readOnly);
  }, [editor, readOnly]);
  return null;
}
