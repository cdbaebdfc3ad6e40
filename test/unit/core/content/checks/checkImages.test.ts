import { describe, expect, it } from 'vitest';
import { checkImages } from '../../../../../src/core/content/checks/checkImages.ts';
import { documentSpans } from '../../../../../src/core/content/checks/documentSpans.ts';
import type { ChannelId } from '../../../../../src/shared/content/channelId.ts';
import type { MediaItem } from '../../../../../src/shared/domain/media.ts';
import { emptyMeta } from '../../../../../src/shared/domain/documentMeta.ts';
import { doc, hash, image, mediaItem, para, text } from './fixtures.ts';

const library = (...items: MediaItem[]) => new Map(items.map((i) => [i.hash, i]));

function run(
  images: unknown[],
  items: MediaItem[],
  channels: ChannelId[],
  coverImage: string | null = null,
  channelCovers: Partial<Record<'portal' | 'wechat' | 'weibo' | 'appfeed', string>> = {},
) {
  const { channels: variants } = emptyMeta('press_release');
  for (const [channel, value] of Object.entries(channelCovers))
    variants[channel as keyof typeof channelCovers].cover = value;
  return checkImages({
    spans: documentSpans(doc(para(text('区政府召开新闻发布会。'), ...images))),
    meta: { coverImage, channels: variants },
    media: library(...items),
    channels,
  });
}

describe('images', () => {
  it('blocks an image without alt text, or with only spaces (WCAG 1.1.1 / GB/T 37668), at its place', () => {
    const findings = run([image(hash('a'), '  ')], [mediaItem('a')], []);
    expect(findings).toEqual([
      expect.objectContaining({
        checkId: 'image.alt-missing',
        severity: 'block',
        location: { kind: 'body', blockIndex: 0, start: 11, end: 15 },
      }),
    ]);
    expect(run([image(hash('a'))], [mediaItem('a')], [])[0]?.location).toEqual({
      kind: 'body',
      blockIndex: 0,
      start: 11,
      end: 11,
    });
    expect(findings[0]?.message.zh).toMatch(/^正文第1张图片没有替代文字。/);
  });

  it('warns when the alt text is a file name', () => {
    expect(
      run([image(hash('a'), 'IMG_2016.JPG')], [mediaItem('a')], []).map((f) => f.checkId),
    ).toEqual(['image.alt-filename']);
    expect(run([image(hash('a'), 'DSC0042')], [mediaItem('a')], []).map((f) => f.checkId)).toEqual([
      'image.alt-filename',
    ]);
    expect(
      run([image(hash('a'), '新闻发布会现场')], [mediaItem('a')], ['wechat', 'weibo']),
    ).toEqual([]);
  });

  it('blocks an image or cover missing from the library', () => {
    const findings = run([image(hash('a'), '现场')], [], [], hash('c'));
    expect(findings.map((f) => [f.checkId, f.location.kind])).toEqual([
      ['image.missing-media', 'body'],
      ['image.missing-media', 'field'],
    ]);
  });

  it('applies WeChat rules: body images jpg/png under 1 MB, the cover JPG/PNG/GIF of at most 10 MB', () => {
    const items = [
      mediaItem('a', { mimeType: 'image/gif', originalName: '动图.gif' }),
      mediaItem('b', { byteLength: 1_000_000, originalName: '全景.png', mimeType: 'image/png' }),
      mediaItem('c', { byteLength: 64_000 }),
      mediaItem('d', { byteLength: 10_000_001, originalName: '封面.jpg' }),
      mediaItem('e', { mimeType: 'image/webp', originalName: '封面.webp' }),
    ];
    const body = [image(hash('a'), '动图'), image(hash('b'), '全景'), image(hash('c'), '会场')];
    expect(run(body, items, ['wechat'], hash('c'))).toEqual([
      expect.objectContaining({
        checkId: 'image.format',
        severity: 'block',
        location: { kind: 'channel', channel: 'wechat' },
      }),
      expect.objectContaining({ checkId: 'image.too-large', severity: 'block' }),
    ]);
    const cover = run([], items, ['wechat'], hash('d'));
    expect(cover.map((f) => f.checkId)).toEqual(['image.too-large']);
    expect(cover[0]?.message.zh).toBe(
      '封面图（封面.jpg）有 10.00 MB，超出微信公众号的限制（不超过 10.00 MB）。请压缩后重新上传。',
    );
    expect(run([], items, ['wechat'], hash('e')).map((f) => f.checkId)).toEqual(['image.format']);
    expect(run([], items, ['wechat'], hash('c'))).toEqual([]);
  });

  it('applies the Weibo rule to the one picture: the cover, else the first body image', () => {
    const webp = mediaItem('a', { mimeType: 'image/webp', originalName: 'a.webp' });
    const big = mediaItem('b', { byteLength: 5_000_000 });
    expect(run([image(hash('a'), '现场')], [webp, big], ['weibo']).map((f) => f.checkId)).toEqual([
      'image.format',
    ]);
    expect(
      run([image(hash('a'), '现场')], [webp, big], ['weibo'], hash('b')).map((f) => f.checkId),
    ).toEqual(['image.too-large']);
    expect(run([image(hash('a'), '现场')], [webp], ['mastodon', 'portal', 'appfeed'])).toEqual([]);
  });

  it('checks each channel with its own cover, when the editor chose one for it', () => {
    const jpeg = mediaItem('a');
    const webp = mediaItem('w', { mimeType: 'image/webp', originalName: 'w.webp' });
    // The draft's cover is fine; Weibo's own picture is a WebP, which Weibo does not take.
    const findings = run([], [jpeg, webp], ['wechat', 'weibo'], hash('a'), { weibo: hash('w') });
    expect(findings.map((f) => [f.checkId, f.location])).toEqual([
      ['image.format', { kind: 'channel', channel: 'weibo' }],
    ]);
    // A channel's own cover missing from the library is named by its field.
    const missing = run([], [jpeg], ['wechat'], hash('a'), { wechat: hash('x') });
    expect(missing.map((f) => [f.checkId, f.location])).toEqual([
      ['image.missing-media', { kind: 'field', field: 'channels.wechat.cover' }],
    ]);
  });
});
