import {
  type Block,
  type Cell,
  type FlowItem,
  type Inline,
  isInline,
  type ListBlock,
  type ListItem,
  type Mark,
} from './pasteModel.ts';

/**
 * Shapes read content into what each container of the model may hold. Loose inline content
 * between blocks becomes paragraphs; a block where only inline content fits (a paragraph in a
 * quote, a table in a list item) keeps its text, one line per block.
 */

/** Blocks for the document or a generic container: each run of loose inline content is a paragraph. */
export function shapeBlocks(items: readonly FlowItem[]): Block[] {
  const blocks: Block[] = [];
  let run: Inline[] = [];
  const flush = () => {
    if (run.length > 0) blocks.push({ kind: 'p', children: run });
    run = [];
  };
  for (const item of items) {
    if (isInline(item)) run.push(item);
    else {
      flush();
      blocks.push(item);
    }
  }
  flush();
  return blocks;
}

/** The blocks a table cell may hold: paragraphs, headings and lists. */
export function shapeCellBlocks(items: readonly FlowItem[]): Cell['blocks'] {
  const blocks: Cell['blocks'] = [];
  for (const block of shapeBlocks(items)) {
    switch (block.kind) {
      case 'p':
      case 'h':
      case 'list':
        blocks.push(block);
        break;
      case 'quote':
        blocks.push({ kind: 'p', children: block.children });
        break;
      case 'table':
        for (const row of block.rows) blocks.push({ kind: 'p', children: rowLine(row) });
        break;
      case 'hr':
        break;
    }
  }
  return blocks;
}

/** Content where only inline content fits (paragraph, heading, quote): blocks become lines. */
export function flattenInline(items: readonly FlowItem[]): Inline[] {
  const lines: Inline[][] = [];
  let run: Inline[] = [];
  const flush = () => {
    if (run.length > 0) lines.push(run);
    run = [];
  };
  for (const item of items) {
    if (isInline(item)) {
      run.push(item);
      continue;
    }
    flush();
    lines.push(...blockLines(item));
  }
  flush();
  return joinLines(lines);
}

/** A list item: its inline content, its nested lists, other blocks as lines of its text. */
export function shapeListItem(items: readonly FlowItem[]): ListItem {
  const lists: ListBlock[] = [];
  const inline: FlowItem[] = [];
  for (const item of items) {
    if (!isInline(item) && item.kind === 'list') lists.push(item);
    else inline.push(item);
  }
  return { children: flattenInline(inline), lists };
}

function blockLines(block: Block): Inline[][] {
  switch (block.kind) {
    case 'p':
    case 'h':
    case 'quote':
      return [block.children];
    case 'list':
      return block.items.flatMap(itemLines);
    case 'table':
      return block.rows.map(rowLine);
    case 'hr':
      return [];
  }
}

function itemLines(item: ListItem): Inline[][] {
  return [item.children, ...item.lists.flatMap((list) => list.items.flatMap(itemLines))];
}

function rowLine(row: readonly Cell[]): Inline[] {
  const cells = row.map((cell) => joinLines(cell.blocks.flatMap(blockLines)));
  const line: Inline[] = [];
  cells.forEach((cell, index) => {
    if (index > 0) line.push({ kind: 'text', text: ' ' });
    line.push(...cell);
  });
  return line;
}

function joinLines(lines: readonly Inline[][]): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, index) => {
    if (index > 0) out.push({ kind: 'br' });
    out.push(...line);
  });
  return out;
}

/** Applies formatting given around content (`<b><p>…</p></b>`) to the inline content inside. */
export function applyMarks(items: readonly FlowItem[], marks: readonly Mark[]): FlowItem[] {
  if (marks.length === 0) return [...items];
  return items.map((item) => (isInline(item) ? wrap(item, marks) : markBlock(item, marks)));
}

function wrap(item: Inline, marks: readonly Mark[]): Inline {
  return marks.reduceRight<Inline>(
    (child, mark) => ({ kind: 'mark', mark, children: [child] }),
    item,
  );
}

function markInlines(children: readonly Inline[], marks: readonly Mark[]): Inline[] {
  return children.map((child) => wrap(child, marks));
}

function markBlock(block: Block, marks: readonly Mark[]): Block {
  switch (block.kind) {
    case 'p':
    case 'h':
    case 'quote':
      return { ...block, children: markInlines(block.children, marks) };
    case 'list':
      return markList(block, marks);
    case 'table':
      return {
        kind: 'table',
        rows: block.rows.map((row) =>
          row.map((cell) => ({
            ...cell,
            blocks: cell.blocks.map((inner) => markBlock(inner, marks) as Cell['blocks'][number]),
          })),
        ),
      };
    case 'hr':
      return block;
  }
}

function markList(list: ListBlock, marks: readonly Mark[]): ListBlock {
  return {
    ...list,
    items: list.items.map((item) => ({
      children: markInlines(item.children, marks),
      lists: item.lists.map((inner) => markList(inner, marks)),
    })),
  };
}
