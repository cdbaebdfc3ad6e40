import type { MediaFile, PostOf } from '../channelPost.ts';
import { problem, type ChannelProblem } from '../channelProblem.ts';
import { formatBytes, TYPE_NAMES, WECHAT } from '../../content/checks/channelRules.ts';
import { wechatContentSize } from '../../content/render/wechatContentSize.ts';

/** content_source_url limit (1 KB, read as 1,000 bytes like the other limits). */
export const WECHAT_SOURCE_URL_MAX_BYTES = 1_000;

/** Characters as WeChat counts titles, authors and digests: code points (as the editor shows). */
export const wechatChars = (text: string): number => Array.from(text).length;

/**
 * Refuses, before anything is sent, a post WeChat would refuse: no cover, fields over their
 * limits (title ≤ 32, author ≤ 16, digest ≤ 128, 阅读原文 link ≤ 1 KB), in-article images
 * that are not JPG/PNG under 1 MB, a cover that is not JPG/PNG/GIF up to 10 MB.
 */
export function checkWechatPost(
  post: PostOf<'wechat'>,
): { ok: true; cover: MediaFile } | { ok: false; problem: ChannelProblem } {
  if (post.cover === null) return { ok: false, problem: NO_COVER };
  const refused = firstRefusal(post, post.cover);
  return refused === null ? { ok: true, cover: post.cover } : { ok: false, problem: refused };
}

const NO_COVER = problem(
  'wechat',
  'wechat.no-cover',
  '公众号文章必须有封面图片，这篇稿件没有，没有提交。请在编辑器的“封面图片”中选择一张图片后重新提交。',
  'A WeChat article must have a cover image, and this release has none; nothing was sent. Choose one in the cover image field of the editor, then submit again.',
);

function firstRefusal(post: PostOf<'wechat'>, cover: MediaFile): ChannelProblem | null {
  if (post.title.trim() === '') {
    return problem(
      'wechat',
      'wechat.no-title',
      '公众号文章的标题为空。请在编辑器中填写公众号标题后重新提交。',
      'The WeChat title is empty. Give the WeChat title in the editor, then submit again.',
    );
  }
  const limits = [
    ['title', '标题', 'title', post.title, WECHAT.titleMax],
    ['author', '作者', 'author', post.author, WECHAT.authorMax],
    ['digest', '摘要', 'digest', post.digest, WECHAT.digestMax],
  ] as const;
  for (const [field, zhName, enName, text, max] of limits) {
    const length = wechatChars(text);
    if (length > max) {
      return problem(
        'wechat',
        `wechat.${field}-too-long`,
        `公众号${zhName}有 ${length} 字，超过微信允许的 ${max} 字，没有提交。请在编辑器中缩短公众号${zhName}后重新提交。`,
        `The WeChat ${enName} has ${length} characters, more than the ${max} WeChat allows; nothing was sent. Shorten the WeChat ${enName} in the editor, then submit again.`,
      );
    }
  }
  if (post.sourceUrl !== null && !validSourceUrl(post.sourceUrl)) {
    return problem(
      'wechat',
      'wechat.source-url',
      '“阅读原文”链接不是有效的 http(s) 地址，或超过 1 KB，没有提交。请检查门户网站的稿件地址后重新提交。',
      'The 阅读原文 (read the original) link is not a valid http(s) address or is longer than 1 KB; nothing was sent. Check the release’s portal address, then submit again.',
      post.sourceUrl.slice(0, 200),
    );
  }
  for (const image of post.images) {
    const refused = checkImage(image, 'inline');
    if (refused !== null) return refused;
  }
  return checkImage(cover, 'cover');
}

function validSourceUrl(value: string): boolean {
  if (Buffer.byteLength(value, 'utf8') > WECHAT_SOURCE_URL_MAX_BYTES) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function checkImage(image: MediaFile, use: 'inline' | 'cover'): ChannelProblem | null {
  const types: readonly string[] = use === 'inline' ? WECHAT.inlineTypes : WECHAT.coverTypes;
  const typeName = TYPE_NAMES[image.mimeType] ?? image.mimeType;
  const zhUse = use === 'inline' ? '正文图片' : '封面图片';
  const enUse = use === 'inline' ? 'In-article images' : 'The cover';
  const zhRule = use === 'inline' ? '小于 1 MB 的 JPG 或 PNG' : '不超过 10 MB 的 JPG、PNG 或 GIF';
  const enRule = use === 'inline' ? 'JPG or PNG under 1 MB' : 'JPG, PNG or GIF up to 10 MB';
  if (!types.includes(image.mimeType)) {
    return problem(
      'wechat',
      'wechat.image-type',
      `图片“${image.fileName}”是 ${typeName} 格式，微信的${zhUse}只接受${zhRule}，没有提交。请换成 JPG 或 PNG 图片后重新提交。`,
      `The image "${image.fileName}" is ${typeName}; ${enUse} on WeChat must be ${enRule}, so nothing was sent. Replace it with a JPG or PNG image, then submit again.`,
    );
  }
  const tooLarge =
    use === 'inline'
      ? image.byteLength >= WECHAT.inlineBytesBelow
      : image.byteLength > WECHAT.coverBytesMax;
  if (tooLarge) {
    return problem(
      'wechat',
      'wechat.image-too-large',
      `图片“${image.fileName}”有 ${formatBytes(image.byteLength)}，微信的${zhUse}只接受${zhRule}，没有提交。请压缩或更换这张图片后重新提交。`,
      `The image "${image.fileName}" is ${formatBytes(image.byteLength)}; ${enUse} on WeChat must be ${enRule}, so nothing was sent. Compress or replace it, then submit again.`,
    );
  }
  return null;
}

/** Refuses rendered content WeChat would refuse (empty; 20,000 characters or 1 MB and over). */
export function checkWechatContent(html: string): ChannelProblem | null {
  if (html.trim() === '') {
    return problem(
      'wechat',
      'wechat.empty-content',
      '公众号文章的正文为空，没有提交。请在编辑器中填写正文后重新提交。',
      'The WeChat article has no body; nothing was sent. Write the body in the editor, then submit again.',
    );
  }
  const size = wechatContentSize(html);
  if (!size.fits) {
    return problem(
      'wechat',
      'wechat.content-too-large',
      `公众号正文排版后有 ${size.characters} 字符、${formatBytes(size.utf8Bytes)}，超过微信的上限（少于 20,000 字符且小于 1 MB），没有提交。请缩短正文或拆分为多篇后重新提交。`,
      `The WeChat body comes to ${size.characters} characters and ${formatBytes(size.utf8Bytes)} once laid out, over WeChat's limit (fewer than 20,000 characters and under 1 MB); nothing was sent. Shorten the body or split it, then submit again.`,
    );
  }
  return null;
}
