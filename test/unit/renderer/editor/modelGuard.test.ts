// @vitest-environment happy-dom
// The model guard keeps the editor inside the document model whatever way content got in.
import { $createLinkNode } from '@lexical/link';
import { $createQuoteNode } from '@lexical/rich-text';
import { $createHorizontalRuleNode } from '@lexical/extension';
import { $createTableNodeWithDimensions } from '@lexical/table';
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $createImageNode } from '../../../../src/renderer/editor/nodes/ImageNode/ImageNode.tsx';
import { HASH_A, outline, storeParse, testEditor, urlsIn } from './headlessEditor.ts';

function build(make: () => LexicalNode[]) {
  const test = testEditor();
  test.editor.update(
    () => {
      const root = $getRoot();
      root.clear();
      root.append(...make());
    },
    { discrete: true },
  );
  return test;
}

describe('the model guard', () => {
  it('unwraps links that are not http, https or mailto, keeping their text', () => {
    const { doc } = build(() => [
      $createParagraphNode().append(
        $createLinkNode('javascript:alert(1)').append($createTextNode('甲')),
        $createLinkNode('data:text/html,x').append($createTextNode('乙')),
        $createLinkNode('https://www.gov.cn').append($createTextNode('丙')),
      ),
    ]);
    const stored = storeParse(doc());
    expect(outline(stored)).toEqual(['p: 甲乙[丙](https://www.gov.cn/)']);
    expect(urlsIn(stored)).toEqual(['https://www.gov.cn/']);
  });

  it('stores a kept link as the store would: normalized URL, rel noopener noreferrer, no target', () => {
    const { doc } = build(() => [
      $createParagraphNode().append(
        $createLinkNode('https://WWW.GOV.CN', { target: '_blank', rel: 'opener' }).append(
          $createTextNode('链接'),
        ),
      ),
    ]);
    const paragraph = doc().root.children[0];
    const link = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined;
    expect(link).toMatchObject({
      type: 'link',
      url: 'https://www.gov.cn/',
      rel: 'noopener noreferrer',
      target: null,
    });
  });

  it('moves an image out of a link', () => {
    const { doc } = build(() => [
      $createParagraphNode().append(
        $createLinkNode('https://www.gov.cn').append(
          $createTextNode('图'),
          $createImageNode({ mediaHash: HASH_A, altText: '徽标', width: 10, height: 10 }),
        ),
      ),
    ]);
    expect(outline(storeParse(doc()))).toEqual(['p: [图](https://www.gov.cn/)<img aaaa "徽标">']);
  });

  it('drops inline styles of text', () => {
    const { doc } = build(() => [
      $createParagraphNode().append(
        $createTextNode('红字').setStyle('color: red; font-size: 40px'),
      ),
    ]);
    const paragraph = doc().root.children[0];
    expect(paragraph?.type === 'paragraph' && paragraph.children[0]).toMatchObject({ style: '' });
  });

  it('keeps table cells to paragraphs, headings and lists: a quote becomes a paragraph, a rule moves out', () => {
    const { doc } = build(() => {
      const table = $createTableNodeWithDimensions(1, 2, false);
      const cells = table
        .getFirstChildOrThrow<LexicalNode & { getChildren(): LexicalNode[] }>()
        .getChildren();
      const [first, second] = cells as (LexicalNode & {
        clear(): void;
        append(...n: LexicalNode[]): void;
      })[];
      first?.clear();
      first?.append($createQuoteNode().append($createTextNode('引文')));
      second?.append($createHorizontalRuleNode());
      return [table];
    });
    const stored = storeParse(doc());
    expect(outline(stored)).toEqual([{ table: [['td: p: 引文', 'td: p: ']] }, 'hr']);
  });
});
