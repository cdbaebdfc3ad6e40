import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import type { BaseSelection, LexicalEditor } from 'lexical';
import { MEDIA_HASH_ATTRIBUTE } from '../../nodes/ImageNode/ImageNode.tsx';
import type { ImportedImage } from '../ImagePlugin/importImageFiles.ts';
import type { CleanedPaste, DOMParserLike } from './cleanPastedHtml.ts';
import { PASTE_IMAGE_ATTRIBUTE } from './writePasteHtml.ts';

/**
 * Inserts a cleaned paste at `selection` with Lexical's own conversion ($generateNodesFromDOM,
 * then $insertGeneratedNodes, as Lexical's paste does). Each image placeholder becomes the
 * library image it was imported as, or disappears when its import failed. Call inside
 * editor.update().
 */
export function $insertCleanPaste(
  editor: LexicalEditor,
  cleaned: Pick<CleanedPaste, 'html'>,
  imported: ReadonlyMap<number, ImportedImage>,
  parser: DOMParserLike,
  selection: BaseSelection,
): void {
  const dom = parser.parseFromString(cleaned.html, 'text/html');
  for (const img of Array.from(dom.querySelectorAll(`img[${PASTE_IMAGE_ATTRIBUTE}]`))) {
    const image = imported.get(Number(img.getAttribute(PASTE_IMAGE_ATTRIBUTE)));
    img.removeAttribute(PASTE_IMAGE_ATTRIBUTE);
    if (!image) {
      img.remove();
      continue;
    }
    img.setAttribute(MEDIA_HASH_ATTRIBUTE, image.hash);
    if (image.width !== null) img.setAttribute('width', String(image.width));
    if (image.height !== null) img.setAttribute('height', String(image.height));
  }
  const nodes = $generateNodesFromDOM(editor, dom);
  $insertGeneratedNodes(editor, nodes, selection);
}
