import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import type { RosterWeek } from '../../../core/contract';
import type { Shift } from '../../../core/shift';
import { cellKey } from '../cells';
import { valueOf } from './clipboard';
import { consumesKey, gridKeyAction } from './keys';
import type { CellEdit } from './useCellEdit';
import type { CellElements } from './useCellElements';
import type { GridSelection } from './useGridSelection';

interface Args {
  week: RosterWeek;
  shiftsByCell: ReadonlyMap<string, Shift[]>;
  table: RefObject<HTMLTableElement | null>;
  cells: CellElements;
  selection: GridSelection;
  edit: CellEdit;
  clearSelection: () => void;
  clearError: () => void;
  toggleLock: () => void;
  copy: () => void;
  paste: () => void;
  /** How many rows PageUp and PageDown move (the rows in view). */
  page: number;
}

/**
 * The grid's keyboard: gridKeyAction says what a key means, this does it. Also keeps the
 * keyboard on the focused cell (roving tabindex) after each render that moved it.
 */
export function useGridKeys({ week, shiftsByCell, table, cells, selection, edit, clearSelection, clearError, toggleLock, copy, paste, page }: Args) {
  const { focus } = selection;
  const { busy } = edit;
  // Read at render like the rest of the page's direction: arrows follow what the eye sees.
  const rtl = typeof document !== 'undefined' && document.documentElement.dir === 'rtl';

  // The focused row is always rendered (rows out of view are not), so its cell is there to take the
  // keyboard, and is scrolled into sight.
  useEffect(() => {
    if (busy) return;
    const el = cells.at(focus);
    if (el && table.current?.contains(document.activeElement) && document.activeElement !== el) cells.focusAt(focus);
  }, [focus, busy, week, cells, table]);

  return function onKeyDown(e: KeyboardEvent<HTMLTableElement>) {
    // The editor's and the picker's keys bubble up here: they are theirs, not the grid's.
    if (busy) return;
    const action = gridKeyAction(e, focus, week.people.length, rtl, page);
    if (!action) return;
    if (consumesKey(action)) e.preventDefault();
    switch (action.kind) {
      case 'move':
        return selection.move(action.to, action.extend);
      case 'pick':
        return edit.startPicking();
      case 'editCurrent': {
        const v = valueOf(shiftsByCell.get(cellKey(week.people[focus.row]?.id ?? 0, week.days[focus.col]?.day ?? '')) ?? []);
        return edit.startEditing(v && 'code' in v ? v.code : '');
      }
      case 'clear':
        return clearSelection();
      case 'collapse':
        selection.collapse();
        return clearError();
      case 'lock':
        return toggleLock();
      case 'copy':
        return copy();
      case 'paste':
        return paste();
      case 'type':
        return edit.startEditing(action.text);
    }
  };
}
