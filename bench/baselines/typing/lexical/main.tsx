// A reference for the typing benchmark: Lexical with rich text only (no toolbar, no plugins of
// the release editor), with the release editor's theme, holding the same document. The release
// editor against it is what the editor's own plugins cost on top of Lexical.
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalExtensionComposer } from '@lexical/react/LexicalExtensionComposer';
import { RichTextExtension } from '@lexical/rich-text';
import { defineExtension } from 'lexical';
import { createRoot } from 'react-dom/client';
import {
  editorTheme,
  EDITOR_ROOT_CLASS,
} from '../../../../src/renderer/editor/theme/editorTheme.ts';
import type { Document } from '../../../../src/shared/document/nodes.ts';
import { caretInTheMiddle, installProbe } from '../keystrokeProbe.tsx';

interface BenchWindow {
  pdMount?: (doc: Document) => Promise<void>;
  pdCaretInTheMiddle?: () => void;
}
const page = window as unknown as BenchWindow;

page.pdMount = (doc) =>
  new Promise((resolve) => {
    const extension = defineExtension({
      name: 'bench/minimal-lexical',
      namespace: 'bench',
      theme: editorTheme,
      dependencies: [RichTextExtension],
      $initialEditorState: JSON.stringify(doc),
    });
    const container = document.getElementById('root') as HTMLElement;
    createRoot(container).render(
      <LexicalExtensionComposer extension={extension} contentEditable={null}>
        <div className="pd-ed-surface">
          <ContentEditable className={EDITOR_ROOT_CLASS} lang="zh-CN" />
        </div>
      </LexicalExtensionComposer>,
    );
    const waitForContent = () => {
      const root = container.querySelector<HTMLElement>('[contenteditable="true"]');
      if (root && root.querySelectorAll('p').length > 1) {
        installProbe(root);
        page.pdCaretInTheMiddle = () => caretInTheMiddle(root);
        resolve();
      } else requestAnimationFrame(waitForContent);
    };
    waitForContent();
  });
