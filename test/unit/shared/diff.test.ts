import { describe, expect, it } from 'vitest';
import { diffLines, diffText } from '../../../src/shared/text/diff.ts';

describe('revision diff', () => {
  it('finds the changed characters of a line', () => {
    expect(diffText('区政府召开新闻发布会', '区政府昨日召开新闻发布会')).toEqual([
      { op: 'equal', text: '区政府' },
      { op: 'insert', text: '昨日' },
      { op: 'equal', text: '召开新闻发布会' },
    ]);
  });

  it('aligns lines and pairs replaced lines as changes', () => {
    expect(diffLines(['一', '二', '三'], ['一', '贰', '三', '四'])).toEqual([
      { kind: 'equal', text: '一' },
      {
        kind: 'change',
        segments: [
          { op: 'delete', text: '二' },
          { op: 'insert', text: '贰' },
        ],
      },
      { kind: 'equal', text: '三' },
      { kind: 'insert', text: '四' },
    ]);
  });

  it('never splits an emoji', () => {
    const segments = diffText('好👍🏽', '好👍🏿');
    expect(segments).toEqual([
      { op: 'equal', text: '好' },
      { op: 'delete', text: '👍🏽' },
      { op: 'insert', text: '👍🏿' },
    ]);
  });
});
