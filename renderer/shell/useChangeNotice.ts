import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, isMethodName } from '../../core/contract';
import { HISTORY_TABLE } from '../../core/result';
import { onTablesChanged } from '../api/client';

/**
 * What the last change did, said politely at the bottom for eight seconds ("Saved" for forms
 * too), and whether it can be undone from there. Changes that touch only the history are not said.
 */
export function useChangeNotice() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState('');
  const [undoable, setUndoable] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onTablesChanged((tables, method) => {
      if (!isMethodName(method) || tables.every((x) => x === HISTORY_TABLE)) return;
      const label = (m: string) => t(`actions.${m}`, { defaultValue: m });
      if (method === 'history.undo' || method === 'history.redo') {
        setNotice(t(method === 'history.undo' ? 'toast.undone' : 'toast.redone'));
        setUndoable(false);
      } else if (contract[method].undo) {
        setNotice(t('toast.done', { action: label(method) }));
        setUndoable(true);
      } else return;
      clearTimeout(timer);
      timer = setTimeout(() => setNotice(''), 8000);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [t]);
  return { notice, setNotice, undoable };
}
