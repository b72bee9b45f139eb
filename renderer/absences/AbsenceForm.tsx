import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Absence, AbsenceOutcome, AbsenceType } from '../../core/absence';
import type { ApiError } from '../../core/errors';
import type { Person } from '../../core/person';
import type { Team } from '../../core/team';
import { todayIn } from '../../core/time';
import { call, CallError } from '../api/client';
import { fieldErrors } from '../api/errors';
import { Field } from '../shell/Field';
import { FormError } from '../shell/FormError';
import { IdSelect } from '../shell/IdSelect';
import { DateField } from '../shell/DateField';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { NumberInput } from '../shell/NumberInput';

interface Props {
  team: Team;
  people: Person[];
  types: AbsenceType[];
  /** The absence being edited, or null for a new request. */
  editing: Absence | null;
  onSaved(out: AbsenceOutcome): void;
  onCancel(): void;
}

/** Request leave (or record it approved), or edit one: person, type, first and last day, part-day hours, note. */
export function AbsenceForm({ team, people, types, editing, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const names = useBuiltinNames();
  const today = todayIn(team.timeZone).toString();
  const [personId, setPersonId] = useState(editing?.personId ?? people[0]?.id ?? 0);
  const [typeId, setTypeId] = useState(editing?.typeId ?? types[0]?.id ?? 0);
  const [start, setStart] = useState(editing?.start ?? today);
  const [end, setEnd] = useState(editing?.end ?? today);
  const [partDay, setPartDay] = useState(editing !== null && editing.hours !== null);
  const [hours, setHours] = useState(editing !== null && editing.hours !== null ? String(editing.hours) : '4');
  const [note, setNote] = useState(editing?.note ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const errors = fieldErrors(error);

  async function save(e: FormEvent, status: 'requested' | 'approved') {
    e.preventDefault();
    const hoursValue = partDay ? Number(hours.replace(',', '.')) : null;
    try {
      const out = editing
        ? await call('absence.update', { id: editing.id, typeId, start, end, hours: hoursValue, note })
        : await call('absence.create', { teamId: team.id, personId: personId || (people[0]?.id ?? 0), typeId: typeId || (types[0]?.id ?? 0), start, end, hours: hoursValue, note, status });
      setError(null);
      onSaved(out);
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }

  return (
    <form className="form-grid" aria-label={editing ? t('absences.editTitle') : t('absences.requestTitle')} onSubmit={(e) => void save(e, 'requested')} noValidate>
      <h3>{editing ? t('absences.editTitle') : t('absences.requestTitle')}</h3>
      <Field label={t('absences.person')} error={errors.get('personId')}>
        {(p) => <IdSelect {...p} items={people} value={personId} disabled={editing !== null} onPick={setPersonId} />}
      </Field>
      <Field label={t('absences.type')} error={errors.get('typeId')}>
        {(p) => <IdSelect {...p} items={types.map((ty) => ({ id: ty.id, name: names.absenceType(ty) }))} value={typeId} onPick={setTypeId} />}
      </Field>
      <Field label={t('absences.start')} error={errors.get('start')}>
        {(p) => (
          <DateField
            {...p}
            weekStart={team.weekStart}
            value={start}
            onChange={(d) => {
              setStart(d);
              // A one-day absence is the common case: moving the start moves a same-day end along.
              if (end === start || end < d) setEnd(d);
            }}
          />
        )}
      </Field>
      <Field label={t('absences.end')} error={errors.get('end')}>
        {(p) => <DateField {...p} weekStart={team.weekStart} value={end} onChange={setEnd} />}
      </Field>
      <label className="check">
        <input type="checkbox" checked={partDay} onChange={(e) => setPartDay(e.target.checked)} />
        {t('absences.partDay')}
      </label>
      {partDay && (
        <Field label={t('absences.hours')} error={errors.get('hours')}>
          {(p) => <NumberInput {...p} inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} />}
        </Field>
      )}
      <Field label={t('absences.note')} error={errors.get('note')}>
        {(p) => <input {...p} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <FormError error={error} fieldCount={errors.size} />
      <div className="actions">
        <button type="submit" className="primary">
          {editing ? t('absences.save') : t('absences.request')}
        </button>
        {!editing && (
          <button type="button" onClick={(e) => void save(e, 'approved')}>
            {t('absences.recordApproved')}
          </button>
        )}
        {editing && (
          <button type="button" onClick={onCancel}>
            {t('absences.cancelEdit')}
          </button>
        )}
      </div>
    </form>
  );
}
