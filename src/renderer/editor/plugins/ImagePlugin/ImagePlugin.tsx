import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { DRAG_DROP_PASTE } from '@lexical/rich-text';
import { COMMAND_PRIORITY_LOW, type LexicalEditor } from 'lexical';
import { useEffect, useRef } from 'react';
import type { EditorTranslate } from '../../i18n/editorText.ts';
import { useEditorText } from '../../i18n/useEditorText.ts';
import { type EditorNotices, useEditorNotices } from '../../notices/editorNotices.ts';
import { saveSelection } from '../../shared/savedSelection.ts';
import { type ImportImage, importImageFiles } from './importImageFiles.ts';
import { insertImages } from './insertImages.ts';

/**
 * Image files dropped on the editor, or pasted with no text along (Lexical's rich text turns
 * both into DRAG_DROP_PASTE): each goes to the media library through `importImage` and only
 * then becomes an image node, at the place of the drop or the caret. Nothing is inserted for a
 * refused file; the refusal is shown with the host's message.
 */
export function ImagePlugin({ importImage }: { importImage: ImportImage }) {
  const [editor] = useLexicalComposerContext();
  const notices = useEditorNotices();
  const t = useEditorText();
  const latest = useRef({ importImage, notices, t });
  useEffect(() => {
    latest.current = { importImage, notices, t };
  });

  useEffect(() => registerImageDrop(editor, () => latest.current), [editor]);
  return null;
}

/** The registration behind ImagePlugin, usable without React (tests, tools). */
export function registerImageDrop(
  editor: LexicalEditor,
  deps: () => { importImage: ImportImage; notices: EditorNotices; t: EditorTranslate },
): () => void {
  return editor.registerCommand(
    DRAG_DROP_PASTE,
    (files) => {
      if (!editor.isEditable()) return false;
      const at = saveSelection(editor);
      const { importImage, notices, t } = deps();
      void importImageFiles(files, importImage, notices, t).then((images) =>
        insertImages(editor, images, at),
      );
      return true;
    },
    COMMAND_PRIORITY_LOW,
  );
}
