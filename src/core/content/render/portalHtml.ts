import { assertNever } from '../../../shared/assertNever.ts';
import { splitAtImages as splitBlockAtImages } from './splitAtImages.ts';
import type {
  BlockNode,
  HeadingNode,
  ImageNode,
  InlineNode,
  ListNode,
  TableCellNode,
  TableNode,
} from '../../../shared/document/nodes.ts';
import { safeLinkUrl } from '../../../shared/document/safeUrl.ts';
import { textAlign } from './alignment.ts';
import { channelUrl } from './channelUrl.ts';
import { escapeHtml } from './escapeHtml.ts';
import { headingLabels } from './headingLabels.ts';
import type { ImageUrlOf, Release } from './release.ts';
import { applyMarks, type TextMarks } from './textMarks.ts';

export interface PortalOptions {
  /** The uploaded image's URL on the portal (WordPress media source_url), by media hash. */
  imageUrl: ImageUrlOf;
}

const MARKS: TextMarks = {
  bold: ['<strong>', '</strong>'],
  italic: ['<em>', '</em>'],
  strikethrough: ['<s>', '</s>'],
  underline: ['<u>', '</u>'],
  code: ['<code>', '</code>'],
  subscript: ['<sub>', '</sub>'],
  superscript: ['<sup>', '</sup>'],
  highlight: ['<mark>', '</mark>'],
};

/** h1–h4 of a release (numbered 一、 （一） 1. （1）) are h2–h5 on the page, under its <h1> title. */
const PAGE_HEADING = { h1: 'h2', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h6', h6: 'h6' } as const;

interface Context {
  imageUrl: ImageUrlOf;
  labels: Map<HeadingNode, string>;
}

/**
 * The body of a release as semantic, accessible HTML for the portal (the post's `content`;
 * the title is the page's <h1>, outside it). Headings carry their official numbers as text;
 * header rows become <thead> with <th scope="col">, header-column cells <th scope="row">;
 * images are <figure><img alt></figure> from options.imageUrl; links are http/https/mailto only,
 * rel="noopener noreferrer". All user text and attribute values are escaped; the only tags are
 * the renderer's own. Empty paragraphs (spacing in the editor) are left out.
 */
export function renderPortalHtml(release: Release, options: PortalOptions): string {
  const context: Context = { imageUrl: options.imageUrl, labels: headingLabels(release.body) };
  let html = '';
  for (const block of release.body.root.children) html += renderBlock(block, context);
  return html;
}

function renderBlock(block: BlockNode, context: Context): string {
  switch (block.type) {
    case 'paragraph':
      return splitAtImages(
        block.children,
        context,
        '',
        (inner) => `<p${align(block.format)}>${inner}</p>`,
      );
    case 'heading': {
      const tag = PAGE_HEADING[block.tag];
      const label = escapeHtml(context.labels.get(block) ?? '');
      return splitAtImages(
        block.children,
        context,
        label,
        (inner) => `<${tag}${align(block.format)}>${inner}</${tag}>`,
      );
    }
    case 'quote':
      return `<blockquote${align(block.format)}>${renderInline(block.children, context)}</blockquote>`;
    case 'list':
      return renderList(block, context);
    case 'table':
      return renderTable(block, context);
    case 'horizontalrule':
      return '<hr>';
    default:
      return assertNever(block, 'block node');
  }
}

/** See splitAtImages.ts: the block is split around its images. */
function splitAtImages(
  children: readonly InlineNode[],
  context: Context,
  prefix: string,
  wrap: (inner: string) => string,
): string {
  return splitBlockAtImages(
    children,
    prefix,
    wrap,
    (nodes) => renderInline(nodes, context),
    (image) => renderImage(image, context),
  );
}

function renderInline(nodes: readonly InlineNode[], context: Context): string {
  let html = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        html += applyMarks(escapeHtml(node.text), node.format, MARKS);
        break;
      case 'tab':
        html += '\t';
        break;
      case 'linebreak':
        html += '<br>';
        break;
      case 'link':
      case 'autolink': {
        const inner = renderInline(node.children, context);
        const url = node.type === 'autolink' && node.isUnlinked ? undefined : safeLinkUrl(node.url);
        if (url === undefined) {
          html += inner;
          break;
        }
        const title = node.title ? ` title="${escapeHtml(node.title)}"` : '';
        html += `<a href="${escapeHtml(url)}" rel="noopener noreferrer"${title}>${inner}</a>`;
        break;
      }
      case 'image':
        html += renderImage(node, context);
        break;
      default:
        assertNever(node, 'inline node');
    }
  }
  return html;
}

/** alt is the alt text, or alt="" when there is none (the pre-publish checks flag that). */
function renderImage(image: ImageNode, context: Context): string {
  const src = channelUrl(context.imageUrl(image.mediaHash), 'portal', 'image');
  const size =
    (image.width ? ` width="${image.width}"` : '') +
    (image.height ? ` height="${image.height}"` : '');
  return `<figure><img src="${escapeHtml(src)}" alt="${escapeHtml(image.altText)}"${size}></figure>`;
}

/**
 * Lexical nests a list as a list item holding only the list; in HTML the nested list belongs
 * inside the preceding item, so it is written there (a list-only first item gets its own).
 */
function renderList(list: ListNode, context: Context): string {
  const tag = list.listType === 'number' ? 'ol' : 'ul';
  const start = tag === 'ol' && list.start !== 1 ? ` start="${list.start}"` : '';
  let html = `<${tag}${start}>`;
  let open = false;
  for (const item of list.children) {
    const inline: InlineNode[] = [];
    let nested = '';
    for (const child of item.children) {
      if (child.type === 'list') nested += renderList(child, context);
      else inline.push(child);
    }
    if (inline.length === 0 && open) {
      html += nested;
      continue;
    }
    if (open) html += '</li>';
    const check = list.listType === 'check' ? (item.checked ? '☑ ' : '☐ ') : '';
    html += `<li>${check}${renderInline(inline, context)}${nested}`;
    open = true;
  }
  return `${html}${open ? '</li>' : ''}</${tag}>`;
}

/** headerState bit 1: the cell is in a header row; bit 2: in a header column. */
const ROW_HEADER = 1;
const COLUMN_HEADER = 2;

/** Leading rows whose every cell is a header-row cell make the <thead>. */
function renderTable(table: TableNode, context: Context): string {
  let headRows = 0;
  while (headRows < table.children.length) {
    const row = table.children[headRows];
    if (!row || row.children.length === 0 || !row.children.every((c) => c.headerState & ROW_HEADER))
      break;
    headRows++;
  }
  let html = '<table>';
  table.children.forEach((row, index) => {
    if (index === 0 && headRows > 0) html += '<thead>';
    if (index === headRows) html += '<tbody>';
    html += '<tr>';
    for (const cell of row.children) html += renderCell(cell, context);
    html += '</tr>';
    if (index === headRows - 1) html += '</thead>';
  });
  if (table.children.length > headRows) html += '</tbody>';
  return `${html}</table>`;
}

function renderCell(cell: TableCellNode, context: Context): string {
  const header =
    cell.headerState & ROW_HEADER
      ? ' scope="col"'
      : cell.headerState & COLUMN_HEADER
        ? ' scope="row"'
        : undefined;
  const tag = header === undefined ? 'td' : 'th';
  const span =
    (cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '') +
    (cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '');
  // A cell of one paragraph (what the editor makes) holds its text directly.
  const only = cell.children.length === 1 ? cell.children[0] : undefined;
  let inner = '';
  if (only?.type === 'paragraph' && !only.children.some((c) => c.type === 'image'))
    inner = renderInline(only.children, context);
  else for (const block of cell.children) inner += renderBlock(block, context);
  return `<${tag}${header ?? ''}${span}>${inner}</${tag}>`;
}

function align(format: Parameters<typeof textAlign>[0]): string {
  const value = textAlign(format);
  return value === '' ? '' : ` style="text-align:${value}"`;
}
