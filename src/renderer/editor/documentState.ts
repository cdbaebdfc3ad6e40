import type { EditorState, LexicalEditor } from 'lexical';
import type { Document } from '../../shared/document/nodes.ts';
import { emptyEditorState } from '../../shared/domain/editorState.ts';

/**
 * A saved document as the editor state of `editor` (which must know the release's nodes).
 * A document whose root has no children (Lexical refuses to apply an empty state) gets the one
 * empty paragraph every new document starts with.
 */
export function documentToEditorState(editor: LexicalEditor, doc: Document): EditorState {
  return editor.parseEditorState(JSON.stringify(withAtLeastOneBlock(doc)));
}

export function withAtLeastOneBlock(doc: Document): Document {
  if (doc.root.children.length > 0) return doc;
  return { root: { ...doc.root, children: emptyEditorState().root.children } };
}

/**
 * The document an editor state stands for. The cast is the editor's contract, not a hope: the
 * editor registers only the model's nodes and the model guard keeps their fields in it; the
 * unit tests parse what the editor produces with DocumentSchema.
 */
export function editorStateToDocument(state: EditorState): Document {
  return state.toJSON() as unknown as Document;
}
