import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalExtensionComposer } from '@lexical/react/LexicalExtensionComposer';
import { type Ref, useId, useMemo, useState } from 'react';
import type { Document } from '../../shared/document/nodes.ts';
import type { Locale } from '../../shared/domain/settings.ts';
import { EditorLocaleContext } from './i18n/editorLocaleContext.ts';
import { editorText } from './i18n/editorText.ts';
import { EditorNoticesContext } from './notices/editorNotices.ts';
import { NoticeList } from './notices/NoticeList.tsx';
import { useNoticeState } from './notices/useNoticeState.ts';
import { DocumentChangePlugin } from './plugins/DocumentChangePlugin/DocumentChangePlugin.tsx';
import {
  EditorHandlePlugin,
  type ReleaseEditorHandle,
} from './plugins/EditorHandlePlugin/EditorHandlePlugin.tsx';
import type { HighlightRange } from './plugins/HighlightPlugin/highlightRange.ts';
import { HighlightPlugin } from './plugins/HighlightPlugin/HighlightPlugin.tsx';
import type { ImportImage } from './plugins/ImagePlugin/importImageFiles.ts';
import { ImagePlugin } from './plugins/ImagePlugin/ImagePlugin.tsx';
import { ListTabPlugin } from './plugins/ListTabPlugin/ListTabPlugin.tsx';
import { PastePlugin } from './plugins/PastePlugin/PastePlugin.tsx';
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin/ShortcutsPlugin.tsx';
import { ToolbarPlugin } from './plugins/ToolbarPlugin/ToolbarPlugin.tsx';
import { createReleaseEditorExtension } from './releaseEditorExtension.ts';
import { EDITOR_ROOT_CLASS } from './theme/editorTheme.ts';

export type { ReleaseEditorHandle } from './plugins/EditorHandlePlugin/EditorHandlePlugin.tsx';
export type {
  HighlightRange,
  HighlightSeverity,
} from './plugins/HighlightPlugin/highlightRange.ts';
export type { ImportedImage, ImportImage } from './plugins/ImagePlugin/importImageFiles.ts';

export interface ReleaseEditorProps {
  /**
   * The saved body to edit. Read once, when the editor mounts: to load another document (or a
   * newer version of this one), mount a new editor (give it a new React `key`).
   */
  initialState: Document;
  /**
   * The whole body after every change of content (not of selection only; not while an input
   * method is composing), as the editor state's JSON: exactly the document model.
   */
  onChange: (doc: Document) => void;
  /**
   * Puts an image into the media library (the parent wires it to `media.import`) and answers
   * its hash and size; rejects with an Error whose message is shown to the person as it is.
   */
  importImage: ImportImage;
  /** The language of the toolbar, dialogs and messages. The text itself is always Chinese. */
  locale: Locale;
  /** Shows the document without the toolbar and refuses edits. */
  readOnly?: boolean | undefined;
  /** Findings of the pre-publish checks to mark in the text (plainTextBlocks() positions). */
  highlights?: readonly HighlightRange[] | undefined;
  ref?: Ref<ReleaseEditorHandle> | undefined;
}

const NO_HIGHLIGHTS: readonly HighlightRange[] = [];

/**
 * The rich-text editor of a release body: official heading levels 一、（一）1.（1）, lists,
 * quotes, links, library images with alternative text, tables, rules; pastes from Word, WPS and
 * web pages cleaned to the document model; everything it produces parses with DocumentSchema.
 */
export function ReleaseEditor({
  initialState,
  onChange,
  importImage,
  locale,
  readOnly = false,
  highlights = NO_HIGHLIGHTS,
  ref,
}: ReleaseEditorProps) {
  // The editor is built once, from the document it was mounted with (see initialState).
  const [extension] = useState(() =>
    createReleaseEditorExtension({ initialState, editable: !readOnly }),
  );
  const { notices, api } = useNoticeState();
  const contentId = useId();
  const placeholder = useMemo(
    () => <div className="pd-ed-placeholder">{editorText(locale, 'editor.placeholder')}</div>,
    [locale],
  );

  return (
    <EditorLocaleContext value={locale}>
      <EditorNoticesContext value={api}>
        <div className="pd-ed" lang={locale}>
          <LexicalExtensionComposer extension={extension} contentEditable={null}>
            {!readOnly && <ToolbarPlugin importImage={importImage} editorId={contentId} />}
            <NoticeList notices={notices} onDismiss={api.dismiss} />
            <div className="pd-ed-surface">
              <ContentEditable
                id={contentId}
                className={EDITOR_ROOT_CLASS}
                lang="zh-CN"
                aria-label={editorText(locale, 'editor.label')}
                aria-multiline
                aria-placeholder={editorText(locale, 'editor.placeholder')}
                placeholder={placeholder}
              />
            </div>
            <DocumentChangePlugin onChange={onChange} />
            <PastePlugin importImage={importImage} />
            <ImagePlugin importImage={importImage} />
            <ShortcutsPlugin />
            <ListTabPlugin />
            <HighlightPlugin highlights={highlights} />
            <EditorHandlePlugin handleRef={ref} readOnly={readOnly} />
          </LexicalExtensionComposer>
        </div>
      </EditorNoticesContext>
    </EditorLocaleContext>
  );
}
