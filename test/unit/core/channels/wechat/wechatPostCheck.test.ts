import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MediaFile, PostOf } from '../../../../../src/core/channels/channelPost.ts';
import {
  checkWechatContent,
  checkWechatPost,
  wechatChars,
} from '../../../../../src/core/channels/wechat/wechatPostCheck.ts';

function image(name: string, mimeType: string, byteLength: number): MediaFile {
  return {
    hash: createHash('sha256').update(name).digest('hex'),
    fileName: name,
    mimeType,
    byteLength,
    alt: name,
    read: () => Promise.resolve(Buffer.alloc(0)),
  };
}

const COVER = image('封面.jpg', 'image/jpeg', 200_000);

function post(overrides: Partial<PostOf<'wechat'>> = {}): PostOf<'wechat'> {
  return {
    channel: 'wechat',
    key: 'k',
    releaseId: 'r',
    title: '标题',
    author: '作者',
    digest: '摘要',
    html: () => '<p>正文</p>',
    images: [],
    cover: COVER,
    sourceUrl: null,
    ...overrides,
  };
}

const codeOf = (p: PostOf<'wechat'>): string | null => {
  const checked = checkWechatPost(p);
  return checked.ok ? null : checked.problem.code;
};

describe('checkWechatPost', () => {
  it('accepts a post within every limit and hands back its cover', () => {
    const checked = checkWechatPost(post());
    expect(checked).toEqual({ ok: true, cover: COVER });
  });

  it('counts code points, as the editor does: 32 characters pass, 33 do not', () => {
    expect(wechatChars('𠀀'.repeat(32))).toBe(32);
    expect(codeOf(post({ title: '𠀀'.repeat(32) }))).toBeNull();
    expect(codeOf(post({ title: '题'.repeat(33) }))).toBe('wechat.title-too-long');
    expect(codeOf(post({ author: '作'.repeat(16) }))).toBeNull();
    expect(codeOf(post({ author: '作'.repeat(17) }))).toBe('wechat.author-too-long');
    expect(codeOf(post({ digest: '摘'.repeat(128) }))).toBeNull();
    expect(codeOf(post({ digest: '摘'.repeat(129) }))).toBe('wechat.digest-too-long');
  });

  it('refuses a missing cover or title, a bad 阅读原文 link, and images WeChat does not take', () => {
    expect(codeOf(post({ cover: null }))).toBe('wechat.no-cover');
    expect(codeOf(post({ title: '  ' }))).toBe('wechat.no-title');
    expect(codeOf(post({ sourceUrl: 'javascript:alert(1)' }))).toBe('wechat.source-url');
    expect(codeOf(post({ sourceUrl: `https://example.gov.cn/${'a'.repeat(1000)}` }))).toBe(
      'wechat.source-url',
    );
    expect(codeOf(post({ sourceUrl: 'https://example.gov.cn/a.html' }))).toBeNull();
    expect(codeOf(post({ images: [image('a.webp', 'image/webp', 10)] }))).toBe('wechat.image-type');
    expect(codeOf(post({ images: [image('a.png', 'image/png', 999_999)] }))).toBeNull();
    expect(codeOf(post({ images: [image('a.png', 'image/png', 1_000_000)] }))).toBe(
      'wechat.image-too-large',
    );
    expect(codeOf(post({ cover: image('c.gif', 'image/gif', 10_000_000) }))).toBeNull();
    expect(codeOf(post({ cover: image('c.gif', 'image/gif', 10_000_001) }))).toBe(
      'wechat.image-too-large',
    );
  });

  it('names the image in both languages', () => {
    const checked = checkWechatPost(post({ images: [image('现场照片.webp', 'image/webp', 10)] }));
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.problem.message.zh).toContain('现场照片.webp');
      expect(checked.problem.message.en).toContain('现场照片.webp');
      expect(checked.problem.message.en).toContain('WebP');
    }
  });
});

describe('checkWechatContent', () => {
  it('refuses empty content and content of 20,000 characters or more', () => {
    expect(checkWechatContent('<p>正文</p>')).toBeNull();
    expect(checkWechatContent('  ')?.code).toBe('wechat.empty-content');
    expect(checkWechatContent('a'.repeat(19_999))).toBeNull();
    expect(checkWechatContent('a'.repeat(20_000))?.code).toBe('wechat.content-too-large');
  });
});
