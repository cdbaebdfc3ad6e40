/**
 * The CSS Custom Highlight API (`CSS.highlights`, styled with `::highlight(name)` in
 * editor.css): marks text ranges without changing the DOM, so the document, the selection and
 * Lexical's reconciliation are untouched. Where the API is missing (older engines, happy-dom),
 * marking is skipped and nothing else changes.
 */
export function highlightRegistry(): HighlightRegistry | null {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') {
    return null;
  }
  return CSS.highlights;
}

/** Adds ranges to the named highlight (shared by every editor of the page); returns the undo. */
export function addHighlightRanges(name: string, ranges: readonly Range[]): () => void {
  const registry = highlightRegistry();
  if (!registry || ranges.length === 0) return () => undefined;
  let highlight = registry.get(name);
  if (!highlight) {
    highlight = new Highlight();
    registry.set(name, highlight);
  }
  for (const range of ranges) highlight.add(range);
  const owner = highlight;
  return () => {
    for (const range of ranges) owner.delete(range);
    if (owner.size === 0 && registry.get(name) === owner) registry.delete(name);
  };
}
