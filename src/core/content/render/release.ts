import type { Document } from '../../../shared/document/nodes.ts';
import type { DocumentMeta } from '../../../shared/domain/documentMeta.ts';

/**
 * What every channel renderer takes: the pinned revision's body (already parsed by
 * DocumentSchema), the draft's title and its meta. Renderers are pure functions of this and
 * their options: no DOM, no Lexical runtime, no I/O, no clock.
 */
export interface Release {
  title: string;
  meta: DocumentMeta;
  body: Document;
}

/**
 * Where a library image (by SHA-256) lives on the channel. The adapter supplies it at publish
 * time, after uploading (WordPress media source_url, WeChat mmbiz URL, ...).
 */
export type ImageUrlOf = (mediaHash: string) => string;
