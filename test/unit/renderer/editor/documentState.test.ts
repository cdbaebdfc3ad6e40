// @vitest-environment happy-dom
// A saved document opens in the editor and comes back out unchanged: the editor's JSON is the
// store's format, node for node, for every node type of the model.
import { buildEditorFromExtensions } from '@lexical/extension';
import { createEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../../../src/shared/document/nodes.ts';
import { emptyEditorState } from '../../../../src/shared/domain/editorState.ts';
import { createEditorConfig } from '../../../../src/renderer/editor/createEditorConfig.ts';
import {
  documentToEditorState,
  editorStateToDocument,
} from '../../../../src/renderer/editor/documentState.ts';
import { createReleaseEditorExtension } from '../../../../src/renderer/editor/releaseEditorExtension.ts';
import { HASH_A, storeParse } from './headlessEditor.ts';

const text = (value: string, format = 0) => ({
  type: 'text' as const,
  version: 1,
  text: value,
  format,
  mode: 'normal' as const,
  detail: 0,
  style: '',
});
const element = { version: 1, direction: null, format: '' as const, indent: 0 };
const paragraph = (...children: object[]) => ({
  type: 'paragraph',
  ...element,
  textFormat: 0,
  textStyle: '',
  children,
});
const cell = (headerState: number, value: string) => ({
  type: 'tablecell',
  ...element,
  headerState,
  colSpan: 1,
  rowSpan: 1,
  backgroundColor: null,
  children: [paragraph(text(value))],
});

/** One of everything the model has. */
const EVERY_NODE = storeParse({
  root: {
    type: 'root',
    ...element,
    children: [
      { type: 'heading', tag: 'h1', ...element, children: [text('总体要求')] },
      { type: 'heading', tag: 'h2', ...element, children: [text('工作目标')] },
      paragraph(
        text('正文'),
        text('加粗', 1),
        { type: 'linebreak', version: 1 },
        // Lexical writes a tab with detail 2 (unmergeable).
        { ...text('\t'), type: 'tab', detail: 2 },
        {
          type: 'link',
          ...element,
          url: 'https://www.gov.cn/',
          rel: 'noopener noreferrer',
          target: null,
          title: null,
          children: [text('中国政府网')],
        },
        { type: 'image', version: 1, mediaHash: HASH_A, altText: '现场', width: 640, height: 360 },
      ),
      { type: 'quote', ...element, children: [text('引文')] },
      {
        type: 'list',
        ...element,
        listType: 'number',
        start: 1,
        tag: 'ol',
        children: [{ type: 'listitem', ...element, value: 1, children: [text('第一')] }],
      },
      {
        type: 'table',
        ...element,
        children: [
          { type: 'tablerow', ...element, children: [cell(1, '渠道'), cell(1, '条数')] },
          { type: 'tablerow', ...element, children: [cell(0, '门户网站'), cell(0, '7760')] },
        ],
      },
      { type: 'horizontalrule', version: 1 },
    ],
  },
});

describe('documentToEditorState and editorStateToDocument', () => {
  it('round-trip every node type of the model unchanged, in the release editor', () => {
    const editor = buildEditorFromExtensions(createReleaseEditorExtension());
    const state = documentToEditorState(editor, EVERY_NODE);
    editor.setEditorState(state);
    expect(storeParse(editorStateToDocument(editor.getEditorState()))).toEqual(EVERY_NODE);
  });

  it('open the document the release editor was created with', () => {
    const editor = buildEditorFromExtensions(
      createReleaseEditorExtension({ initialState: EVERY_NODE }),
    );
    expect(storeParse(editorStateToDocument(editor.getEditorState()))).toEqual(EVERY_NODE);
  });

  it('work with a plain createEditor(createEditorConfig())', () => {
    const editor = createEditor(createEditorConfig());
    editor.setEditorState(documentToEditorState(editor, EVERY_NODE));
    expect(storeParse(editorStateToDocument(editor.getEditorState()))).toEqual(EVERY_NODE);
  });

  it('open a document without blocks as one empty paragraph (Lexical refuses an empty root)', () => {
    const bare: Document = { root: { ...emptyEditorState().root, children: [] } };
    const editor = buildEditorFromExtensions(createReleaseEditorExtension({ initialState: bare }));
    expect(editorStateToDocument(editor.getEditorState())).toEqual(emptyEditorState());
  });
});
