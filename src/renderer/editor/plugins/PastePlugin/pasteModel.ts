/**
 * The intermediate form of a paste: only what the document model can hold. Pasted HTML is read
 * into it (readPastedDom.ts), normalized, and written back as plain, attribute-free HTML
 * (writePasteHtml.ts) that Lexical's own conversion turns into nodes. Nothing of the source
 * survives that is not listed here: no attribute, class, style, comment or unknown element.
 */

export type Mark = 'b' | 'i' | 'u' | 's' | 'sub' | 'sup';

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'br' }
  /** An embedded (data:) image waiting to be imported into the media library; `id` indexes it. */
  | { kind: 'image'; id: number; alt: string }
  | { kind: 'mark'; mark: Mark; children: Inline[] }
  /** `href` is already checked by safeLinkUrl; a link never contains an image. */
  | { kind: 'link'; href: string; title: string | null; children: Inline[] };

export interface ListItem {
  children: Inline[];
  lists: ListBlock[];
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  /** The first number of an ordered list when it is not 1 (a list continued after a break). */
  start: number | null;
  items: ListItem[];
}

export interface Cell {
  header: boolean;
  colSpan: number;
  rowSpan: number;
  /** Only paragraphs, headings and lists: what a table cell of the model may hold. */
  blocks: (ParagraphBlock | HeadingBlock | ListBlock)[];
}

export interface ParagraphBlock {
  kind: 'p';
  children: Inline[];
}

export interface HeadingBlock {
  kind: 'h';
  level: 1 | 2 | 3 | 4 | 5 | 6;
  children: Inline[];
}

export type Block =
  | ParagraphBlock
  | HeadingBlock
  | { kind: 'quote'; children: Inline[] }
  | ListBlock
  | { kind: 'table'; rows: Cell[][] }
  | { kind: 'hr' };

/** What reading a DOM subtree yields: blocks and loose inline content, in document order. */
export type FlowItem = Block | Inline;

export function isInline(item: FlowItem): item is Inline {
  return (
    item.kind === 'text' ||
    item.kind === 'br' ||
    item.kind === 'image' ||
    item.kind === 'mark' ||
    item.kind === 'link'
  );
}
