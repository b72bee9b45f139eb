import { describe, expect, it } from 'vitest';
import { consumesKey, gridKeyAction, type KeyPress } from '../../../renderer/roster/grid/keys';
import type { Pos } from '../../../renderer/roster/grid/selection';

/** A keydown as the browser sends it: no modifiers unless told. */
const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

const ROWS = 5;
const mid: Pos = { row: 2, col: 3 };
const ltr = (p: KeyPress, at: Pos = mid) => gridKeyAction(p, at, ROWS, false);
const rtl = (p: KeyPress, at: Pos = mid) => gridKeyAction(p, at, ROWS, true);

describe('rota grid keys: moving', () => {
  it('arrows move one cell; Shift keeps the anchor (extends the selection)', () => {
    expect(ltr(press('ArrowUp'))).toEqual({ kind: 'move', to: { row: 1, col: 3 }, extend: false });
    expect(ltr(press('ArrowDown'))).toEqual({ kind: 'move', to: { row: 3, col: 3 }, extend: false });
    expect(ltr(press('ArrowLeft'))).toEqual({ kind: 'move', to: { row: 2, col: 2 }, extend: false });
    expect(ltr(press('ArrowRight'))).toEqual({ kind: 'move', to: { row: 2, col: 4 }, extend: false });
    expect(ltr(press('ArrowDown', { shiftKey: true }))).toEqual({ kind: 'move', to: { row: 3, col: 3 }, extend: true });
    expect(ltr(press('ArrowLeft', { shiftKey: true }))).toEqual({ kind: 'move', to: { row: 2, col: 2 }, extend: true });
  });

  it('right to left, ArrowLeft goes to the next day and ArrowRight to the one before (as the eye sees them)', () => {
    expect(rtl(press('ArrowLeft'))).toEqual({ kind: 'move', to: { row: 2, col: 4 }, extend: false });
    expect(rtl(press('ArrowRight'))).toEqual({ kind: 'move', to: { row: 2, col: 2 }, extend: false });
    expect(rtl(press('ArrowRight', { shiftKey: true }))).toEqual({ kind: 'move', to: { row: 2, col: 2 }, extend: true });
    // Up and down do not turn.
    expect(rtl(press('ArrowUp'))).toEqual({ kind: 'move', to: { row: 1, col: 3 }, extend: false });
    expect(rtl(press('ArrowDown'))).toEqual({ kind: 'move', to: { row: 3, col: 3 }, extend: false });
  });

  it('Home and End are the week’s first and last day in either direction; Shift extends', () => {
    for (const keys of [ltr, rtl]) {
      expect(keys(press('Home'))).toEqual({ kind: 'move', to: { row: 2, col: 0 }, extend: false });
      expect(keys(press('End'))).toEqual({ kind: 'move', to: { row: 2, col: 6 }, extend: false });
      expect(keys(press('Home', { shiftKey: true }))).toEqual({ kind: 'move', to: { row: 2, col: 0 }, extend: true });
      expect(keys(press('End', { shiftKey: true }))).toEqual({ kind: 'move', to: { row: 2, col: 6 }, extend: true });
    }
  });

  it('the focus stays on the grid at its edges', () => {
    expect(ltr(press('ArrowUp'), { row: 0, col: 0 })).toEqual({ kind: 'move', to: { row: 0, col: 0 }, extend: false });
    expect(ltr(press('ArrowLeft'), { row: 0, col: 0 })).toEqual({ kind: 'move', to: { row: 0, col: 0 }, extend: false });
    expect(ltr(press('ArrowDown'), { row: 4, col: 6 })).toEqual({ kind: 'move', to: { row: 4, col: 6 }, extend: false });
    expect(ltr(press('ArrowRight'), { row: 4, col: 6 })).toEqual({ kind: 'move', to: { row: 4, col: 6 }, extend: false });
    expect(rtl(press('ArrowLeft'), { row: 0, col: 6 })).toEqual({ kind: 'move', to: { row: 0, col: 6 }, extend: false });
    expect(rtl(press('ArrowRight'), { row: 0, col: 0 })).toEqual({ kind: 'move', to: { row: 0, col: 0 }, extend: false });
  });

  it('a grid of one person keeps row 0', () => {
    expect(gridKeyAction(press('ArrowDown'), { row: 0, col: 2 }, 1, false)).toEqual({ kind: 'move', to: { row: 0, col: 2 }, extend: false });
  });

  it('Ctrl or Cmd with an arrow still just moves (no jump to the edge)', () => {
    expect(ltr(press('ArrowRight', { ctrlKey: true }))).toEqual({ kind: 'move', to: { row: 2, col: 4 }, extend: false });
    expect(ltr(press('ArrowUp', { metaKey: true }))).toEqual({ kind: 'move', to: { row: 1, col: 3 }, extend: false });
  });

  // PageUp and PageDown were the page's while the grid scrolled with it; now that it scrolls within
  // itself and renders only the rows in view, they move the focus a view of rows (below).
  it('Tab is not the grid’s', () => {
    expect(ltr(press('Tab'))).toBeNull();
    expect(ltr(press('Tab', { shiftKey: true }))).toBeNull();
  });
});

describe('rota grid keys: editing', () => {
  it('Enter opens the list of codes, with or without modifiers', () => {
    expect(ltr(press('Enter'))).toEqual({ kind: 'pick' });
    expect(ltr(press('Enter', { shiftKey: true }))).toEqual({ kind: 'pick' });
  });

  it('F2 edits the code the cell holds', () => {
    expect(ltr(press('F2'))).toEqual({ kind: 'editCurrent' });
  });

  it('Delete and Backspace empty the selection', () => {
    expect(ltr(press('Delete'))).toEqual({ kind: 'clear' });
    expect(ltr(press('Backspace'))).toEqual({ kind: 'clear' });
  });

  it('Escape collapses the selection, and is the only action that leaves the key to the browser', () => {
    expect(ltr(press('Escape'))).toEqual({ kind: 'collapse' });
    expect(consumesKey({ kind: 'collapse' })).toBe(false);
    for (const key of ['ArrowUp', 'Home', 'Enter', 'F2', 'Delete', 'e']) {
      const action = ltr(press(key));
      expect(action && consumesKey(action), key).toBe(true);
    }
  });

  it('a letter or digit in any script opens the editor holding it, as typed', () => {
    for (const key of ['e', 'E', 'l', '7', 'ş', 'Ł', 'ش', '۳', 'ж']) expect(ltr(press(key)), key).toEqual({ kind: 'type', text: key });
    expect(ltr(press('E', { shiftKey: true }))).toEqual({ kind: 'type', text: 'E' });
  });

  it('space, punctuation, dead keys and named keys do not start typing', () => {
    for (const key of [' ', '-', '.', '?', '/', 'Dead', 'Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'Insert', 'F1', 'F3']) expect(ltr(press(key)), key).toBeNull();
  });

  it('with Alt (AltGr) or Ctrl held a letter does not type', () => {
    expect(ltr(press('e', { altKey: true }))).toBeNull();
    expect(ltr(press('e', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(ltr(press('e', { ctrlKey: true }))).toBeNull();
    expect(ltr(press('e', { metaKey: true }))).toBeNull();
  });
});

describe('rota grid keys: commands', () => {
  it('Ctrl or Cmd with L locks, C copies, V pastes, in either case', () => {
    for (const mods of [{ ctrlKey: true }, { metaKey: true }, { ctrlKey: true, shiftKey: true }]) {
      expect(ltr(press('l', mods))).toEqual({ kind: 'lock' });
      expect(ltr(press('L', mods))).toEqual({ kind: 'lock' });
      expect(ltr(press('c', mods))).toEqual({ kind: 'copy' });
      expect(ltr(press('C', mods))).toEqual({ kind: 'copy' });
      expect(ltr(press('v', mods))).toEqual({ kind: 'paste' });
      expect(ltr(press('V', mods))).toEqual({ kind: 'paste' });
    }
  });

  it('Ctrl/Cmd+Z and +Y are left to the window (undo and redo are the whole app’s), and +X is not handled (there is no cut)', () => {
    for (const mods of [{ ctrlKey: true }, { metaKey: true }, { ctrlKey: true, shiftKey: true }]) {
      for (const key of ['z', 'Z', 'y', 'Y', 'x', 'X', 'a']) expect(ltr(press(key, mods)), `${key} ${JSON.stringify(mods)}`).toBeNull();
    }
  });

  it('l, c and v without Ctrl are codes being typed', () => {
    expect(ltr(press('l'))).toEqual({ kind: 'type', text: 'l' });
    expect(ltr(press('c'))).toEqual({ kind: 'type', text: 'c' });
    expect(ltr(press('v'))).toEqual({ kind: 'type', text: 'v' });
  });

  it('the direction changes only left and right', () => {
    for (const key of ['Enter', 'F2', 'Delete', 'Backspace', 'Escape', 'e']) expect(rtl(press(key)), key).toEqual(ltr(press(key)));
    expect(rtl(press('c', { ctrlKey: true }))).toEqual({ kind: 'copy' });
  });
});

describe('rota grid keys: big teams', () => {
  const at = { row: 50, col: 3 };
  it('PageDown and PageUp move a view of rows, kept on the grid; Shift extends', () => {
    expect(gridKeyAction(press('PageDown'), at, 300, false, 14)).toEqual({ kind: 'move', to: { row: 64, col: 3 }, extend: false });
    expect(gridKeyAction(press('PageUp'), at, 300, false, 14)).toEqual({ kind: 'move', to: { row: 36, col: 3 }, extend: false });
    expect(gridKeyAction(press('PageDown', { shiftKey: true }), at, 300, true, 14)).toEqual({ kind: 'move', to: { row: 64, col: 3 }, extend: true });
    expect(gridKeyAction(press('PageDown'), { row: 295, col: 1 }, 300, false, 14)).toEqual({ kind: 'move', to: { row: 299, col: 1 }, extend: false });
    expect(gridKeyAction(press('PageUp'), { row: 3, col: 1 }, 300, false, 14)).toEqual({ kind: 'move', to: { row: 0, col: 1 }, extend: false });
    // A page of no rows still moves one.
    expect(gridKeyAction(press('PageDown'), at, 300, false, 0)).toEqual({ kind: 'move', to: { row: 51, col: 3 }, extend: false });
  });

  it('Ctrl+Home and Ctrl+End go to the first person’s first day and the last person’s last, either direction', () => {
    for (const rtlPage of [false, true]) {
      expect(gridKeyAction(press('Home', { ctrlKey: true }), at, 300, rtlPage)).toEqual({ kind: 'move', to: { row: 0, col: 0 }, extend: false });
      expect(gridKeyAction(press('End', { ctrlKey: true }), at, 300, rtlPage)).toEqual({ kind: 'move', to: { row: 299, col: 6 }, extend: false });
      expect(gridKeyAction(press('End', { metaKey: true, shiftKey: true }), at, 300, rtlPage)).toEqual({ kind: 'move', to: { row: 299, col: 6 }, extend: true });
    }
  });
});
