import {
  $applyNodeReplacement,
  $getDocument,
  DecoratorNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type SerializedPartial,
} from 'lexical';
import type { JSX } from 'react';
import { mediaUrl } from '../../../../shared/domain/media.ts';
import { ImageView } from './ImageView.tsx';

/**
 * An image of the media library, inline in a paragraph. Saved exactly as the document model
 * wants it (src/shared/document/nodes.ts, ImageNodeSchema): the SHA-256 of the library image,
 * its alternative text, and its intrinsic size (kept so the page does not jump while it loads).
 * The editor never holds an image that is not in the library: every image is imported first
 * (media.import) and only then becomes a node.
 */
export interface SerializedImageNode extends SerializedLexicalNode {
  type: 'image';
  version: 1;
  mediaHash: string;
  altText: string;
  width: number | null;
  height: number | null;
}

/** What importJSON/updateFromJSON are handed: any serialized node, checked field by field. */
type SerializedImageJSON = LexicalUpdateJSON<SerializedLexicalNode> &
  SerializedPartial<SerializedLexicalNode> &
  Record<string, unknown>;

export interface ImagePayload {
  mediaHash: string;
  altText: string;
  width: number | null;
  height: number | null;
}

/** The attribute that carries a library hash on an `<img>` the paste pipeline has resolved. */
export const MEDIA_HASH_ATTRIBUTE = 'data-pd-media-hash';

const MEDIA_HASH = /^[0-9a-f]{64}$/;
const MAX_ALT_TEXT = 500;
const MAX_SIDE = 20_000;

/** A positive integer size within the model's bounds, or null. */
export function imageSide(value: unknown): number | null {
  const n = typeof value === 'string' ? Number.parseInt(value, 10) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= MAX_SIDE ? n : null;
}

export class ImageNode extends DecoratorNode<JSX.Element> {
  __mediaHash: string;
  __altText: string;
  __width: number | null;
  __height: number | null;

  static override getType(): string {
    return 'image';
  }

  static override clone(node: ImageNode): ImageNode {
    return new ImageNode(
      {
        mediaHash: node.__mediaHash,
        altText: node.__altText,
        width: node.__width,
        height: node.__height,
      },
      node.__key,
    );
  }

  static override importJSON(json: SerializedImageJSON): ImageNode {
    return $createImageNode({
      mediaHash: '',
      altText: '',
      width: null,
      height: null,
    }).updateFromJSON(json);
  }

  /** Only `<img data-pd-media-hash>`: images the paste pipeline has already put in the library. */
  static override importDOM(): DOMConversionMap | null {
    return {
      img: (element: HTMLElement) =>
        MEDIA_HASH.test(element.getAttribute(MEDIA_HASH_ATTRIBUTE) ?? '')
          ? { conversion: $convertImageElement, priority: 1 }
          : null,
    };
  }

  constructor(payload: ImagePayload, key?: NodeKey) {
    super(key);
    this.__mediaHash = payload.mediaHash;
    this.__altText = payload.altText.slice(0, MAX_ALT_TEXT);
    this.__width = imageSide(payload.width);
    this.__height = imageSide(payload.height);
  }

  /** Reads the image's fields defensively: the JSON may come from a clipboard, not the store. */
  override updateFromJSON(json: SerializedImageJSON): this {
    const node = super.updateFromJSON(json);
    const writable = node.getWritable();
    writable.__mediaHash = typeof json.mediaHash === 'string' ? json.mediaHash : '';
    writable.__altText =
      typeof json.altText === 'string' ? json.altText.slice(0, MAX_ALT_TEXT) : '';
    writable.__width = imageSide(json.width);
    writable.__height = imageSide(json.height);
    return node;
  }

  override exportJSON(): SerializedImageNode {
    return {
      type: 'image',
      version: 1,
      mediaHash: this.__mediaHash,
      altText: this.__altText,
      width: this.__width,
      height: this.__height,
    };
  }

  override exportDOM(): DOMExportOutput {
    const img = $getDocument().createElement('img');
    img.setAttribute('src', mediaUrl(this.__mediaHash));
    img.setAttribute('alt', this.__altText);
    if (this.__width !== null) img.setAttribute('width', String(this.__width));
    if (this.__height !== null) img.setAttribute('height', String(this.__height));
    return { element: img };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const span = $getDocument().createElement('span');
    const className = config.theme.image;
    if (typeof className === 'string') span.className = className;
    return span;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): true {
    return true;
  }

  /** An image contributes no characters to Lexical's text (plainText() adds `[alt]` itself). */
  override getTextContent(): string {
    return '';
  }

  getMediaHash(): string {
    return this.getLatest().__mediaHash;
  }

  getAltText(): string {
    return this.getLatest().__altText;
  }

  setAltText(altText: string): this {
    const writable = this.getWritable();
    writable.__altText = altText.trim().slice(0, MAX_ALT_TEXT);
    return writable;
  }

  override decorate(): JSX.Element {
    return (
      <ImageView
        nodeKey={this.__key}
        mediaHash={this.__mediaHash}
        altText={this.__altText}
        width={this.__width}
        height={this.__height}
      />
    );
  }
}

function $convertImageElement(element: HTMLElement): DOMConversionOutput {
  return {
    node: $createImageNode({
      mediaHash: element.getAttribute(MEDIA_HASH_ATTRIBUTE) ?? '',
      altText: element.getAttribute('alt') ?? '',
      width: imageSide(element.getAttribute('width')),
      height: imageSide(element.getAttribute('height')),
    }),
  };
}

export function $createImageNode(payload: ImagePayload): ImageNode {
  return $applyNodeReplacement(new ImageNode(payload));
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
