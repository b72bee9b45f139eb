import { clampPos, LAST_COL, type Pos } from './selection';

/** The parts of a keydown the grid looks at (a React or DOM KeyboardEvent has them all). */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** What a key on a grid cell asks for. */
export type GridAction =
  /** Focus moves to `to` (already kept on the grid); with `extend` the anchor stays, so the selection grows. */
  | { kind: 'move'; to: Pos; extend: boolean }
  /** Enter: the list of the team's codes opens on the focused cell. */
  | { kind: 'pick' }
  /** F2: the focused cell's code opens for editing. */
  | { kind: 'editCurrent' }
  /** A letter or digit: the editor opens holding it. */
  | { kind: 'type'; text: string }
  /** Delete or Backspace: the selection is emptied. */
  | { kind: 'clear' }
  /** Escape: the selection shrinks to the focused cell and the error goes. */
  | { kind: 'collapse' }
  | { kind: 'lock' }
  | { kind: 'copy' }
  | { kind: 'paste' };

/**
 * The grid's keyboard, as a pure function of the key, where the focus is, how many people rows
 * there are and the writing direction. Left and right follow what the eye sees: in a right-to-left
 * page ArrowLeft goes to the next day. Home and End are the week's first and last day either way;
 * with Ctrl, the first person's first day and the last person's last. PageUp and PageDown move
 * `page` rows (what fits in view). Ctrl stands for Cmd on macOS. Keys it does not name (Ctrl+Z,
 * Tab, …) give null and are left to the page: undo and redo are the whole window's, not the grid's.
 */
export function gridKeyAction(press: KeyPress, focus: Pos, rows: number, rtl: boolean, page = 10): GridAction | null {
  const ctrl = press.ctrlKey || press.metaKey;
  const forward = rtl ? -1 : 1;
  const moves: Record<string, Pos> = {
    ArrowUp: { row: focus.row - 1, col: focus.col },
    ArrowDown: { row: focus.row + 1, col: focus.col },
    ArrowLeft: { row: focus.row, col: focus.col - forward },
    ArrowRight: { row: focus.row, col: focus.col + forward },
    Home: ctrl ? { row: 0, col: 0 } : { row: focus.row, col: 0 },
    End: ctrl ? { row: rows - 1, col: LAST_COL } : { row: focus.row, col: LAST_COL },
    PageUp: { row: focus.row - Math.max(1, page), col: focus.col },
    PageDown: { row: focus.row + Math.max(1, page), col: focus.col },
  };
  const target = moves[press.key];
  if (target) return { kind: 'move', to: clampPos(target, rows), extend: press.shiftKey };
  if (press.key === 'Enter') return { kind: 'pick' };
  if (press.key === 'F2') return { kind: 'editCurrent' };
  if (press.key === 'Delete' || press.key === 'Backspace') return { kind: 'clear' };
  if (press.key === 'Escape') return { kind: 'collapse' };
  const letter = press.key.toLowerCase();
  if (ctrl && letter === 'l') return { kind: 'lock' };
  if (ctrl && letter === 'c') return { kind: 'copy' };
  if (ctrl && letter === 'v') return { kind: 'paste' };
  // Only a letter or digit starts typing: space, punctuation and dead keys stay the page's.
  if (!ctrl && !press.altKey && press.key.length === 1 && /[\p{L}\p{N}]/u.test(press.key)) return { kind: 'type', text: press.key };
  return null;
}

/**
 * Whether the grid takes the key from the browser (preventDefault). Escape is not taken: it only
 * collapses the selection, and the grid never held it back from the page before.
 */
export function consumesKey(action: GridAction): boolean {
  return action.kind !== 'collapse';
}
