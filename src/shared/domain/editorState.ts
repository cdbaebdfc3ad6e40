import { z } from 'zod';

/**
 * A serialized Lexical editor state, as `editor.getEditorState().toJSON()` produces it.
 * The contract checks only its envelope (a root node with children); the content renderers
 * validate node by node. Bounded so a runaway paste cannot fill the database.
 */
export const MAX_EDITOR_STATE_BYTES = 8 * 1024 * 1024;

export const EditorStateSchema = z
  .object({
    root: z
      .object({
        type: z.literal('root'),
        children: z.array(z.unknown()),
      })
      .loose(),
  })
  .loose()
  .refine((state) => JSON.stringify(state).length <= MAX_EDITOR_STATE_BYTES, {
    message: `The document is larger than ${MAX_EDITOR_STATE_BYTES / 1024 / 1024} MB.`,
  });
export type EditorState = z.infer<typeof EditorStateSchema>;

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
