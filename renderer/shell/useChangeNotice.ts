import { useEffect, useState } from 'react';
import { contract, isMethodName } from '../../core/contract';
import { HISTORY_TABLE } from '../../core/result';
import { onTablesChanged } from '../api/client';
import { useSaying, type Later } from '../i18n/later';

const SHOWN_MS = 8000;

/**
 * What the last change did, said politely at the bottom for eight seconds ("Saved" for forms
 * too), and whether it can be undone from there. Changes that touch only the history are not said.
 * The notice is kept as `Later` words, drawn in the language of the moment it is drawn.
 */
export function useChangeNotice() {
  const saying = useSaying();
  const [notice, setNotice] = useState<Later | null>(null);
  const [undoable, setUndoable] = useState(false);
  // A function in state is set through an updater (React would call it as one).
  const say = (words: Later | null) => setNotice(() => words);
  // Each notice clears itself SHOWN_MS after it appeared; a newer one starts the wait again. Kept
  // apart from the listener: when the listener was set up again on a switch of language, its
  // clean-up cancelled the timer, and the notice stayed, in the old language, until the next change.
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  useEffect(
    () =>
      onTablesChanged((tables, method) => {
        if (!isMethodName(method) || tables.every((x) => x === HISTORY_TABLE)) return;
        if (method === 'history.undo' || method === 'history.redo') {
          const key = method === 'history.undo' ? 'toast.undone' : 'toast.redone';
          say((s) => s.t(key));
          setUndoable(false);
        } else if (contract[method].undo) {
          say((s) => s.t('toast.done', { action: s.t(`actions.${method}`, { defaultValue: method }) }));
          setUndoable(true);
        }
      }),
    [],
  );
  return { notice: notice ? notice(saying) : '', say, undoable };
}
