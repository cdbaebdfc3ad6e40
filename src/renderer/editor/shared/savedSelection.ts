import {
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type LexicalEditor,
  type PointType,
  type RangeSelection,
} from 'lexical';

/**
 * Where the caret was when something slow started (an upload, a dialog), so its result lands
 * there and not wherever focus went meanwhile. A copy: the live selection keeps moving.
 */
export type SavedSelection = RangeSelection | null;

export function saveSelection(editor: LexicalEditor): SavedSelection {
  // 'pending': the state being updated when called from a command listener, else the latest.
  return editor.read('pending', () => {
    const selection = $getSelection();
    return $isRangeSelection(selection) ? selection.clone() : null;
  });
}

/**
 * Makes the saved selection current again when its nodes still exist (offsets clamped to what
 * is left of them); otherwise keeps the current range selection, or puts the caret at the end
 * of the document. Call inside editor.update().
 */
export function $restoreSelection(saved: SavedSelection): RangeSelection {
  if (saved && $pointIsValid(saved.anchor) && $pointIsValid(saved.focus)) {
    const selection = saved.clone();
    $clamp(selection.anchor);
    $clamp(selection.focus);
    $setSelection(selection);
    return selection;
  }
  const current = $getSelection();
  if ($isRangeSelection(current)) return current;
  return $getRoot().selectEnd();
}

function $pointIsValid(point: PointType): boolean {
  const node = $getNodeByKey(point.key);
  if (!node || !node.isAttached()) return false;
  return point.type === 'text' ? $isTextNode(node) : $isElementNode(node);
}

function $clamp(point: PointType): void {
  const node = $getNodeByKey(point.key);
  const size = $isTextNode(node)
    ? node.getTextContentSize()
    : $isElementNode(node)
      ? node.getChildrenSize()
      : 0;
  if (point.offset > size) point.set(point.key, size, point.type);
}
