// @vitest-environment node
import { describe, expect, it } from 'vitest';
import html from '../../../../src/renderer/index.html?raw';
import { CONTENT_SECURITY_POLICY } from '../../../../src/shared/csp.ts';

describe('index.html', () => {
  it('carries the same Content-Security-Policy as src/shared/csp.ts', () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('starts in Chinese, with a title', () => {
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
  });
});
