import { HorizontalRuleExtension } from '@lexical/extension';
import { HistoryExtension } from '@lexical/history';
import { AutoLinkNode, LinkExtension } from '@lexical/link';
import { ListExtension } from '@lexical/list';
import { RichTextExtension } from '@lexical/rich-text';
import { TableExtension } from '@lexical/table';
import { configExtension, defineExtension, type LexicalEditor } from 'lexical';
import type { Document } from '../../shared/document/nodes.ts';
import { safeLinkUrl } from '../../shared/document/safeUrl.ts';
import { withAtLeastOneBlock } from './documentState.ts';
import { RELEASE_EDITOR_NAMESPACE } from './editorNodes.ts';
import { ImageNode } from './nodes/ImageNode/ImageNode.tsx';
import { LINK_REL } from './plugins/ModelGuardPlugin/registerModelGuard.ts';
import { ModelGuardExtension } from './plugins/ModelGuardPlugin/ModelGuardExtension.ts';
import { editorTheme } from './theme/editorTheme.ts';

export interface ReleaseEditorExtensionOptions {
  /** The saved document to start from; a new document starts with one empty paragraph. */
  initialState?: Document | undefined;
  editable?: boolean;
  onError?: (error: Error, editor: LexicalEditor) => void;
}

/**
 * The release editor without its React parts: rich text, history, lists, links (http, https,
 * mailto only), tables (no nested tables, no cell colours), horizontal rules, images, and the
 * model guard. ReleaseEditor renders it; tests and tools build the same editor headless with
 * `buildEditorFromExtensions(createReleaseEditorExtension(...))`.
 */
export function createReleaseEditorExtension(options: ReleaseEditorExtensionOptions = {}) {
  const { initialState } = options;
  return defineExtension({
    name: '@pressdesk/editor/Release',
    namespace: RELEASE_EDITOR_NAMESPACE,
    theme: editorTheme,
    nodes: [AutoLinkNode, ImageNode],
    editable: options.editable ?? true,
    onError:
      options.onError ??
      ((error: Error) => {
        throw error;
      }),
    ...(initialState
      ? { $initialEditorState: JSON.stringify(withAtLeastOneBlock(initialState)) }
      : {}),
    dependencies: [
      RichTextExtension,
      HistoryExtension,
      ListExtension,
      configExtension(LinkExtension, {
        validateUrl: (url: string) => safeLinkUrl(url) !== undefined,
        attributes: { rel: LINK_REL, target: null },
      }),
      configExtension(TableExtension, {
        hasCellBackgroundColor: false,
        hasNestedTables: false,
        hasHorizontalScroll: true,
      }),
      HorizontalRuleExtension,
      ModelGuardExtension,
    ],
  });
}
