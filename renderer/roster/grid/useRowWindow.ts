import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { pageRows, rowRange, type RowRange } from './windowing';

/** A person row's height before one has been measured (a one-shift cell at 15 px type). */
const FIRST_GUESS = 40;

/** Where the grid's scrolling wrapper shows in the window, top and bottom in window pixels: whichever of the two scrolls. */
export function shownBand(wrap: Element | null): { top: number; bottom: number } {
  const clip = wrap?.getBoundingClientRect();
  return { top: Math.max(0, clip?.top ?? 0), bottom: Math.min(window.innerHeight, clip?.bottom ?? window.innerHeight) };
}

interface RowWindow {
  range: RowRange;
  /** The rows' measured height, which the spacers use for the rows left out. */
  rowHeight: number;
  /** How many rows PageUp and PageDown move. */
  page: number;
}

/**
 * Which people rows are in view. The rows' band is `body` (the grid's <tbody>); what of it shows is
 * where it meets the scrolling wrapper and the window, so it works whichever of the two scrolls.
 * It listens to scrolling anywhere (capture) and to size changes, at most once a frame, and
 * re-measures after each render: a new week, a new team size or the language's longer words.
 */
export function useRowWindow(body: RefObject<HTMLTableSectionElement | null>, rows: number): RowWindow {
  const [state, setState] = useState<RowWindow>(() => {
    const height = typeof window === 'undefined' ? 800 : window.innerHeight;
    return { range: rowRange({ top: 0, height }, rows, FIRST_GUESS), rowHeight: FIRST_GUESS, page: pageRows(height, FIRST_GUESS) };
  });
  const frame = useRef(0);
  // The row height is measured once, then again only when the window's size changes: measured on
  // every render it would follow whichever rows are in view (some are taller: a shift and a leave
  // mark), so the spacers would change, then the view, then the rows, round and round.
  const measured = useRef(false);
  // Renders in a row caused by measuring, within one frame: past a few the next waits a frame.
  const chain = useRef(0);

  const measure = useCallback(() => {
    frame.current = 0;
    const el = body.current;
    if (!el) return;
    const box = el.getBoundingClientRect();
    const { top: bandTop, bottom: bandBottom } = shownBand(el.closest('.grid-wrap'));
    // The median rendered row: a few taller rows (two shifts in a cell) do not move the spacers.
    const heights = [...el.querySelectorAll<HTMLTableRowElement>(':scope > tr[aria-rowindex]')].map((tr) => tr.getBoundingClientRect().height).sort((a, b) => a - b);
    const median = measured.current ? undefined : heights[Math.floor(heights.length / 2)];
    if (median) measured.current = true;
    setState((prev) => {
      const rowHeight = median && Math.abs(median - prev.rowHeight) > 0.5 ? median : prev.rowHeight;
      const view = { top: bandTop - box.top, height: bandBottom - bandTop };
      const range = rowRange(view, rows, rowHeight);
      const page = pageRows(view.height, rowHeight);
      const same = range.first === prev.range.first && range.last === prev.range.last && rowHeight === prev.rowHeight && page === prev.page;
      return same ? prev : { range, rowHeight, page };
    });
  }, [body, rows]);

  const soon = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(measure);
  }, [measure]);

  // After every render, before paint: the rows just put in may show the view needs others.
  useLayoutEffect(() => {
    chain.current += 1;
    if (chain.current > 3) return soon();
    measure();
    requestAnimationFrame(() => (chain.current = 0));
  });

  useEffect(() => {
    const resize = () => {
      measured.current = false;
      soon();
    };
    window.addEventListener('scroll', soon, { capture: true, passive: true });
    window.addEventListener('resize', resize);
    const wrap = body.current?.closest('.grid-wrap');
    const resized = typeof ResizeObserver === 'undefined' || !wrap ? null : new ResizeObserver(resize);
    if (wrap) resized?.observe(wrap);
    return () => {
      window.removeEventListener('scroll', soon, { capture: true });
      window.removeEventListener('resize', resize);
      resized?.disconnect();
      if (frame.current) cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [body, measure, soon]);

  return state;
}
