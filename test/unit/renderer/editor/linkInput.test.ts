// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { linkFromInput } from '../../../../src/renderer/editor/plugins/ToolbarPlugin/linkInput.ts';

describe('linkFromInput', () => {
  it('takes http, https and mailto addresses, normalized', () => {
    expect(linkFromInput(' https://www.gov.cn ')).toBe('https://www.gov.cn/');
    expect(linkFromInput('http://www.tongzhou.gov.cn/zwgk/index.html?id=1#a')).toBe(
      'http://www.tongzhou.gov.cn/zwgk/index.html?id=1#a',
    );
    expect(linkFromInput('mailto:xinxi@tongzhou.gov.cn')).toBe('mailto:xinxi@tongzhou.gov.cn');
  });

  it('completes addresses as people type them', () => {
    expect(linkFromInput('www.gov.cn/zhengce')).toBe('https://www.gov.cn/zhengce');
    expect(linkFromInput('gov.cn')).toBe('https://gov.cn/');
    expect(linkFromInput('www.gov.cn:8080/a')).toBe('https://www.gov.cn:8080/a');
    expect(linkFromInput('xinxi@tongzhou.gov.cn')).toBe('mailto:xinxi@tongzhou.gov.cn');
  });

  it('refuses everything else', () => {
    for (const input of [
      '',
      'javascript:alert(1)',
      ' jav\tascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///C:/Windows/notepad.exe',
      'ftp://example.com/',
      '/relative/path',
      '通州区政府网',
    ]) {
      expect(linkFromInput(input), input).toBeUndefined();
    }
  });
});
