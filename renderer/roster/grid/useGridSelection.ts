import { useRef, useState, type MouseEvent } from 'react';
import { clampPos, selectionRect, type Pos } from './selection';

/**
 * The grid's focused cell and selection: the focus and an anchor, the block between them
 * selected. Keys and the mouse move the focus; Shift, or dragging, keeps the anchor.
 */
export function useGridSelection(rows: number) {
  const [focus, setFocus] = useState<Pos>({ row: 0, col: 0 });
  const [anchor, setAnchor] = useState<Pos>({ row: 0, col: 0 });
  const dragging = useRef(false);
  const rect = selectionRect(focus, anchor);

  function move(p: Pos, extend: boolean) {
    const next = clampPos(p, rows);
    setFocus(next);
    if (!extend) setAnchor(next);
  }

  /** The selection shrinks back to the focused cell. */
  const collapse = () => setAnchor(focus);

  function onCellMouseDown(e: MouseEvent, row: number, col: number) {
    if (e.button !== 0) return;
    if ((e.target as HTMLElement).closest('[draggable="true"]') && !e.shiftKey) {
      // Let a drag of a shift start; it copies on drop.
      move({ row, col }, false);
      return;
    }
    dragging.current = true;
    move({ row, col }, e.shiftKey);
  }

  /** A held button drawn over cells selects the block up to the cell under it. */
  const onCellMouseEnter = (row: number, col: number) => dragging.current && move({ row, col }, true);
  const endDrag = () => (dragging.current = false);

  return {
    focus,
    rect,
    move,
    collapse,
    onCellMouseDown,
    onCellMouseEnter,
    endDrag,
    /** Whether the mouse button is held over the grid, drawing a selection. */
    dragging: () => dragging.current,
  };
}

export type GridSelection = ReturnType<typeof useGridSelection>;
