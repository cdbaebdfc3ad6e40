import { z } from 'zod';
import { safeLinkUrl } from './safeUrl.ts';

/**
 * The document model: the Lexical editor state a release is saved as, node type by node type.
 * This is the single list of what the editor may produce. The store parses every saved body
 * with DocumentSchema (a trust boundary: pastes and other versions), and the channel
 * renderers switch over DocNode exhaustively, so a node type cannot be added in one place only.
 *
 * Parsing also normalizes: inline CSS (`style`) is dropped everywhere, because pasted styles
 * are noise and a style attribute is an injection vector in channel HTML; unknown properties
 * are stripped; link URLs must be http, https or mailto.
 */

const ELEMENT_FORMATS = ['', 'left', 'start', 'center', 'right', 'end', 'justify'] as const;

const elementBase = {
  version: z.number().int().default(1),
  direction: z.enum(['ltr', 'rtl']).nullable().default(null),
  format: z.enum(ELEMENT_FORMATS).catch(''),
  indent: z.number().int().min(0).max(10).catch(0),
};

/** A media library reference: the SHA-256 of the image's bytes, hex. */
export const MediaHashSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, { message: 'An image must come from the media library.' });

export const TextNodeSchema = z.object({
  type: z.literal('text'),
  version: z.number().int().default(1),
  text: z.string(),
  format: z.number().int().min(0).max(0xff).catch(0),
  mode: z.enum(['normal', 'token', 'segmented']).catch('normal'),
  detail: z.number().int().min(0).catch(0),
  style: z
    .unknown()
    .optional()
    .transform(() => ''),
});
export type TextNode = z.output<typeof TextNodeSchema>;

export const LineBreakNodeSchema = z.object({
  type: z.literal('linebreak'),
  version: z.number().int().default(1),
});
export type LineBreakNode = z.output<typeof LineBreakNodeSchema>;

export const TabNodeSchema = TextNodeSchema.extend({
  type: z.literal('tab'),
  text: z.literal('\t').catch('\t'),
});
export type TabNode = z.output<typeof TabNodeSchema>;

export const ImageNodeSchema = z.object({
  type: z.literal('image'),
  version: z.number().int().default(1),
  mediaHash: MediaHashSchema,
  /** Alternative text; empty is allowed while drafting and flagged by the checks. */
  altText: z.string().max(500).default(''),
  width: z.number().int().positive().max(20_000).nullable().default(null),
  height: z.number().int().positive().max(20_000).nullable().default(null),
});
export type ImageNode = z.output<typeof ImageNodeSchema>;

const LinkUrlSchema = z.string().transform((raw, ctx) => {
  const url = safeLinkUrl(raw);
  if (url === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `Links may only be http, https or mailto addresses: "${raw.slice(0, 80)}".`,
    });
    return z.NEVER;
  }
  return url;
});

/** What a link may contain: formatted text and line breaks. */
const LinkChildSchema = z.discriminatedUnion('type', [
  TextNodeSchema,
  LineBreakNodeSchema,
  TabNodeSchema,
]);

const linkFields = {
  ...elementBase,
  url: LinkUrlSchema,
  rel: z
    .string()
    .nullable()
    .catch('noopener noreferrer')
    .transform(() => 'noopener noreferrer'),
  target: z
    .string()
    .nullable()
    .catch(null)
    .transform(() => null),
  title: z.string().max(300).nullable().catch(null),
  children: z.array(LinkChildSchema),
};
export const LinkNodeSchema = z.object({ type: z.literal('link'), ...linkFields });
export const AutoLinkNodeSchema = z.object({
  type: z.literal('autolink'),
  ...linkFields,
  isUnlinked: z.boolean().catch(false),
});
export type LinkNode = z.output<typeof LinkNodeSchema>;
export type AutoLinkNode = z.output<typeof AutoLinkNodeSchema>;

export const InlineNodeSchema = z.discriminatedUnion('type', [
  TextNodeSchema,
  LineBreakNodeSchema,
  TabNodeSchema,
  LinkNodeSchema,
  AutoLinkNodeSchema,
  ImageNodeSchema,
]);
export type InlineNode = z.output<typeof InlineNodeSchema>;

export const ParagraphNodeSchema = z.object({
  type: z.literal('paragraph'),
  ...elementBase,
  textFormat: z.number().int().min(0).catch(0),
  textStyle: z
    .unknown()
    .optional()
    .transform(() => ''),
  children: z.array(InlineNodeSchema),
});
export type ParagraphNode = z.output<typeof ParagraphNodeSchema>;

/**
 * Headings h1–h4 are the four levels of official numbering (一、 （一） 1. （1））; see
 * headingNumbers.ts. h5 and h6 (from pastes) are accepted and kept as they are.
 */
export const HeadingNodeSchema = z.object({
  type: z.literal('heading'),
  ...elementBase,
  tag: z.enum(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']),
  children: z.array(InlineNodeSchema),
});
export type HeadingNode = z.output<typeof HeadingNodeSchema>;

export const QuoteNodeSchema = z.object({
  type: z.literal('quote'),
  ...elementBase,
  children: z.array(InlineNodeSchema),
});
export type QuoteNode = z.output<typeof QuoteNodeSchema>;

export const HorizontalRuleNodeSchema = z.object({
  type: z.literal('horizontalrule'),
  version: z.number().int().default(1),
});
export type HorizontalRuleNode = z.output<typeof HorizontalRuleNodeSchema>;

export interface ListItemNode {
  type: 'listitem';
  version: number;
  direction: 'ltr' | 'rtl' | null;
  format: (typeof ELEMENT_FORMATS)[number];
  indent: number;
  value: number;
  checked?: boolean | undefined;
  children: (InlineNode | ListNode)[];
}
export interface ListNode {
  type: 'list';
  version: number;
  direction: 'ltr' | 'rtl' | null;
  format: (typeof ELEMENT_FORMATS)[number];
  indent: number;
  listType: 'bullet' | 'number' | 'check';
  start: number;
  tag: 'ul' | 'ol';
  children: ListItemNode[];
}

export const ListItemNodeSchema: z.ZodType<ListItemNode> = z.lazy(() =>
  z.object({
    type: z.literal('listitem'),
    ...elementBase,
    value: z.number().int().catch(1),
    checked: z.boolean().optional(),
    children: z.array(z.union([InlineNodeSchema, ListNodeSchema])),
  }),
) as unknown as z.ZodType<ListItemNode>;

export const ListNodeSchema: z.ZodType<ListNode> = z.lazy(() =>
  z.object({
    type: z.literal('list'),
    ...elementBase,
    listType: z.enum(['bullet', 'number', 'check']),
    start: z.number().int().catch(1),
    tag: z.enum(['ul', 'ol']),
    children: z.array(ListItemNodeSchema),
  }),
) as unknown as z.ZodType<ListNode>;

/** Lexical's header state bits: 0 none, 1 row header, 2 column header, 3 both. */
export const TableCellNodeSchema = z.object({
  type: z.literal('tablecell'),
  ...elementBase,
  headerState: z.number().int().min(0).max(3).catch(0),
  colSpan: z.number().int().min(1).max(100).catch(1),
  rowSpan: z.number().int().min(1).max(1000).catch(1),
  width: z.number().positive().nullable().optional().catch(undefined),
  backgroundColor: z
    .string()
    .nullable()
    .optional()
    .transform(() => null),
  children: z.array(z.union([ParagraphNodeSchema, HeadingNodeSchema, ListNodeSchema])),
});
export type TableCellNode = z.output<typeof TableCellNodeSchema>;

export const TableRowNodeSchema = z.object({
  type: z.literal('tablerow'),
  ...elementBase,
  height: z.number().positive().nullable().optional().catch(undefined),
  children: z.array(TableCellNodeSchema),
});
export type TableRowNode = z.output<typeof TableRowNodeSchema>;

export const TableNodeSchema = z.object({
  type: z.literal('table'),
  ...elementBase,
  colWidths: z.array(z.number()).optional().catch(undefined),
  rowStriping: z.boolean().optional().catch(undefined),
  children: z.array(TableRowNodeSchema),
});
export type TableNode = z.output<typeof TableNodeSchema>;

export const BlockNodeSchema = z.union([
  ParagraphNodeSchema,
  HeadingNodeSchema,
  QuoteNodeSchema,
  ListNodeSchema,
  TableNodeSchema,
  HorizontalRuleNodeSchema,
]);
export type BlockNode =
  ParagraphNode | HeadingNode | QuoteNode | ListNode | TableNode | HorizontalRuleNode;

export const RootNodeSchema = z.object({
  type: z.literal('root'),
  ...elementBase,
  children: z.array(BlockNodeSchema),
});
export type RootNode = Omit<z.output<typeof RootNodeSchema>, 'children'> & {
  children: BlockNode[];
};

/** A saved release body: the Lexical editor state, every node known and checked. */
export const DocumentSchema = z.object({ root: RootNodeSchema }) as unknown as z.ZodType<
  Document,
  unknown
>;
export interface Document {
  root: RootNode;
}

/** Every node type of the model, for exhaustive switches (`never` in the default branch). */
export type DocNode =
  RootNode | BlockNode | ListItemNode | TableRowNode | TableCellNode | InlineNode;
export type DocNodeType = DocNode['type'];
