// @vitest-environment happy-dom
// Findings are reported by block index and offsets of plainTextBlocks(); the editor must find
// the same characters in its DOM to mark them.
import { buildEditorFromExtensions } from '@lexical/extension';
import { describe, expect, it } from 'vitest';
import { plainTextBlocks } from '../../../../src/shared/document/plainText.ts';
import type { Document } from '../../../../src/shared/document/nodes.ts';
import { editorStateToDocument } from '../../../../src/renderer/editor/documentState.ts';
import { $blockTextMap } from '../../../../src/renderer/editor/plugins/HighlightPlugin/blockTextMap.ts';
import {
  domRangeFor,
  revealRange,
} from '../../../../src/renderer/editor/plugins/HighlightPlugin/revealRange.ts';
import { createReleaseEditorExtension } from '../../../../src/renderer/editor/releaseEditorExtension.ts';
import { HASH_A, storeParse } from './headlessEditor.ts';

const t = (text: string, format = 0) => ({
  type: 'text',
  version: 1,
  text,
  format,
  mode: 'normal',
  detail: 0,
  style: '',
});
const el = { version: 1, direction: null, format: '', indent: 0 };
const p = (...children: object[]) => ({
  type: 'paragraph',
  ...el,
  textFormat: 0,
  textStyle: '',
  children,
});
const li = (value: number, ...children: object[]) => ({ type: 'listitem', ...el, value, children });
const cell = (...children: object[]) => ({
  type: 'tablecell',
  ...el,
  headerState: 0,
  colSpan: 1,
  rowSpan: 1,
  children,
});

const DOC: Document = storeParse({
  root: {
    type: 'root',
    ...el,
    children: [
      { type: 'heading', tag: 'h1', ...el, children: [t('总体要求')] },
      p(
        t('全年主动公开'),
        t('政府信息', 1),
        {
          type: 'link',
          ...el,
          url: 'https://www.gov.cn/',
          rel: null,
          target: null,
          title: null,
          children: [t('7760条')],
        },
        { type: 'linebreak', version: 1 },
        t('其中'),
        { type: 'image', version: 1, mediaHash: HASH_A, altText: '统计图', width: 10, height: 10 },
        t('微博643条'),
      ),
      { type: 'horizontalrule', version: 1 },
      {
        type: 'list',
        ...el,
        listType: 'bullet',
        start: 1,
        tag: 'ul',
        children: [
          li(1, t('第一项')),
          li(2, {
            type: 'list',
            ...el,
            listType: 'bullet',
            start: 1,
            tag: 'ul',
            children: [li(1, t('子项'))],
          }),
          li(2, t('第二项')),
        ],
      },
      {
        type: 'table',
        ...el,
        children: [
          {
            type: 'tablerow',
            ...el,
            children: [cell(p(t('渠道'))), cell(p(t('门户')), p(t('网站')))],
          },
        ],
      },
      { type: 'quote', ...el, children: [t('公开为常态')] },
      p(),
    ],
  },
});

function mounted() {
  const editor = buildEditorFromExtensions(createReleaseEditorExtension({ initialState: DOC }));
  const root = document.createElement('div');
  root.contentEditable = 'true';
  document.body.append(root);
  editor.setRootElement(root);
  return editor;
}

describe('$blockTextMap', () => {
  it('numbers blocks and characters exactly as plainTextBlocks() does', () => {
    const editor = mounted();
    const texts = editor.getEditorState().read(() => $blockTextMap().map((block) => block.text));
    expect(texts).toEqual(plainTextBlocks(editorStateToDocument(editor.getEditorState())));
    expect(texts).toEqual([
      '总体要求',
      '全年主动公开政府信息7760条\n其中[统计图]微博643条',
      '第一项',
      '子项',
      '第二项',
      '渠道\t门户 网站',
      '公开为常态',
      '',
    ]);
  });
});

describe('domRangeFor', () => {
  it('finds the characters of a finding in the DOM, across formatting and links', () => {
    const editor = mounted();
    const text = (blockIndex: number, start: number, end: number) =>
      domRangeFor(editor, { blockIndex, start, end })?.toString();
    expect(text(0, 2, 4)).toBe('要求');
    expect(text(1, 4, 12)).toBe('公开政府信息77');
    expect(text(1, 16, 18)).toBe('其中');
    expect(text(1, 23, 28)).toBe('微博643');
    expect(text(3, 0, 2)).toBe('子项');
    expect(text(5, 3, 5)).toBe('门户');
    expect(text(5, 6, 8)).toBe('网站');
    expect(text(6, 0, 5)).toBe('公开为常态');
  });

  it('answers null for a block or offsets that do not exist (the text changed since the check)', () => {
    const editor = mounted();
    expect(domRangeFor(editor, { blockIndex: 99, start: 0, end: 1 })).toBeNull();
    expect(domRangeFor(editor, { blockIndex: 0, start: 2, end: 40 })).toBeNull();
    expect(revealRange(editor, { blockIndex: 99, start: 0, end: 1 })).toBe(false);
  });
});
