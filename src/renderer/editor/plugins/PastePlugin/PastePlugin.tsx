import {
  $generateNodesFromSerializedNodes,
  $insertGeneratedNodes,
  type BaseSerializedNode,
} from '@lexical/clipboard';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $addUpdateTag,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  type BaseSelection,
  COMMAND_PRIORITY_HIGH,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  PASTE_COMMAND,
  PASTE_TAG,
} from 'lexical';
import { useEffect, useRef } from 'react';
import type { EditorTranslate } from '../../i18n/editorText.ts';
import { useEditorText } from '../../i18n/useEditorText.ts';
import { type EditorNotices, useEditorNotices } from '../../notices/editorNotices.ts';
import { $restoreSelection, type SavedSelection } from '../../shared/savedSelection.ts';
import { imageFileProblem } from '../ImagePlugin/acceptedImage.ts';
import { dataUrlToFile } from '../ImagePlugin/dataUrlToFile.ts';
import {
  failureText,
  type ImportedImage,
  type ImportImage,
  importImageFiles,
} from '../ImagePlugin/importImageFiles.ts';
import { insertImages } from '../ImagePlugin/insertImages.ts';
import { cleanPastedHtml, type CleanedPaste } from './cleanPastedHtml.ts';
import { $insertCleanPaste } from './insertCleanPaste.ts';
import { LEXICAL_MIME_TYPE, ownClipboardNodes } from './ownClipboard.ts';

export interface PasteDeps {
  importImage: ImportImage;
  notices: EditorNotices;
  t: EditorTranslate;
}

/**
 * Takes over every paste (and every drop from outside the editor) that carries HTML, at high
 * priority, before Lexical's own handler: the HTML is cleaned down to the document model
 * (cleanPastedHtml), its embedded images are imported into the media library, and only then is
 * it converted (Lexical's $generateNodesFromDOM) and inserted, as one undo step, where the caret
 * was. Images it cannot bring (local files, web addresses) are counted and the person is told
 * to insert them with the image button. Lexical's clipboard format is taken as it is only when
 * it comes from a release editor (same namespace, known nodes); anything else is HTML.
 *
 * Left to Lexical: plain text (each line a paragraph) and image files alone (ImagePlugin).
 */
export function PastePlugin({ importImage }: { importImage: ImportImage }) {
  const [editor] = useLexicalComposerContext();
  const notices = useEditorNotices();
  const t = useEditorText();
  const latest = useRef<PasteDeps>({ importImage, notices, t });
  useEffect(() => {
    latest.current = { importImage, notices, t };
  });
  useEffect(() => registerPastePipeline(editor, () => latest.current), [editor]);
  return null;
}

/** The registration behind PastePlugin, usable without React (tests, tools). */
export function registerPastePipeline(editor: LexicalEditor, deps: () => PasteDeps): () => void {
  const take = (data: DataTransfer | null, event: Event): boolean => {
    if (!data || !editor.isEditable()) return false;
    // Command listeners run inside an update: the $ functions below act on it directly.
    if ($insertOwnClipboard(editor, data)) {
      event.preventDefault();
      return true;
    }
    const html = data.getData('text/html');
    if (html.trim() === '') return false;
    event.preventDefault();
    $pasteHtml(editor, html, imageFiles(data), deps());
    return true;
  };
  return mergeRegister(
    editor.registerCommand(
      PASTE_COMMAND,
      (event) =>
        take(
          'clipboardData' in event
            ? event.clipboardData
            : 'dataTransfer' in event
              ? event.dataTransfer
              : null,
          event,
        ),
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      CONTROLLED_TEXT_INSERTION_COMMAND,
      (payload) => (typeof payload === 'string' ? false : take(payload.dataTransfer, payload)),
      COMMAND_PRIORITY_HIGH,
    ),
  );
}

function imageFiles(data: DataTransfer): File[] {
  return Array.from(data.files).filter((file) => file.type.startsWith('image/'));
}

/** The selection to paste at, inside a command listener (which runs inside an update). */
function $pasteSelection(): BaseSelection {
  return $getSelection() ?? $getRoot().selectEnd();
}

/** Lexical's clipboard format from a release editor, inserted as it is. Inside an update. */
function $insertOwnClipboard(editor: LexicalEditor, data: DataTransfer): boolean {
  const serialized = ownClipboardNodes(data.getData(LEXICAL_MIME_TYPE));
  if (serialized === null) return false;
  let nodes: LexicalNode[];
  try {
    nodes = $generateNodesFromSerializedNodes(serialized as BaseSerializedNode[]);
  } catch {
    return false; // unknown node types: treat it as foreign content
  }
  $addUpdateTag(PASTE_TAG);
  $insertGeneratedNodes(editor, nodes, $pasteSelection());
  return true;
}

/**
 * Cleans and inserts pasted HTML; inside the paste's update. Without embedded images it is
 * inserted at once (one undo step with the paste). With them, the images are imported first
 * and the paste is inserted afterwards where the caret was, as its own update.
 */
function $pasteHtml(
  editor: LexicalEditor,
  html: string,
  files: readonly File[],
  deps: PasteDeps,
): void {
  const parser = new DOMParser();
  const cleaned = cleanPastedHtml(html, parser);
  const selection = $getSelection();
  const at: SavedSelection = $isRangeSelection(selection) ? selection.clone() : null;
  if (cleaned.html === '' && files.length > 0) {
    // "Copy image" in a browser or in Word: HTML pointing at the image, and the image itself.
    void importImageFiles(files, deps.importImage, deps.notices, deps.t).then((images) =>
      insertImages(editor, images, at),
    );
    return;
  }
  if (cleaned.embeddedImages.length === 0) {
    if (cleaned.html !== '') {
      $addUpdateTag(PASTE_TAG);
      $insertCleanPaste(editor, cleaned, new Map(), parser, $pasteSelection());
    }
    reportDropped(cleaned, [], deps);
    return;
  }
  void importEmbeddedImages(cleaned, deps).then(({ imported, failures }) => {
    editor.update(
      () => {
        $insertCleanPaste(editor, cleaned, imported, parser, $restoreSelection(at));
      },
      { tag: PASTE_TAG },
    );
    reportDropped(cleaned, failures, deps);
  });
}

async function importEmbeddedImages(
  cleaned: CleanedPaste,
  { importImage, notices, t }: PasteDeps,
): Promise<{ imported: Map<number, ImportedImage>; failures: string[] }> {
  const imported = new Map<number, ImportedImage>();
  const failures: string[] = [];
  const progress = notices.notify(
    'progress',
    t('paste.importingImages', { count: cleaned.embeddedImages.length }),
  );
  try {
    for (const image of cleaned.embeddedImages) {
      const file = dataUrlToFile(image.dataUrl, `pasted-image-${image.id + 1}`);
      const problem = file ? imageFileProblem(file) : 'wrongType';
      if (!file || problem !== null) {
        failures.push(
          t(problem === 'tooLarge' ? 'image.tooLarge' : 'image.wrongType', {
            name: file?.name ?? '',
          }),
        );
        continue;
      }
      try {
        imported.set(image.id, await importImage(file));
      } catch (error) {
        failures.push(failureText(error));
      }
    }
  } finally {
    notices.dismiss(progress);
  }
  return { imported, failures };
}

/** Tells the person which images did not come along, and why. */
function reportDropped(
  cleaned: CleanedPaste,
  failures: readonly string[],
  { notices, t }: PasteDeps,
): void {
  if (cleaned.droppedImages > 0) {
    notices.notify('warning', t('paste.droppedImages', { count: cleaned.droppedImages }));
  }
  if (failures.length > 0) {
    notices.notify(
      'error',
      t('paste.imagesFailed', { count: failures.length, detail: [...new Set(failures)].join(' ') }),
    );
  }
}
