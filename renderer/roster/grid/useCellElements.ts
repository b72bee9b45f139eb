import { useState } from 'react';
import type { Pos } from './selection';

/**
 * The grid's cell elements by place, so the keyboard can be put on a cell at once: the next
 * keystroke after a commit must find the next cell, not wait for a render. Only the rows in view
 * are in the page; a cell asked for before its row is rendered gets the keyboard when it comes.
 */
export class CellElements {
  private readonly cells = new Map<string, HTMLTableCellElement>();
  private readonly refs = new Map<string, (el: HTMLTableCellElement | null) => void>();
  private wanted: string | null = null;

  at(p: Pos): HTMLTableCellElement | undefined {
    return this.cells.get(`${p.row}|${p.col}`);
  }

  /** Puts the keyboard on the cell and scrolls it into sight, the least that shows it (under the sticky head and names). */
  focusAt(p: Pos): void {
    const el = this.at(p);
    this.wanted = el ? null : `${p.row}|${p.col}`;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** The ref callback of the cell at row, col: the same function each time, so React leaves it be on a re-render. */
  register(row: number, col: number): (el: HTMLTableCellElement | null) => void {
    const key = `${row}|${col}`;
    let ref = this.refs.get(key);
    if (!ref) {
      ref = (el) => {
        if (!el) {
          this.cells.delete(key);
          return;
        }
        this.cells.set(key, el);
        if (this.wanted === key) this.focusAt({ row, col });
      };
      this.refs.set(key, ref);
    }
    return ref;
  }
}

/** One CellElements for the grid's lifetime (so effects can name it without rerunning). */
export function useCellElements(): CellElements {
  return useState(() => new CellElements())[0];
}
