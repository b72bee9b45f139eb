import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codeKey } from '../../../core/shift';
import type { ShiftTemplate } from '../../../core/template';
import { clampPos, rectEntries } from './selection';
import type { CellElements } from './useCellElements';
import type { CellWrites } from './useCellWrites';
import type { GridSelection } from './useGridSelection';

interface Args {
  templates: readonly ShiftTemplate[];
  people: readonly { id: number }[];
  days: readonly string[];
  selection: GridSelection;
  cells: CellElements;
  writes: CellWrites;
}

/**
 * Typing into the focused cell: the code editor (`editing` holds its text, null when closed) and
 * the list of codes (`picking`). Both fill the whole selection when committed.
 */
export function useCellEdit({ templates, people, days, selection, cells, writes }: Args) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const { focus, rect } = selection;
  // Back onto the cell after the editor has gone (the next frame: the editor still has it now).
  const refocus = () => requestAnimationFrame(() => cells.focusAt(focus));

  /**
   * Fills the selection with a code. The editor closes and the focus moves on at
   * once, so a lead typing "E ⏎ L ⏎ E ⏎" at full speed lands each code in its own
   * cell while the saves run; a refused code shows its error and changes nothing.
   */
  function commit(text: string) {
    const code = text.trim();
    // An unknown code is said at the cell, the typing kept and the keyboard left there: nothing moves.
    if (code && !templates.some((tp) => codeKey(tp.code) === codeKey(code))) {
      writes.setError({ code: 'unknown_code', message: t('errors.unknown_code'), path: [] });
      return;
    }
    const entries = rectEntries(rect, people, days, code ? { code } : null);
    const next = clampPos({ row: focus.row, col: rect.right + 1 }, people.length);
    // Focus moves now, not on the next frame: the next keystroke must find the next cell.
    cells.focusAt(next);
    setEditing(null);
    selection.move(next, false);
    void writes.apply(entries);
  }

  return {
    editing,
    picking,
    /** While either is open the grid's own keys stay off: the keys are the field's. */
    busy: editing !== null || picking,
    startEditing: (text: string) => setEditing(text),
    startPicking: () => setPicking(true),
    editor: {
      change(text: string) {
        setEditing(text);
        writes.setError(null);
      },
      commit: () => commit(editing ?? ''),
      cancel() {
        setEditing(null);
        writes.setError(null);
        refocus();
      },
      blur() {
        setEditing(null);
        writes.setError(null);
      },
    },
    picker: {
      pick(code: string) {
        setPicking(false);
        commit(code);
      },
      cancel() {
        setPicking(false);
        refocus();
      },
      blur: () => setPicking(false),
    },
  };
}

export type CellEdit = ReturnType<typeof useCellEdit>;
