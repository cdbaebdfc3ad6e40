// A release editor without React, as the UI builds it (createReleaseEditorExtension: rich
// text, history, lists, links, tables, rules, images, the model guard), plus the editor's own
// paste and image-drop pipelines, for tests that drive it the way the browser does.
import { buildEditorFromExtensions } from '@lexical/extension';
import { $getRoot, type LexicalEditor } from 'lexical';
import { DocumentSchema, type Document } from '../../../../src/shared/document/nodes.ts';
import { editorText } from '../../../../src/renderer/editor/i18n/editorText.ts';
import type {
  EditorNotices,
  NoticeKind,
} from '../../../../src/renderer/editor/notices/editorNotices.ts';
import { registerImageDrop } from '../../../../src/renderer/editor/plugins/ImagePlugin/ImagePlugin.tsx';
import type {
  ImportedImage,
  ImportImage,
} from '../../../../src/renderer/editor/plugins/ImagePlugin/importImageFiles.ts';
import { registerPastePipeline } from '../../../../src/renderer/editor/plugins/PastePlugin/PastePlugin.tsx';
import { createReleaseEditorExtension } from '../../../../src/renderer/editor/releaseEditorExtension.ts';
import { editorStateToDocument } from '../../../../src/renderer/editor/documentState.ts';

export const HASH_A = 'a'.repeat(64);
export const HASH_B = 'b'.repeat(64);

export interface TestEditor {
  editor: LexicalEditor;
  /** The notices shown now (dismissed ones are gone). */
  notices: { id: number; kind: NoticeKind; text: string }[];
  imported: File[];
  doc(): Document;
}

/** An editor holding `initialState` (or one empty paragraph), with a fake media library. */
export function testEditor(
  options: { initialState?: Document; importImage?: ImportImage } = {},
): TestEditor {
  const imported: File[] = [];
  const notices: { id: number; kind: NoticeKind; text: string }[] = [];
  let nextNotice = 1;
  let nextHash = 0;
  const importImage: ImportImage =
    options.importImage ??
    (async (file: File): Promise<ImportedImage> => {
      imported.push(file);
      return { hash: nextHash++ === 0 ? HASH_A : HASH_B, width: 640, height: 360 };
    });
  const api: EditorNotices = {
    notify(kind, text) {
      notices.push({ id: nextNotice, kind, text });
      return nextNotice++;
    },
    dismiss(id) {
      const index = notices.findIndex((notice) => notice.id === id);
      if (index >= 0) notices.splice(index, 1);
    },
  };
  const editor = buildEditorFromExtensions(
    createReleaseEditorExtension({ initialState: options.initialState }),
  );
  const deps = () => ({ importImage, notices: api, t: editorText.bind(null, 'zh-CN') });
  registerPastePipeline(editor, deps);
  registerImageDrop(editor, deps);
  // A caret at the end of the document, as if the person clicked there.
  editor.update(() => void $getRoot().selectEnd(), { discrete: true });
  return {
    editor,
    notices,
    imported: options.importImage ? [] : imported,
    doc: () => editorStateToDocument(editor.getEditorState()),
  };
}

/** Lets the editor commit: updates made in command listeners are committed in a microtask. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A paste event carrying these clipboard types, as Chromium delivers it. */
export function pasteEvent(
  data: Readonly<Record<string, string>>,
  files: File[] = [],
): ClipboardEvent {
  const transfer = new DataTransfer();
  for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
  for (const file of files) transfer.items.add(file);
  return new ClipboardEvent('paste', { clipboardData: transfer, cancelable: true });
}

/** The document parsed as the store parses it; throws with the issues when it is refused. */
export function storeParse(doc: unknown): Document {
  const parsed = DocumentSchema.safeParse(doc);
  if (!parsed.success) {
    throw new Error(
      `DocumentSchema refused the document: ${JSON.stringify(parsed.error.issues, null, 1)}`,
    );
  }
  return parsed.data;
}

/** Every value of every `url` field in a JSON tree. */
export function urlsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(urlsIn);
  if (typeof value !== 'object' || value === null) return [];
  const own = 'url' in value && typeof value.url === 'string' ? [value.url] : [];
  return [...own, ...Object.values(value).flatMap(urlsIn)];
}

/** A compact outline of a document: block types with their text, for exact assertions. */
export function outline(doc: Document): unknown[] {
  const inline = (nodes: readonly { type: string }[]): string =>
    nodes
      .map((node) => {
        const n = node as {
          type: string;
          text?: string;
          format?: number;
          url?: string;
          children?: { type: string }[];
          altText?: string;
          mediaHash?: string;
        };
        switch (n.type) {
          case 'text':
            return n.format ? `{${n.format}:${n.text}}` : (n.text ?? '');
          case 'linebreak':
            return '⏎';
          case 'link':
          case 'autolink':
            return `[${inline(n.children ?? [])}](${n.url})`;
          case 'image':
            return `<img ${n.mediaHash?.slice(0, 4)} "${n.altText}">`;
          case 'tab':
            return '⇥';
          default:
            return `?${n.type}`;
        }
      })
      .join('');
  const block = (node: { type: string }): unknown => {
    const n = node as {
      type: string;
      tag?: string;
      listType?: string;
      children?: { type: string }[];
      headerState?: number;
    };
    switch (n.type) {
      case 'paragraph':
        return `p: ${inline(n.children ?? [])}`;
      case 'heading':
        return `${n.tag}: ${inline(n.children ?? [])}`;
      case 'quote':
        return `quote: ${inline(n.children ?? [])}`;
      case 'horizontalrule':
        return 'hr';
      case 'list':
        return { [n.listType ?? '?']: (n.children ?? []).map(block) };
      case 'listitem': {
        const children = n.children ?? [];
        const lists = children.filter((c) => c.type === 'list');
        const text = inline(children.filter((c) => c.type !== 'list'));
        return lists.length > 0 ? [text, ...lists.map(block)] : text;
      }
      case 'table':
        return { table: (n.children ?? []).map(block) };
      case 'tablerow':
        return (n.children ?? []).map(block);
      case 'tablecell':
        return `${n.headerState ? 'th' : 'td'}: ${(n.children ?? []).map((c) => String(block(c))).join(' | ')}`;
      default:
        return `?${n.type}`;
    }
  };
  return doc.root.children.map(block);
}
