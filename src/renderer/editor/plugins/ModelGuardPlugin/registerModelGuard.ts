import { $isListNode } from '@lexical/list';
import { $isHorizontalRuleNode, HorizontalRuleNode } from '@lexical/extension';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { TableCellNode } from '@lexical/table';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $isDecoratorNode,
  $isElementNode,
  $isLineBreakNode,
  $isParagraphNode,
  $isRootNode,
  $isTextNode,
  type LexicalEditor,
  type LexicalNode,
  ParagraphNode,
  TextNode,
} from 'lexical';
import { safeLinkUrl } from '../../../../shared/document/safeUrl.ts';

/** The rel every saved link carries (DocumentSchema forces it too). */
export const LINK_REL = 'noopener noreferrer';

/**
 * Keeps the editor state inside the document model (src/shared/document/nodes.ts) whatever
 * path content took to get in: typing, the toolbar, a paste from Word, a Lexical clipboard
 * payload from another page, a drop. The store would refuse or rewrite what breaks the model;
 * correcting it here means what onChange hands the parent is what the store saves.
 *
 * - links: only http, https and mailto (safeLinkUrl); anything else is unwrapped to its text.
 *   The URL is stored normalized, rel is `noopener noreferrer`, target is never set, and a
 *   link holds only text, line breaks and tabs (an image is moved out after it).
 * - text and paragraphs carry no inline style.
 * - a table cell holds paragraphs, headings and lists only (a quote becomes a paragraph,
 *   anything else its text).
 * - a horizontal rule is a top-level block (one inserted in a cell or a list moves after it).
 *
 * Each transform does nothing but a property read when the node is already valid, so typing
 * pays almost nothing for it.
 */
export function registerModelGuard(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerNodeTransform(LinkNode, $guardLink),
    editor.registerNodeTransform(AutoLinkNode, $guardLink),
    editor.registerNodeTransform(TextNode, (node) => {
      if (node.getStyle() !== '') node.setStyle('');
    }),
    editor.registerNodeTransform(ParagraphNode, (node) => {
      if (node.getTextStyle() !== '') node.setTextStyle('');
    }),
    editor.registerNodeTransform(TableCellNode, $guardTableCell),
    editor.registerNodeTransform(HorizontalRuleNode, $guardTopLevelBlock),
  );
}

function $guardLink(link: LinkNode): void {
  const url = safeLinkUrl(link.getURL());
  if (url === undefined) {
    for (const child of link.getChildren()) link.insertBefore(child);
    link.remove();
    return;
  }
  if (url !== link.getURL()) link.setURL(url);
  if (link.getRel() !== LINK_REL) link.setRel(LINK_REL);
  if (link.getTarget() !== null) link.setTarget(null);
  const children = link.getChildren();
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i];
    if (child && !$isTextNode(child) && !$isLineBreakNode(child)) link.insertAfter(child);
  }
  if (link.isEmpty()) link.remove();
}

function $guardTableCell(cell: TableCellNode): void {
  for (const child of cell.getChildren()) {
    if ($isParagraphNode(child) || $isHeadingNode(child) || $isListNode(child)) continue;
    if ($isQuoteNode(child)) {
      const paragraph = $createParagraphNode();
      paragraph.append(...child.getChildren());
      child.replace(paragraph);
    } else if ($isHorizontalRuleNode(child)) {
      continue; // moved out by its own transform
    } else if ($isElementNode(child) && !child.isInline()) {
      child.replace($createParagraphNode().append($createTextNode(child.getTextContent())));
    } else if ($isDecoratorNode(child) && !child.isInline()) {
      child.remove();
    } else {
      // Inline content directly in a cell: Lexical wraps it on its own; keep it in a paragraph.
      const paragraph = $createParagraphNode();
      child.insertBefore(paragraph);
      paragraph.append(child);
    }
  }
}

function $guardTopLevelBlock(node: LexicalNode): void {
  let top: LexicalNode = node;
  let parent = top.getParent();
  while (parent !== null && !$isRootNode(parent)) {
    top = parent;
    parent = top.getParent();
  }
  if (top !== node) top.insertAfter(node);
}
