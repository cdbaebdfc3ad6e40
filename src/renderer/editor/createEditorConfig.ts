import type { CreateEditorArgs } from 'lexical';
import { RELEASE_EDITOR_NAMESPACE, RELEASE_EDITOR_NODES } from './editorNodes.ts';
import { editorTheme } from './theme/editorTheme.ts';

export interface EditorConfigOptions {
  editable?: boolean;
  /** Called with errors Lexical raises while updating; the default rethrows them. */
  onError?: (error: Error) => void;
}

/**
 * The configuration of a plain `createEditor()` that knows every node of a release, e.g. to
 * read or render a saved document outside the React editor. It registers no behaviour: for an
 * editor that also corrects its content into the model, build one from
 * createReleaseEditorExtension() instead.
 */
export function createEditorConfig(options: EditorConfigOptions = {}): CreateEditorArgs {
  return {
    namespace: RELEASE_EDITOR_NAMESPACE,
    nodes: [...RELEASE_EDITOR_NODES],
    theme: editorTheme,
    editable: options.editable ?? true,
    onError:
      options.onError ??
      ((error: Error) => {
        throw error;
      }),
  };
}
