// @vitest-environment happy-dom
// onChange: every change of content, never a change of selection alone, never mid-composition.
import {
  $createTextNode,
  $getRoot,
  $isTextNode,
  $setCompositionKey,
  type ElementNode,
  type LexicalEditor,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../../../src/shared/document/nodes.ts';
import { registerDocumentChange } from '../../../../src/renderer/editor/plugins/DocumentChangePlugin/registerDocumentChange.ts';
import { outline, storeParse, testEditor } from './headlessEditor.ts';

function watch(editor: LexicalEditor): Document[] {
  const seen: Document[] = [];
  registerDocumentChange(editor, (doc) => seen.push(doc));
  return seen;
}

function setText(text: string): void {
  const node = $getRoot().getFirstDescendant();
  if ($isTextNode(node)) node.setTextContent(text);
}

describe('registerDocumentChange', () => {
  it('reports the whole document after a change of content, as the store accepts it', () => {
    const { editor } = testEditor();
    const seen = watch(editor);
    editor.update(() => void $getRoot().selectEnd().insertText('政务公开'), { discrete: true });
    expect(seen).toHaveLength(1);
    expect(outline(storeParse(seen[0]))).toEqual(['p: 政务公开']);
  });

  it('says nothing when only the selection moves', () => {
    const { editor } = testEditor();
    editor.update(() => void $getRoot().selectEnd().insertText('政务公开'), { discrete: true });
    const seen = watch(editor);
    editor.update(() => void $getRoot().selectStart(), { discrete: true });
    editor.update(() => void $getRoot().getFirstDescendant()?.selectNext(1, 3), { discrete: true });
    expect(seen).toEqual([]);
  });

  it('waits while an input method composes, then reports the chosen characters once', () => {
    const { editor } = testEditor();
    const seen = watch(editor);
    // compositionstart: Lexical marks the text node being composed; pinyin goes into it.
    editor.update(
      () => {
        const text = $createTextNode('zheng');
        $getRoot().getFirstChildOrThrow<ElementNode>().append(text);
        $setCompositionKey(text.getKey());
      },
      { discrete: true },
    );
    editor.update(() => setText('zhengwu'), { discrete: true });
    expect(editor.isComposing()).toBe(true);
    expect(seen).toEqual([]);
    // compositionend: the candidate replaces the pinyin, and the composition key is cleared.
    editor.update(
      () => {
        setText('政务');
        $setCompositionKey(null);
      },
      { discrete: true },
    );
    expect(seen).toHaveLength(1);
    expect(outline(storeParse(seen[0]))).toEqual(['p: 政务']);
  });

  it('reports at the end of a composition even when the end itself changes no text', () => {
    const { editor } = testEditor();
    const seen = watch(editor);
    editor.update(
      () => {
        const text = $createTextNode('政务');
        $getRoot().getFirstChildOrThrow<ElementNode>().append(text);
        $setCompositionKey(text.getKey());
      },
      { discrete: true },
    );
    expect(seen).toEqual([]);
    editor.update(() => $setCompositionKey(null), { discrete: true });
    expect(seen).toHaveLength(1);
  });
});
