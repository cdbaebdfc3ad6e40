import { HorizontalRuleNode } from '@lexical/extension';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import { ImageNode } from './nodes/ImageNode/ImageNode.tsx';

/**
 * The node classes of a release besides Lexical's core ones (root, paragraph, text, linebreak,
 * tab): exactly the types of the document model, src/shared/document/nodes.ts. Adding a class
 * here without adding it to DocumentSchema would make the store refuse the document.
 */
export const RELEASE_EDITOR_NODES: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  HorizontalRuleNode,
  ImageNode,
];

/**
 * The editor's namespace. Stable: Lexical's own clipboard format carries it, and a copy from one
 * release pastes into another with its nodes intact only when the namespaces match.
 */
export const RELEASE_EDITOR_NAMESPACE = 'pressdesk-release';
