import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';
import type { Document } from '../../../../shared/document/nodes.ts';
import { registerDocumentChange } from './registerDocumentChange.ts';

/** ReleaseEditor's onChange (see registerDocumentChange). The latest callback is always used. */
export function DocumentChangePlugin({ onChange }: { onChange: (doc: Document) => void }) {
  const [editor] = useLexicalComposerContext();
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => registerDocumentChange(editor, (doc) => latest.current(doc)), [editor]);
  return null;
}
