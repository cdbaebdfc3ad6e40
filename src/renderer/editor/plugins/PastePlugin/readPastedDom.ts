import { safeLinkUrl } from '../../../../shared/document/safeUrl.ts';
import {
  applyMarks,
  flattenInline,
  shapeBlocks,
  shapeCellBlocks,
  shapeListItem,
} from './flowShapes.ts';
import { styleMeaning } from './inlineStyle.ts';
import {
  type Block,
  type Cell,
  type FlowItem,
  type Inline,
  isInline,
  type ListBlock,
  type Mark,
} from './pasteModel.ts';
import { buildWordLists, type WordListParagraph } from './wordLists.ts';

/** An image pasted inside the HTML itself (a data: URL), to be imported into the media library. */
export interface EmbeddedImage {
  id: number;
  dataUrl: string;
  altText: string;
}

export interface ReadState {
  /** The bullet or number Word typed for each list paragraph (msoConditionals.ts). */
  markers: ReadonlyMap<Element, string>;
  embedded: EmbeddedImage[];
  /** Images that cannot come with the paste: file:, http(s):, cid:, blob: ... sources. */
  dropped: number;
}

/** Elements dropped with everything inside them: code, embedded documents, forms' controls, metadata. */
const DROPPED = new Set([
  'script', 'style', 'link', 'meta', 'base', 'title', 'head', 'xml', 'template', 'noscript',
  'iframe', 'frame', 'frameset', 'noframes', 'object', 'embed', 'applet', 'param', 'portal',
  'svg', 'math', 'canvas', 'video', 'audio', 'source', 'track', 'picture-source', 'map', 'area',
  'input', 'button', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'output',
  'progress', 'meter', 'dialog', 'slot', 'colgroup', 'col', 'rt', 'rp',
]); // prettier-ignore

/** Containers whose content is read as blocks, the container itself leaving no trace. */
const CONTAINERS = new Set([
  'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'address', 'center',
  'form', 'fieldset', 'details', 'figure', 'dl', 'body', 'hgroup', 'search',
]); // prettier-ignore

/** Elements read as one paragraph each. */
const PARAGRAPHS = new Set([
  'p', 'li', 'dt', 'dd', 'figcaption', 'caption', 'legend', 'summary',
]); // prettier-ignore

const TAG_MARKS: Readonly<Record<string, Mark>> = {
  b: 'b',
  strong: 'b',
  i: 'i',
  em: 'i',
  u: 'u',
  ins: 'u',
  s: 's',
  strike: 's',
  del: 's',
  sub: 'sub',
  sup: 'sup',
};

/** Word's non-body parts: comments, footnotes, endnotes, headers and footers. */
const MSO_NOT_BODY =
  /^(comment|comment-list|footnote|footnote-list|endnote|endnote-list|header|footer)$/;
/** Word's comment anchors and texts, by class. */
const MSO_NOT_BODY_CLASS =
  /^(msocomanchor|msocomtxt|msocomoff|MsoCommentReference|MsoCommentText)$/i;

const DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp);base64,[A-Za-z0-9+/=\s]+$/i;

/** Reads the children of a node, turning runs of Word list paragraphs into real lists. */
export function readChildren(parent: Node, state: ReadState): FlowItem[] {
  const out: FlowItem[] = [];
  let run: WordListParagraph[] = [];
  const flush = () => {
    if (run.length > 0) out.push(...buildWordLists(run));
    run = [];
  };
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (isElement(child)) {
      const paragraph = readWordListParagraph(child, state);
      if (paragraph) {
        run.push(paragraph);
        continue;
      }
    } else if (run.length > 0 && isText(child) && child.data.trim() === '') {
      continue; // the line breaks between Word's list paragraphs
    }
    flush();
    out.push(...readNode(child, state));
  }
  flush();
  return out;
}

function readNode(node: Node, state: ReadState): FlowItem[] {
  if (isText(node)) return node.data === '' ? [] : [{ kind: 'text', text: node.data }];
  if (isElement(node)) return readElement(node, state);
  return []; // comments, processing instructions
}

function readElement(element: Element, state: ReadState): FlowItem[] {
  const tag = element.tagName.toLowerCase();
  if (DROPPED.has(tag)) return [];
  const style = styleMeaning(element.getAttribute('style'));
  if (style.hidden || (style.msoElement !== null && MSO_NOT_BODY.test(style.msoElement))) return [];
  if (/mso-list:\s*ignore/i.test(element.getAttribute('style') ?? '')) return []; // a typed list marker
  const classes = (element.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
  if (classes.some((name) => MSO_NOT_BODY_CLASS.test(name))) return [];

  if (tag.includes(':')) {
    // Office namespaces: <o:p> is Word's empty-paragraph filler, v: is VML drawing (its image
    // comes again as a plain <img>); others, like <st1:chsdate> dates, wrap real text.
    if (tag.startsWith('o:') || tag.startsWith('v:')) return [];
    return applyMarks(readChildren(element, state), style.marks);
  }

  const mark = TAG_MARKS[tag];
  if (mark !== undefined) {
    const marks = mark === 'b' && style.notBold ? style.marks : [mark, ...style.marks];
    return applyMarks(readChildren(element, state), marks);
  }

  const content = () => applyMarks(readChildren(element, state), style.marks);
  switch (tag) {
    case 'br':
      return [{ kind: 'br' }];
    case 'hr':
      return [{ kind: 'hr' }];
    case 'img':
      return readImage(element, state);
    case 'a':
      return readLink(element, content());
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return [heading(Number(tag.slice(1)), content())];
    case 'blockquote':
      return [{ kind: 'quote', children: flattenInline(content()) }];
    case 'ul':
    case 'ol':
      return [readList(element, tag === 'ol', state, style.marks)];
    case 'table':
      return readTable(element, state, style.marks);
    case 'pre':
      return [{ kind: 'p', children: flattenInline(preformatted(content())) }];
    default:
      break;
  }
  if (PARAGRAPHS.has(tag)) {
    const level = wordHeadingLevel(classes);
    if (level !== null) return [heading(level, content())];
    if (classes.some((name) => /^Mso(Intense)?Quote$/i.test(name))) {
      return [{ kind: 'quote', children: flattenInline(content()) }];
    }
    // A paragraph that wraps blocks (invalid, but pastes have it) keeps them as blocks.
    return shapeBlocks(content());
  }
  if (CONTAINERS.has(tag)) return shapeBlocks(content());
  return content(); // span, font, label, abbr, small, ruby, unknown elements: their content only
}

function heading(level: number, items: FlowItem[]): Block {
  const clamped = Math.min(6, Math.max(1, level)) as 1 | 2 | 3 | 4 | 5 | 6;
  return { kind: 'h', level: clamped, children: flattenInline(items) };
}

/** Word's heading paragraphs by class: MsoTitle is the document title, MsoHeadingN a heading. */
function wordHeadingLevel(classes: readonly string[]): number | null {
  for (const name of classes) {
    if (/^MsoTitle$/i.test(name)) return 1;
    const level = /^MsoHeading([1-6])$/i.exec(name)?.[1];
    if (level) return Number(level);
  }
  return null;
}

/** A `<p>` (or `<div>`) Word styled `mso-list: lN levelN lfoN`: one item of a typed list. */
function readWordListParagraph(element: Element, state: ReadState): WordListParagraph | null {
  const tag = element.tagName.toLowerCase();
  if (tag !== 'p' && tag !== 'div') return null;
  const style = styleMeaning(element.getAttribute('style'));
  if (!style.msoList || style.hidden) return null;
  let marker = state.markers.get(element) ?? '';
  if (marker.trim() === '') {
    // WPS and some Word versions type the marker in a mso-list:Ignore span only.
    for (const span of Array.from(element.getElementsByTagName('span'))) {
      if (/mso-list:\s*ignore/i.test(span.getAttribute('style') ?? '')) {
        marker = span.textContent ?? '';
        break;
      }
    }
  }
  return {
    list: style.msoList.list,
    level: style.msoList.level,
    marker,
    children: flattenInline(applyMarks(readChildren(element, state), style.marks)),
  };
}

function readList(
  element: Element,
  ordered: boolean,
  state: ReadState,
  marks: readonly Mark[],
): ListBlock {
  const start = Number.parseInt(element.getAttribute('start') ?? '', 10);
  const list: ListBlock = {
    kind: 'list',
    ordered,
    start: ordered && Number.isSafeInteger(start) && start > 1 ? start : null,
    items: [],
  };
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (isElement(child) && child.tagName.toLowerCase() === 'li') {
      const items = applyMarks(readChildren(child, state), marks);
      list.items.push(shapeListItem(items));
      continue;
    }
    // A list directly in a list (invalid but common) nests in the item before it; loose text
    // gets an item of its own.
    const items = applyMarks(readNode(child, state), marks);
    if (items.length === 0) continue;
    const shaped = shapeListItem(items);
    const previous = list.items.at(-1);
    if (previous && shaped.children.every((c) => c.kind === 'text' && c.text.trim() === '')) {
      previous.lists.push(...shaped.lists);
    } else {
      list.items.push(shaped);
    }
  }
  return list;
}

function readTable(table: Element, state: ReadState, marks: readonly Mark[]): FlowItem[] {
  const out: FlowItem[] = [];
  const rows: Cell[][] = [];
  const readRow = (tr: Element) => {
    const cells: Cell[] = [];
    for (const cell of Array.from(tr.children)) {
      const tag = cell.tagName.toLowerCase();
      if (tag !== 'td' && tag !== 'th') continue;
      if (styleMeaning(cell.getAttribute('style')).hidden) continue;
      cells.push({
        header: tag === 'th',
        colSpan: boundedInt(cell.getAttribute('colspan'), 1, 100),
        rowSpan: boundedInt(cell.getAttribute('rowspan'), 1, 1000),
        blocks: shapeCellBlocks(applyMarks(readChildren(cell, state), marks)),
      });
    }
    if (cells.length > 0) rows.push(cells);
  };
  for (const child of Array.from(table.children)) {
    const tag = child.tagName.toLowerCase();
    if (styleMeaning(child.getAttribute('style')).hidden) continue;
    if (tag === 'tr') readRow(child);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      for (const tr of Array.from(child.children)) {
        if (tr.tagName.toLowerCase() === 'tr' && !styleMeaning(tr.getAttribute('style')).hidden) {
          readRow(tr);
        }
      }
    } else if (tag === 'caption') {
      out.push({ kind: 'p', children: flattenInline(readChildren(child, state)) });
    }
  }
  if (rows.length > 0) out.push({ kind: 'table', rows });
  return out;
}

function readLink(element: Element, children: FlowItem[]): FlowItem[] {
  const href = safeLinkUrl(element.getAttribute('href') ?? '');
  if (href === undefined) return children; // javascript:, data:, file:, #anchors, relative: text only
  const rawTitle = element.getAttribute('title')?.trim() ?? '';
  const title = rawTitle === '' ? null : rawTitle.slice(0, 300);
  return linkRuns(children, href, title);
}

/**
 * Puts each run of inline content in one link; an image stays out of it, after the text before
 * it (a link of the model holds text only). Blocks inside a link get their content linked.
 */
function linkRuns(items: readonly FlowItem[], href: string, title: string | null): FlowItem[] {
  const out: FlowItem[] = [];
  let run: Inline[] = [];
  const flush = () => {
    if (run.length > 0) out.push({ kind: 'link', href, title, children: run });
    run = [];
  };
  for (const item of items) {
    if (!isInline(item)) {
      flush();
      out.push(
        item.kind === 'p' || item.kind === 'h' || item.kind === 'quote'
          ? { ...item, children: linkRuns(item.children, href, title) as Inline[] }
          : item,
      );
      continue;
    }
    const images = collectImages(item);
    const text = images.length > 0 ? withoutImages(item) : item;
    if (text) run.push(...unlink(text));
    if (images.length > 0) {
      flush();
      out.push(...images);
    }
  }
  flush();
  return out;
}

function collectImages(item: Inline): Inline[] {
  if (item.kind === 'image') return [item];
  if (item.kind === 'mark' || item.kind === 'link') return item.children.flatMap(collectImages);
  return [];
}

function withoutImages(item: Inline): Inline | null {
  if (item.kind === 'image') return null;
  if (item.kind === 'mark' || item.kind === 'link') {
    const children = item.children.map(withoutImages).filter((c): c is Inline => c !== null);
    return children.length > 0 ? { ...item, children } : null;
  }
  return item;
}

/** A link inside a link (impossible in the model) keeps its content only. */
function unlink(item: Inline): Inline[] {
  if (item.kind === 'link') return item.children.flatMap(unlink);
  if (item.kind === 'mark') return [{ ...item, children: item.children.flatMap(unlink) }];
  return [item];
}

function readImage(element: Element, state: ReadState): FlowItem[] {
  const src = (element.getAttribute('src') ?? '').trim();
  if (src === '') return [];
  const width = Number.parseInt(element.getAttribute('width') ?? '', 10);
  const height = Number.parseInt(element.getAttribute('height') ?? '', 10);
  if (width > 0 && width <= 2 && height > 0 && height <= 2) return []; // tracking pixel, spacer
  if (!DATA_IMAGE.test(src)) {
    state.dropped++;
    return [];
  }
  const id = state.embedded.length;
  const altText = cleanAltText(element.getAttribute('alt') ?? '');
  state.embedded.push({ id, dataUrl: src.replace(/\s+/g, ''), altText });
  return [{ kind: 'image', id, alt: altText }];
}

/** Word fills alt with "说明: C:\Users\…\image001.png" or a file name: no description at all. */
export function cleanAltText(alt: string): string {
  const text = alt.replace(/^\s*(说明|描述|Description)\s*[:：]\s*/i, '').trim();
  if (/[\\/]/.test(text) || /\.(png|jpe?g|gif|bmp|webp|tiff?|emf|wmf)$/i.test(text)) return '';
  return text.slice(0, 500);
}

/** In `<pre>`, line breaks are lines. */
function preformatted(items: FlowItem[]): FlowItem[] {
  return items.flatMap((item): FlowItem[] => {
    if (item.kind === 'text') {
      return item.text
        .split(/\r?\n/)
        .flatMap((line, index): Inline[] =>
          index === 0
            ? [{ kind: 'text', text: line }]
            : [{ kind: 'br' }, { kind: 'text', text: line }],
        );
    }
    return [item];
  });
}

function boundedInt(raw: string | null, min: number, max: number): number {
  const n = Number.parseInt(raw ?? '', 10);
  return Number.isSafeInteger(n) ? Math.min(max, Math.max(min, n)) : min;
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

function isText(node: Node): node is Text {
  return node.nodeType === 3;
}
