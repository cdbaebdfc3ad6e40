/**
 * WeChat's limits on article content (draft/add): under 20,000 characters and under 1 MB.
 * Which "character" WeChat counts is not documented: we count UTF-16 code units (JavaScript's
 * length), which is never less than code points, so a content we accept is accepted either
 * way. "1 MB" is taken as 1,000,000 bytes, the smaller reading.
 */
export const WECHAT_MAX_CONTENT_CHARACTERS = 20_000;
export const WECHAT_MAX_CONTENT_BYTES = 1_000_000;

export interface WechatContentSize {
  characters: number;
  utf8Bytes: number;
  /** characters < WECHAT_MAX_CONTENT_CHARACTERS and utf8Bytes < WECHAT_MAX_CONTENT_BYTES. */
  fits: boolean;
}

export function wechatContentSize(html: string): WechatContentSize {
  const characters = html.length;
  const utf8Bytes = utf8ByteLength(html);
  return {
    characters,
    utf8Bytes,
    fits: characters < WECHAT_MAX_CONTENT_CHARACTERS && utf8Bytes < WECHAT_MAX_CONTENT_BYTES,
  };
}

/**
 * UTF-8 length without keeping the encoded bytes (a lone surrogate counts 3, as the U+FFFD it
 * becomes). Node's native count: a JavaScript loop over a 30,000-character article was the
 * slowest step of rendering every channel.
 */
export function utf8ByteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
