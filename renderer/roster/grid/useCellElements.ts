import { useState } from 'react';
import type { Pos } from './selection';

/**
 * The grid's cell elements by place, so the keyboard can be put on a cell at once: the next
 * keystroke after a commit must find the next cell, not wait for a render.
 */
export class CellElements {
  private readonly cells = new Map<string, HTMLTableCellElement>();

  at(p: Pos): HTMLTableCellElement | undefined {
    return this.cells.get(`${p.row}|${p.col}`);
  }

  focusAt(p: Pos): void {
    this.at(p)?.focus();
  }

  /** The ref callback of the cell at row, col. */
  register(row: number, col: number): (el: HTMLTableCellElement | null) => void {
    return (el) => {
      if (el) this.cells.set(`${row}|${col}`, el);
      else this.cells.delete(`${row}|${col}`);
    };
  }
}

/** One CellElements for the grid's lifetime (so effects can name it without rerunning). */
export function useCellElements(): CellElements {
  return useState(() => new CellElements())[0];
}
