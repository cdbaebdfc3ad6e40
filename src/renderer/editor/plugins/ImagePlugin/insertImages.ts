import {
  $createParagraphNode,
  $insertNodes,
  $isRootOrShadowRoot,
  type LexicalEditor,
} from 'lexical';
import { $createImageNode, type ImagePayload } from '../../nodes/ImageNode/ImageNode.tsx';
import { $restoreSelection, type SavedSelection } from '../../shared/savedSelection.ts';

/**
 * Inserts library images where the caret was when the upload started (see savedSelection.ts).
 * Images are inline: inserted in the paragraph at the caret, or in a new paragraph when the
 * caret is not in one.
 */
export function insertImages(
  editor: LexicalEditor,
  images: readonly ImagePayload[],
  at: SavedSelection,
): void {
  if (images.length === 0) return;
  editor.update(() => {
    const selection = $restoreSelection(at);
    const nodes = images.map((image) => $createImageNode(image));
    if ($isRootOrShadowRoot(selection.anchor.getNode())) {
      const paragraph = $createParagraphNode().append(...nodes);
      $insertNodes([paragraph]);
    } else {
      $insertNodes(nodes);
    }
  });
}
