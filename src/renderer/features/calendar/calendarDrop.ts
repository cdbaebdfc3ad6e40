import type { DragEvent } from 'react';
import { cellKey, type CalendarCell } from './calendarGrid.ts';

/** What a grid needs to take a dragged publication: the page decides where it may go. */
export interface DropTarget {
  /** A publication is being dragged. */
  active: boolean;
  /** The key (cellKey) of the cell the pointer is over with an acceptable drop, if any. */
  over: string | null;
  /** Whether the dragged publication may be moved to this cell (a different, later time). */
  accepts(cell: CalendarCell): boolean;
  hover(key: string | null): void;
  drop(cell: CalendarCell): void;
}

/**
 * The drag-and-drop handlers and highlight class of one grid cell. A cell that does not accept
 * the drag leaves dragover alone, so the browser shows "no drop" there.
 */
export function dropCellProps(
  cell: CalendarCell,
  target: DropTarget,
): {
  className: string;
  onDragOver?: (event: DragEvent<HTMLElement>) => void;
  onDrop?: (event: DragEvent<HTMLElement>) => void;
} {
  if (!target.active) return { className: '' };
  const key = cellKey(cell);
  return {
    className: target.over === key ? 'pd-cal-drop' : '',
    onDragOver(event) {
      if (!target.accepts(cell)) {
        if (target.over === key) target.hover(null);
        return;
      }
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      if (target.over !== key) target.hover(key);
    },
    onDrop(event) {
      event.preventDefault();
      target.drop(cell);
    },
  };
}
