import { describe, expect, it } from 'vitest';
import { renderWechatHtml } from '../../../../../src/core/content/render/wechatHtml.ts';
import {
  utf8ByteLength,
  wechatContentSize,
} from '../../../../../src/core/content/render/wechatContentSize.ts';
import { DocumentSchema } from '../../../../../src/shared/document/nodes.ts';
import { emptyMeta } from '../../../../../src/shared/domain/documentMeta.ts';
import { sampleRelease } from './sampleRelease.ts';

const mmbiz = (hash: string) => `http://mmbiz.qpic.cn/mmbiz_jpg/${hash.slice(0, 6)}/0`;
const release = (children: unknown[]) => ({
  title: '标题',
  meta: emptyMeta('notice'),
  body: DocumentSchema.parse({ root: { type: 'root', children } }),
});

describe('renderWechatHtml', () => {
  const html = renderWechatHtml(sampleRelease, { imageUrl: mmbiz });

  it('styles inline only: no class, id, <style>, script or event attribute; one styled <section>', () => {
    expect(html).toMatch(
      /^<section style="font-size:16px;line-height:1\.75;color:#333;text-align:justify;word-wrap:break-word;">/,
    );
    expect(html).not.toMatch(/\s(class|id)=|<style|<script|\son\w+=/i);
    // every opening tag but the text-level ones carries its own style
    for (const [tag] of html.matchAll(/<(p|h\d|ul|ol|li|table|th|td|blockquote|hr|img)\b[^>]*>/g))
      expect(tag).toContain(' style="');
  });

  it('lays out body paragraphs for a phone (2em indent, justified), prints heading numbers, swaps in mmbiz images', () => {
    expect(html).toContain(
      '<p style="margin:0 0 1em;text-indent:2em;text-align:justify;">为推进政务公开，<strong>区政府</strong>',
    );
    expect(html).toContain('>一、总体情况</h2>');
    expect(html).toContain('>（1）门户网站</h5>');
    expect(html).toContain(
      '<img src="http://mmbiz.qpic.cn/mmbiz_jpg/aaaaaa/0" alt="新闻发布会现场 &quot;照片&quot;" width="800" height="600" style="max-width:100%;height:auto;display:block;margin:0 auto;">',
    );
    expect(html).toContain('<table style="width:100%;border-collapse:collapse;');
    expect(html).toContain('<td style="border:1px solid #bbb;');
    expect(html).toContain(
      '<p style="margin:0 0 0.5em;text-align:right;">通州区人民政府办公室</p>',
    );
  });

  it('writes external links as text plus address, keeps mp.weixin.qq.com links, shows an autolink once', () => {
    const out = renderWechatHtml(
      release([
        {
          type: 'paragraph',
          children: [
            {
              type: 'link',
              url: 'https://www.gov.cn/a?b=1&c=2',
              children: [{ type: 'text', text: '中国政府网' }],
            },
            {
              type: 'link',
              url: 'https://mp.weixin.qq.com/s/abc',
              children: [{ type: 'text', text: '往期' }],
            },
            {
              type: 'autolink',
              url: 'https://x.cn/',
              children: [{ type: 'text', text: 'https://x.cn/' }],
            },
            {
              type: 'link',
              url: 'mailto:gk@tz.gov.cn',
              children: [{ type: 'text', text: '邮箱' }],
            },
          ],
        },
      ]),
      { imageUrl: mmbiz },
    );
    expect(out).toContain(
      '中国政府网<span style="color:#576b95;word-break:break-all;">（https://www.gov.cn/a?b=1&amp;c=2）</span>',
    );
    expect(out).toContain(
      '<a href="https://mp.weixin.qq.com/s/abc" style="color:#576b95;">往期</a>',
    );
    expect(out).toContain('<span style="color:#576b95;word-break:break-all;">https://x.cn/</span>');
    expect(out).toContain(
      '邮箱<span style="color:#576b95;word-break:break-all;">（gk@tz.gov.cn）</span>',
    );
    expect(out.match(/<a /g)).toHaveLength(1);
  });

  it('measures content in UTF-16 characters and UTF-8 bytes against WeChat limits', () => {
    expect(utf8ByteLength('a中😀')).toBe(1 + 3 + 4);
    expect(utf8ByteLength('\ud800')).toBe(3);
    const size = wechatContentSize(html);
    expect(size).toEqual({
      characters: html.length,
      utf8Bytes: Buffer.byteLength(html, 'utf8'),
      fits: true,
    });
    expect(wechatContentSize('中'.repeat(20_000)).fits).toBe(false);
    expect(wechatContentSize('中'.repeat(19_999)).fits).toBe(true);
    expect(wechatContentSize('中'.repeat(19_999)).utf8Bytes).toBe(59_997);
  });
});
