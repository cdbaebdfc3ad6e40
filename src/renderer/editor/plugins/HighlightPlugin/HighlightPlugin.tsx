import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { $blockTextMap } from './blockTextMap.ts';
import { HIGHLIGHT_NAMES, type HighlightRange, type HighlightSeverity } from './highlightRange.ts';
import { addHighlightRanges } from './highlightRegistry.ts';
import { rangeForBlockText } from './rangeForBlockText.ts';

/** How long typing must pause before the marks follow the text again. */
const REFRESH_DELAY_MS = 250;

/**
 * Marks the findings of the pre-publish checks in place (CSS Custom Highlight API: the text is
 * not changed). The marks are placed again when the list changes, and after edits once typing
 * pauses; with no findings it does no work at all while typing.
 */
export function HighlightPlugin({ highlights }: { highlights: readonly HighlightRange[] }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (highlights.length === 0) return;
    let clear: (() => void)[] = [];
    const place = () => {
      for (const undo of clear) undo();
      clear = [];
      const blocks = editor.getEditorState().read($blockTextMap);
      const bySeverity = new Map<HighlightSeverity, Range[]>();
      for (const mark of highlights) {
        const block = blocks[mark.blockIndex];
        const range = block ? rangeForBlockText(editor, block, mark.start, mark.end) : null;
        if (!range) continue;
        bySeverity.set(mark.severity, [...(bySeverity.get(mark.severity) ?? []), range]);
      }
      for (const [severity, ranges] of bySeverity) {
        clear.push(addHighlightRanges(HIGHLIGHT_NAMES[severity], ranges));
      }
    };
    place();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(place, REFRESH_DELAY_MS);
    });
    return () => {
      stop();
      clearTimeout(timer);
      for (const undo of clear) undo();
    };
  }, [editor, highlights]);
  return null;
}
