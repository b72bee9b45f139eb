import { useLayoutEffect, useState } from 'react';
import type { ApiError } from '../../../core/errors';
import type { Pos } from './selection';
import type { CellElements } from './useCellElements';

/**
 * Where the error bubble goes: just below the focused cell, inside the scrolling wrapper. Call it
 * from the grid itself, after its cells: the cells' elements must be in place when it measures.
 */
export function useErrorBubble(error: ApiError | null, focus: Pos, cells: CellElements): { top: number; insetInlineStart: number } | null {
  const [errorAt, setErrorAt] = useState<{ top: number; insetInlineStart: number } | null>(null);
  useLayoutEffect(() => {
    const el = cells.at(focus);
    const wrap = el?.closest('.grid-wrap');
    if (!error || !el || !wrap) return setErrorAt(null);
    const c = el.getBoundingClientRect();
    const w = wrap.getBoundingClientRect();
    const rtl = getComputedStyle(wrap).direction === 'rtl';
    setErrorAt({ top: c.bottom - w.top + wrap.scrollTop + 2, insetInlineStart: rtl ? w.right - c.right : c.left - w.left + wrap.scrollLeft });
  }, [error, focus, cells]);
  return errorAt;
}
