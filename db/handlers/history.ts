import { contract, isMethodName } from '../../core/contract';
import type { HandlersOf } from '../context';
import type { UndoHistory } from '../undo';

/** Undo and redo, and what the buttons say (the contract's label of the step they would take back). */
export function historyHandlers(history: UndoHistory): HandlersOf<'history.state' | 'history.undo' | 'history.redo'> {
  const labelOf = (step: string | null): string | null => (step && isMethodName(step) ? contract[step].undo : null);
  const historyState = () => {
    const snap = history.snapshot();
    return {
      canUndo: snap.canUndo,
      canRedo: snap.canRedo,
      undoLabel: labelOf(snap.undoStep),
      redoLabel: labelOf(snap.redoStep),
      undoAction: snap.undoStep,
      redoAction: snap.redoStep,
    };
  };
  return {
    'history.state': () => historyState(),
    'history.undo': () => {
      history.undo();
      return historyState();
    },
    'history.redo': () => {
      history.redo();
      return historyState();
    },
  };
}
