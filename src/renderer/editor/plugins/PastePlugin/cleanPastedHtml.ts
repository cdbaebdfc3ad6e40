import { shapeBlocks } from './flowShapes.ts';
import { resolveDownlevelConditionals } from './msoConditionals.ts';
import { normalizePasteBlocks } from './normalizePasteBlocks.ts';
import { type EmbeddedImage, readChildren, type ReadState } from './readPastedDom.ts';
import { writePasteHtml } from './writePasteHtml.ts';

export type { EmbeddedImage } from './readPastedDom.ts';
export { PASTE_IMAGE_ATTRIBUTE } from './writePasteHtml.ts';

/** The part of DOMParser this needs (the browser's, or happy-dom's in tests). */
export interface DOMParserLike {
  parseFromString(source: string, type: 'text/html'): Document;
}

export interface CleanedPaste {
  /**
   * The paste as plain HTML of the model's structure only: p, h1–h6, blockquote, ul/ol/li,
   * table/tr/th/td, hr, br, b/i/u/s/sub/sup, a[href] (http, https, mailto), and
   * `<img data-pd-paste-image alt>` placeholders for embedded images.
   */
  html: string;
  /** The data: images of the paste, to import into the media library before insertion. */
  embeddedImages: EmbeddedImage[];
  /** How many images had a source that cannot be pasted (file:, http:, cid: ...). */
  droppedImages: number;
}

/**
 * Cleans HTML from the clipboard (Word, WPS, web pages) down to the document model, before
 * Lexical converts it. Pure: it reads the markup through `parser` (an inert document: nothing
 * loads or runs) and writes new markup; nothing of the source passes through unless it was
 * understood. Keeps headings, paragraphs, lists (also Word's typed lists, with their levels),
 * tables, bold/italic/underline/strikethrough, sub/superscript and safe links. Drops styles,
 * classes, ids, comments (also Word's conditional ones), Office XML, scripts, frames, SVG,
 * MathML, objects, forms' controls, event handlers, unsafe URLs, hidden content, Word's
 * comments and footnotes.
 */
export function cleanPastedHtml(html: string, parser: DOMParserLike): CleanedPaste {
  const doc = parser.parseFromString(html, 'text/html');
  const body = doc.body as HTMLElement | null;
  if (!body) return { html: '', embeddedImages: [], droppedImages: 0 };
  const state: ReadState = {
    markers: resolveDownlevelConditionals(body),
    embedded: [],
    dropped: 0,
  };
  const blocks = normalizePasteBlocks(shapeBlocks(readChildren(body, state)));
  const written = writePasteHtml(blocks, doc);
  const used = new Set(written.imageIds);
  return {
    html: written.html,
    embeddedImages: state.embedded.filter((image) => used.has(image.id)),
    droppedImages: state.dropped,
  };
}
