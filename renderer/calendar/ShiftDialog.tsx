import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import { ACTIVITY_KINDS, type Shift } from '../../core/shift';
import { call, CallError } from '../api/client';
import { FormError } from '../shell/FormError';
import { useFormat } from '../format';
import { TimeInput } from '../shell/TimeInput';

type Draft = { kind: (typeof ACTIVITY_KINDS)[number]; startLocal: string; endLocal: string };

/** One shift's details: its breaks, meetings and trainings, and deleting it. */
export function ShiftDialog({ shift, personName, onClose }: { shift: Shift; personName: string; onClose(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dialog = useRef<HTMLDialogElement>(null);
  const [rows, setRows] = useState<Draft[]>(shift.activities.map((a) => ({ kind: a.kind, startLocal: a.startLocal, endLocal: a.endLocal })));
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  async function run(work: () => Promise<unknown>) {
    try {
      await work();
      onClose();
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }

  const title = t('shiftDialog.title', { name: personName });
  return (
    <dialog ref={dialog} aria-label={title} className="dialog" onCancel={onClose}>
      <h2>{title}</h2>
      <p>
        {fmt.dayLong(shift.day)} · {shift.code ?? '•'} {shift.startLocal}–{shift.endLocal}
      </p>
      <h3>{t('shiftDialog.activities')}</h3>
      {rows.length === 0 && <p className="muted">{t('shiftDialog.none')}</p>}
      {rows.map((r, i) => (
        <div key={i} className="inline activity-row">
          <select aria-label={`${t('shiftDialog.kind')} ${i + 1}`} value={r.kind} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, kind: e.target.value as Draft['kind'] } : x)))}>
            {ACTIVITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`shiftDialog.${k}`)}
              </option>
            ))}
          </select>
          <TimeInput aria-label={`${t('shiftDialog.from')} ${i + 1}`} value={r.startLocal} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, startLocal: e.target.value } : x)))} />
          <TimeInput aria-label={`${t('shiftDialog.to')} ${i + 1}`} value={r.endLocal} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, endLocal: e.target.value } : x)))} />
          <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            {t('shiftDialog.remove')}
          </button>
        </div>
      ))}
      <p>
        <button type="button" onClick={() => setRows([...rows, { kind: 'break', startLocal: shift.startLocal, endLocal: shift.startLocal }])}>
          {t('shiftDialog.add')}
        </button>
      </p>
      <FormError error={error} fieldCount={0} />
      <div className="actions">
        <button type="button" className="primary" onClick={() => void run(() => call('shift.setActivities', { id: shift.id, activities: rows }))}>
          {t('shiftDialog.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('shiftDialog.close')}
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => void run(() => call('shift.delete', { id: shift.id }))}>
          {t('shiftDialog.deleteShift')}
        </button>
      </div>
    </dialog>
  );
}
