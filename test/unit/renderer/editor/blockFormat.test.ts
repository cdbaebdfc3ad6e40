// @vitest-environment happy-dom
// What the toolbar and the shortcuts do to the document.
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import {
  $getRoot,
  $isElementNode,
  $isTextNode,
  FORMAT_TEXT_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import {
  clearFormatting,
  currentBlockType,
  setBlockType,
  toggleList,
  toggleQuote,
} from '../../../../src/renderer/editor/plugins/ToolbarPlugin/blockFormat.ts';
import { runShortcut } from '../../../../src/renderer/editor/plugins/ShortcutsPlugin/ShortcutsPlugin.tsx';
import { outline, settle, storeParse, testEditor } from './headlessEditor.ts';

/** An editor with one paragraph of text, the caret in it (all of it selected when `select`). */
function withText(text: string, select = false) {
  const test = testEditor();
  test.editor.update(
    () => {
      const selection = $getRoot().selectEnd();
      selection.insertText(text);
      const node = $getRoot().getFirstDescendant();
      if (select && $isTextNode(node)) node.select(0, text.length);
    },
    { discrete: true },
  );
  return test;
}

const flush = async (editor: LexicalEditor) => {
  await settle();
  return storeParse(editor.getEditorState().toJSON());
};

describe('block types', () => {
  it('sets headings h1–h4 and body text, and reports the block at the caret', async () => {
    const { editor } = withText('总体要求');
    for (const tag of ['h1', 'h2', 'h3', 'h4'] as const) {
      setBlockType(editor, tag);
      expect(outline(await flush(editor))).toEqual([`${tag}: 总体要求`]);
      expect(currentBlockType(editor)).toBe(tag);
    }
    runShortcut(editor, { type: 'block', block: 'paragraph' });
    expect(outline(await flush(editor))).toEqual(['p: 总体要求']);
  });

  it('toggles quotes and lists', async () => {
    const { editor } = withText('公开为常态');
    toggleQuote(editor, currentBlockType(editor));
    expect(outline(await flush(editor))).toEqual(['quote: 公开为常态']);
    toggleQuote(editor, currentBlockType(editor));
    expect(outline(await flush(editor))).toEqual(['p: 公开为常态']);
    toggleList(editor, 'number', currentBlockType(editor));
    expect(outline(await flush(editor))).toEqual([{ number: ['公开为常态'] }]);
    runShortcut(editor, { type: 'bulletList' });
    expect(outline(await flush(editor))).toEqual([{ bullet: ['公开为常态'] }]);
    runShortcut(editor, { type: 'bulletList' });
    expect(outline(await flush(editor))).toEqual(['p: 公开为常态']);
  });

  it('refuses a quote in a table cell, where the model has none', async () => {
    const { editor } = testEditor();
    editor.dispatchCommand(INSERT_TABLE_COMMAND, {
      rows: '2',
      columns: '2',
      includeHeaders: { rows: true, columns: false },
    });
    const before = outline(await flush(editor));
    // Inserted after the paragraph the caret was in, with a paragraph after it to go on typing.
    expect(before).toEqual([
      'p: ',
      {
        table: [
          ['th: p: ', 'th: p: '],
          ['td: p: ', 'td: p: '],
        ],
      },
      'p: ',
    ]);
    editor.update(
      () => {
        const table = $getRoot().getChildAtIndex(1);
        if ($isElementNode(table)) table.getFirstDescendant()?.selectStart();
      },
      { discrete: true },
    );
    expect(currentBlockType(editor)).toBe('paragraph');
    setBlockType(editor, 'quote');
    expect(outline(await flush(editor))).toEqual(before);
  });
});

describe('text formats', () => {
  it('bold, strikethrough by shortcut, and clear formatting', async () => {
    const { editor } = withText('全面部署', true);
    editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold');
    runShortcut(editor, { type: 'strikethrough' });
    expect(outline(await flush(editor))).toEqual(['p: {5:全面部署}']);
    clearFormatting(editor);
    expect(outline(await flush(editor))).toEqual(['p: 全面部署']);
  });
});
