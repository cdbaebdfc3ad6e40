import type {
  BlockNode,
  DocNode,
  Document,
  InlineNode,
  ListItemNode,
  TableCellNode,
  TableRowNode,
} from './nodes.ts';

type Parent = DocNode & { children: readonly unknown[] };

/** The children of a node, or none for leaves. */
export function childrenOf(node: DocNode): readonly DocNode[] {
  return 'children' in node ? ((node as Parent).children as readonly DocNode[]) : [];
}

/** Visits every node depth-first, in document order (the root first). */
export function walk(doc: Document, visit: (node: DocNode, depth: number) => void): void {
  const go = (node: DocNode, depth: number) => {
    visit(node, depth);
    for (const child of childrenOf(node)) go(child, depth + 1);
  };
  go(doc.root, 0);
}

export type { BlockNode, InlineNode, ListItemNode, TableCellNode, TableRowNode };
