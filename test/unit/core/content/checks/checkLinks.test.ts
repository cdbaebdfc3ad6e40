import { describe, expect, it } from 'vitest';
import { checkLinks, textMismatch } from '../../../../../src/core/content/checks/checkLinks.ts';
import { documentSpans } from '../../../../../src/core/content/checks/documentSpans.ts';
import type { Document } from '../../../../../src/shared/document/nodes.ts';
import { emptyMeta } from '../../../../../src/shared/domain/documentMeta.ts';
import { doc, link, meta, para, text } from './fixtures.ts';

const run = (d: Document, m = meta()) => checkLinks(documentSpans(d), m);

describe('links', () => {
  it('passes https and mailto links with descriptive text', () => {
    expect(
      run(
        doc(
          para(
            text('全文见'),
            link('https://www.gov.cn/zhengce/', '中国政府网政策库'),
            text('，来信请寄'),
            link('mailto:gk@example.gov.cn', '信箱'),
          ),
        ),
      ),
    ).toEqual([]);
  });

  it('warns on http, suggesting the https address, located on the link text', () => {
    const findings = run(
      doc(para(text('详见'), link('http://www.example.gov.cn/gk/2016.html', '区政府门户网站'))),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      checkId: 'link.insecure',
      severity: 'warn',
      location: { kind: 'body', blockIndex: 0, start: 2, end: 9 },
      suggestion: 'https://www.example.gov.cn/gk/2016.html',
    });
  });

  it('blocks a link that is not a valid address (nodes built in memory bypass the schema)', () => {
    const bad: Document = {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
            children: [
              {
                type: 'link',
                version: 1,
                direction: null,
                format: '',
                indent: 0,
                url: 'javascript:alert(1)',
                rel: null,
                target: null,
                title: null,
                children: [],
              },
              {
                type: 'link',
                version: 1,
                direction: null,
                format: '',
                indent: 0,
                url: 'http//www.gov.cn',
                rel: null,
                target: null,
                title: null,
                children: [],
              },
              {
                type: 'link',
                version: 1,
                direction: null,
                format: '',
                indent: 0,
                url: 'mailto:',
                rel: null,
                target: null,
                title: null,
                children: [],
              },
            ],
          },
        ],
      },
    } as unknown as Document;
    expect(run(bad).map((f) => [f.checkId, f.severity])).toEqual([
      ['link.invalid', 'block'],
      ['link.invalid', 'block'],
      ['link.invalid', 'block'],
    ]);
  });

  it('warns when the text shows one address and the link goes to another', () => {
    const findings = run(doc(para(link('https://phish.example.com/login', 'www.gov.cn'))));
    expect(findings.map((f) => f.checkId)).toEqual(['link.text-mismatch']);
    expect(findings[0]?.message.zh).toBe(
      '链接文字“www.gov.cn”是一个网址，但实际指向 https://phish.example.com/login。请让文字与链接地址一致，或把文字改为说明性文字。',
    );
  });

  it('treats the same address shown differently (scheme, www., trailing slash, full-width) as matching', () => {
    expect(textMismatch('www.gov.cn', 'https://www.gov.cn/')).toBe(false);
    expect(textMismatch('http://gov.cn/zhengce', 'https://www.gov.cn/zhengce/')).toBe(false);
    expect(textMismatch('ｗｗｗ．ｇｏｖ．ｃｎ', 'https://www.gov.cn/')).toBe(false);
    expect(textMismatch('中国政府网', 'https://www.gov.cn/')).toBe(false);
    expect(textMismatch('gov.cn/a', 'https://www.gov.cn/b')).toBe(true);
    expect(textMismatch('gk@example.gov.cn', 'mailto:gk@example.gov.cn')).toBe(false);
    expect(textMismatch('gk@example.gov.cn', 'mailto:other@example.gov.cn')).toBe(true);
    expect(textMismatch('gk@example.gov.cn', 'https://example.gov.cn/')).toBe(true);
  });

  it('checks the policy address of a policy interpretation', () => {
    const policyMeta = {
      ...emptyMeta('policy_interpretation'),
      policy: {
        source: 'published' as const,
        title: '关于全面推进政务公开工作的意见',
        documentNumber: '中办发〔2016〕8号',
        url: 'http://www.gov.cn/zhengce/2016-02/17/content_5042791.htm',
      },
    };
    const findings = run(doc(para(text('正文'))), policyMeta);
    expect(findings.map((f) => [f.checkId, f.location])).toEqual([
      ['link.insecure', { kind: 'field', field: 'policy.url' }],
    ]);
  });
});
