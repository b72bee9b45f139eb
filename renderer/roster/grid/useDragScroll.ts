import { useEffect, useRef, type MouseEvent, type RefObject } from 'react';
import type { GridSelection } from './useGridSelection';
import { shownBand } from './useRowWindow';

/** How close to the grid's top or bottom edge (px) a drag starts scrolling, and its fastest speed (px a frame). */
const EDGE_PX = 40;
const FASTEST_PX = 24;

/**
 * A selection dragged to the top or bottom edge of the grid scrolls it, faster the nearer the
 * edge, and the selection follows the rows that come into view: a block longer than the screen
 * can be chosen with the mouse alone (the keyboard does it with Shift and PageDown). The edge is
 * where the scrolling wrapper meets the window, below the header row that stays in view.
 */
export function useDragScroll(wrap: RefObject<HTMLDivElement | null>, selection: GridSelection): (e: MouseEvent) => void {
  const pointer = useRef({ x: 0, y: 0 });
  const speed = useRef(0);
  const frame = useRef(0);
  const latest = useRef(selection);
  latest.current = selection;

  useEffect(
    () => () => {
      if (frame.current) cancelAnimationFrame(frame.current);
    },
    [],
  );

  /** The wrapper's shown band below its header row, which stays in view over the rows. */
  function band(el: HTMLDivElement): { top: number; bottom: number } {
    const shown = shownBand(el);
    return { top: shown.top + (el.querySelector('thead')?.getBoundingClientRect().height ?? 0), bottom: shown.bottom };
  }

  function step() {
    frame.current = 0;
    const el = wrap.current;
    const s = latest.current;
    if (!el || !s.dragging() || speed.current === 0) return;
    // The wrapper scrolls when it is taller than it may be; otherwise the page does.
    if (el.scrollHeight > el.clientHeight + 1) el.scrollTop += speed.current;
    else window.scrollBy(0, speed.current);
    // The row now at the edge under the pointer (once drawn: rows out of view are spacers).
    const { top, bottom } = band(el);
    const y = Math.min(bottom - 2, Math.max(top + 2, pointer.current.y));
    const row = document.elementFromPoint(pointer.current.x, y)?.closest('tr[aria-rowindex]')?.getAttribute('aria-rowindex');
    if (row) s.move({ row: Number(row) - 2, col: s.focus.col }, true);
    frame.current = requestAnimationFrame(step);
  }

  return (e: MouseEvent) => {
    const el = wrap.current;
    if (!el || !latest.current.dragging()) {
      speed.current = 0;
      return;
    }
    pointer.current = { x: e.clientX, y: e.clientY };
    const { top, bottom } = band(el);
    const into = e.clientY < top + EDGE_PX ? -(top + EDGE_PX - e.clientY) : e.clientY > bottom - EDGE_PX ? e.clientY - (bottom - EDGE_PX) : 0;
    speed.current = Math.sign(into) * Math.min(FASTEST_PX, Math.ceil((Math.abs(into) / EDGE_PX) * FASTEST_PX));
    if (speed.current !== 0 && !frame.current) frame.current = requestAnimationFrame(step);
  };
}
