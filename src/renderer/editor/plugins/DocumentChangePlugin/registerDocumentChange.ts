import type { LexicalEditor } from 'lexical';
import type { Document } from '../../../../shared/document/nodes.ts';
import { editorStateToDocument } from '../../documentState.ts';

/**
 * Calls `onChange` with the whole document after every change of content: not after a change
 * of selection only, not for the initial state, and not while an input method is composing
 * (the pinyin being typed is not text yet: the change is reported once the composition ends,
 * with the characters chosen).
 */
export function registerDocumentChange(
  editor: LexicalEditor,
  onChange: (doc: Document) => void,
): () => void {
  let pending = false;
  return editor.registerUpdateListener(
    ({ editorState, dirtyElements, dirtyLeaves, prevEditorState }) => {
      const changed = dirtyElements.size > 0 || dirtyLeaves.size > 0;
      if (changed && prevEditorState.isEmpty()) return; // the initial state being set
      if (editor.isComposing()) {
        if (changed) pending = true;
        return;
      }
      if (!changed && !pending) return;
      pending = false;
      onChange(editorStateToDocument(editorState));
    },
  );
}
