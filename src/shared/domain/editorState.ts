import { z } from 'zod';
import { DocumentSchema, type Document } from '../document/nodes.ts';

/**
 * A release body: the Lexical editor state, as `editor.getEditorState().toJSON()` produces it,
 * checked node by node against the document model (src/shared/document/nodes.ts). Bounded so
 * a runaway paste cannot fill the database.
 */
export const MAX_EDITOR_STATE_BYTES = 8 * 1024 * 1024;

export const EditorStateSchema = z
  .unknown()
  .refine((state) => JSON.stringify(state ?? null).length <= MAX_EDITOR_STATE_BYTES, {
    message: `The document is larger than ${MAX_EDITOR_STATE_BYTES / 1024 / 1024} MB.`,
    abort: true,
  })
  .pipe(DocumentSchema);
export type EditorState = Document;

/** The state of a new, empty document: one empty paragraph, as Lexical itself starts. */
export function emptyEditorState(): EditorState {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          children: [],
        },
      ],
    },
  };
}
