import { createContext, useContext } from 'react';

/**
 * Messages the editor owes the person writing: an upload in progress, an image the library
 * refused (with the host's own words), images a paste could not bring along. Shown above the
 * page in a live region, never as a modal: writing goes on while they are there.
 */
export type NoticeKind = 'progress' | 'info' | 'warning' | 'error';

export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
}

export interface EditorNotices {
  /** Shows a notice; returns its id for dismiss(). */
  notify(kind: NoticeKind, text: string): number;
  dismiss(id: number): void;
}

const ignore: EditorNotices = { notify: () => 0, dismiss: () => undefined };

export const EditorNoticesContext = createContext<EditorNotices>(ignore);

export function useEditorNotices(): EditorNotices {
  return useContext(EditorNoticesContext);
}
