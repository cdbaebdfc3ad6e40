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

export interface WechatOptions {
  /**
   * The in-article URL of an image (POST /cgi-bin/media/uploadimg -> http://mmbiz.qpic.cn/...),
   * by media hash. WeChat strips images from any other host, so the adapter uploads first and
   * passes its cache here at publish time.
   */
  imageUrl: ImageUrlOf;
}

/*
 * Why inline styles only: the article HTML goes through draft/add, which strips <script> and
 * <style> and (reportedly) class and id, and the article page does not load our CSS; a style
 * attribute is the only styling that survives. Laid out for a phone: 16px, line-height 1.75,
 * justified, body paragraphs indented 2em as official releases are printed.
 *
 * Links: in an article, WeChat keeps <a> only to other Official Account articles
 * (mp.weixin.qq.com); links elsewhere are removed or left unclickable. So an external link is
 * written as its text followed by the address in full-width parentheses, which a reader can
 * long-press to copy; mp.weixin.qq.com links stay <a>.
 */
const FONT = 'font-size:16px;line-height:1.75;color:#333;';
const STYLE = {
  article: `${FONT}text-align:justify;word-wrap:break-word;`,
  paragraph: 'margin:0 0 1em;text-indent:2em;text-align:justify;',
  /** Paragraphs in cells, quotes and aligned lines (落款) are not indented. */
  plainParagraph: 'margin:0 0 0.5em;',
  h1: 'margin:1.5em 0 0.75em;font-size:18px;font-weight:bold;line-height:1.5;',
  h2: 'margin:1.25em 0 0.75em;font-size:17px;font-weight:bold;line-height:1.5;',
  h3: 'margin:1em 0 0.5em;font-size:16px;font-weight:bold;line-height:1.5;',
  h4: 'margin:1em 0 0.5em;font-size:16px;font-weight:normal;line-height:1.5;',
  quote:
    'margin:1em 0;padding:0.5em 1em;border-left:3px solid #d0d0d0;color:#555;background:#f7f7f7;',
  list: 'margin:0 0 1em;padding-left:2em;',
  listItem: 'margin:0.25em 0;',
  table: 'width:100%;border-collapse:collapse;margin:0 0 1em;font-size:14px;line-height:1.5;',
  cell: 'border:1px solid #bbb;padding:4px 6px;vertical-align:top;',
  headerCell:
    'border:1px solid #bbb;padding:4px 6px;vertical-align:top;font-weight:bold;background:#f2f2f2;',
  figure: 'margin:1em 0;text-align:center;',
  image: 'max-width:100%;height:auto;display:block;margin:0 auto;',
  rule: 'border:none;border-top:1px solid #d0d0d0;margin:1.5em 0;',
  link: 'color:#576b95;',
  url: 'color:#576b95;word-break:break-all;',
} as const;

const MARKS: TextMarks = {
  bold: ['<strong>', '</strong>'],
  italic: ['<em>', '</em>'],
  strikethrough: ['<span style="text-decoration:line-through;">', '</span>'],
  underline: ['<span style="text-decoration:underline;">', '</span>'],
  code: [
    '<code style="font-family:Menlo,Consolas,monospace;font-size:14px;background:#f2f2f2;padding:0 0.2em;">',
    '</code>',
  ],
  subscript: ['<sub>', '</sub>'],
  superscript: ['<sup>', '</sup>'],
  highlight: ['<span style="background-color:#fff2a8;">', '</span>'],
};

interface Context {
  imageUrl: ImageUrlOf;
  labels: Map<HeadingNode, string>;
}

/**
 * The body of a release as WeChat article `content`: one <section> with inline styles only (no
 * class, id, <style>, script or event attribute), headings numbered as text, external links as
 * text plus address, images from options.imageUrl. The title, author and digest travel in
 * draft/add's own fields, not in the content. Measure it with wechatContentSize.
 */
export function renderWechatHtml(release: Release, options: WechatOptions): string {
  const context: Context = { imageUrl: options.imageUrl, labels: headingLabels(release.body) };
  let html = '';
  for (const block of release.body.root.children) html += renderBlock(block, context, true);
  return `<section style="${STYLE.article}">${html}</section>`;
}

function renderBlock(block: BlockNode, context: Context, body: boolean): string {
  switch (block.type) {
    case 'paragraph': {
      const align = textAlign(block.format);
      const style =
        align === '' || align === 'justify'
          ? body
            ? STYLE.paragraph
            : STYLE.plainParagraph
          : `${STYLE.plainParagraph}text-align:${align};`;
      return splitAtImages(
        block.children,
        context,
        '',
        (inner) => `<p style="${style}">${inner}</p>`,
      );
    }
    case 'heading': {
      const level = block.tag === 'h5' || block.tag === 'h6' ? 'h4' : block.tag;
      const tag = `h${Number(level.slice(1)) + 1}`;
      const align = textAlign(block.format);
      const style = STYLE[level] + (align === '' ? '' : `text-align:${align};`);
      const label = escapeHtml(context.labels.get(block) ?? '');
      return splitAtImages(
        block.children,
        context,
        label,
        (inner) => `<${tag} style="${style}">${inner}</${tag}>`,
      );
    }
    case 'quote':
      return `<blockquote style="${STYLE.quote}">${renderInline(block.children, context)}</blockquote>`;
    case 'list':
      return renderList(block, context);
    case 'table':
      return renderTable(block, context);
    case 'horizontalrule':
      return `<hr style="${STYLE.rule}">`;
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
        html += '\u2003'; // an em space: WeChat collapses tabs
        break;
      case 'linebreak':
        html += '<br>';
        break;
      case 'link':
      case 'autolink':
        html += renderLink(
          node.children,
          node.type === 'autolink' && node.isUnlinked ? undefined : node.url,
          context,
        );
        break;
      case 'image':
        html += renderImage(node, context);
        break;
      default:
        assertNever(node, 'inline node');
    }
  }
  return html;
}

function renderLink(
  children: readonly InlineNode[],
  rawUrl: string | undefined,
  context: Context,
): string {
  const inner = renderInline(children, context);
  const url = rawUrl === undefined ? undefined : safeLinkUrl(rawUrl);
  if (url === undefined) return inner;
  const parsed = new URL(url);
  if (parsed.protocol === 'https:' && parsed.hostname === 'mp.weixin.qq.com')
    return `<a href="${escapeHtml(url)}" style="${STYLE.link}">${inner}</a>`;
  const shown =
    parsed.protocol === 'mailto:' ? decodeURIComponentSafe(url.slice('mailto:'.length)) : url;
  const text = children.map((c) => (c.type === 'text' ? c.text : '')).join('');
  // An autolink's text is its address: write it once.
  if (text.trim() === shown || text.trim() === url)
    return `<span style="${STYLE.url}">${inner}</span>`;
  return `${inner}<span style="${STYLE.url}">（${escapeHtml(shown)}）</span>`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function renderImage(image: ImageNode, context: Context): string {
  const src = channelUrl(context.imageUrl(image.mediaHash), 'wechat', 'image');
  const size =
    (image.width ? ` width="${image.width}"` : '') +
    (image.height ? ` height="${image.height}"` : '');
  return `<section style="${STYLE.figure}"><img src="${escapeHtml(src)}" alt="${escapeHtml(image.altText)}"${size} style="${STYLE.image}"></section>`;
}

/** Nested lists go inside the preceding item, as on the portal. */
function renderList(list: ListNode, context: Context): string {
  const tag = list.listType === 'number' ? 'ol' : 'ul';
  const start = tag === 'ol' && list.start !== 1 ? ` start="${list.start}"` : '';
  let html = `<${tag}${start} style="${STYLE.list}">`;
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
    html += `<li style="${STYLE.listItem}">${check}${renderInline(inline, context)}${nested}`;
    open = true;
  }
  return `${html}${open ? '</li>' : ''}</${tag}>`;
}

const ROW_HEADER = 1;
const COLUMN_HEADER = 2;

/** 100% wide with borders on every cell; header cells bold on grey. No <thead>: plain rows survive WeChat's editor best. */
function renderTable(table: TableNode, context: Context): string {
  let html = `<table style="${STYLE.table}"><tbody>`;
  for (const row of table.children) {
    html += '<tr>';
    for (const cell of row.children) html += renderCell(cell, context);
    html += '</tr>';
  }
  return `${html}</tbody></table>`;
}

function renderCell(cell: TableCellNode, context: Context): string {
  const header = (cell.headerState & (ROW_HEADER | COLUMN_HEADER)) !== 0;
  const tag = header ? 'th' : 'td';
  const span =
    (cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '') +
    (cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '');
  const only = cell.children.length === 1 ? cell.children[0] : undefined;
  let inner = '';
  if (only?.type === 'paragraph' && !only.children.some((c) => c.type === 'image'))
    inner = renderInline(only.children, context);
  else for (const block of cell.children) inner += renderBlock(block, context, false);
  return `<${tag}${span} style="${header ? STYLE.headerCell : STYLE.cell}">${inner}</${tag}>`;
}
