import { useMemo, useRef, useState } from 'react';
import type { EditorNotices, Notice } from './editorNotices.ts';

/** The notices of one editor, and the stable notify/dismiss functions its plugins call. */
export function useNoticeState(): { notices: Notice[]; api: EditorNotices } {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const api = useMemo<EditorNotices>(
    () => ({
      notify(kind, text) {
        const id = nextId.current++;
        setNotices((current) => [...current, { id, kind, text }]);
        return id;
      },
      dismiss(id) {
        setNotices((current) => current.filter((notice) => notice.id !== id));
      },
    }),
    [],
  );
  return { notices, api };
}
