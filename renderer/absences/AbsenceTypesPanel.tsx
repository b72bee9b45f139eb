import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AbsenceType } from '../../core/absence';
import type { Team } from '../../core/team';
import { call } from '../api/client';
import { useAction } from '../api/useAction';
import { fieldErrors } from '../api/errors';
import { Field } from '../shell/Field';
import { FormError } from '../shell/FormError';
import { useBuiltinNames } from '../i18n/useBuiltinNames';

/** The team's absence types: colour, paid, counts against an allowance; add and remove. */
export function AbsenceTypesPanel({ team, types }: { team: Team; types: AbsenceType[] }) {
  const { t } = useTranslation();
  const names = useBuiltinNames();
  const [name, setName] = useState('');
  const [color, setColor] = useState('#6b7a90');
  const [paid, setPaid] = useState(true);
  const [counts, setCounts] = useState(false);
  const { error, act } = useAction();
  const errors = fieldErrors(error);

  function add(e: FormEvent) {
    e.preventDefault();
    void act(async () => {
      await call('absenceType.create', { teamId: team.id, name, color, paid, countsAgainstAllowance: counts });
      setName('');
    });
  }

  return (
    <details className="absence-types">
      <summary>{t('absences.typesTitle')}</summary>
      <ul>
        {types.map((ty) => (
          <li key={ty.id}>
            <input type="color" aria-label={t('absences.typeColor', { name: names.absenceType(ty) })} value={ty.color} onChange={(e) => void act(() => call('absenceType.update', { id: ty.id, color: e.target.value }))} /> <strong>{names.absenceType(ty)}</strong>{' '}
            <label className="check">
              <input type="checkbox" checked={ty.paid} onChange={(e) => void act(() => call('absenceType.update', { id: ty.id, paid: e.target.checked }))} />
              {t('absences.paid')}
            </label>{' '}
            <label className="check">
              <input type="checkbox" checked={ty.countsAgainstAllowance} onChange={(e) => void act(() => call('absenceType.update', { id: ty.id, countsAgainstAllowance: e.target.checked }))} />
              {t('absences.counts')}
            </label>{' '}
            <button type="button" className="link" aria-label={t('absences.removeType', { name: names.absenceType(ty) })} onClick={() => void act(() => call('absenceType.archive', { id: ty.id }))}>
              {t('absences.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form className="form-grid" aria-label={t('absences.addType')} onSubmit={add} noValidate>
        <Field label={t('absences.typeName')} error={errors.get('name')}>
          {(p) => <input {...p} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={t('absences.color')} error={errors.get('color')}>
          {(p) => <input {...p} type="color" value={color} onChange={(e) => setColor(e.target.value)} />}
        </Field>
        <label className="check">
          <input type="checkbox" checked={paid} onChange={(e) => setPaid(e.target.checked)} />
          {t('absences.paid')}
        </label>
        <label className="check">
          <input type="checkbox" checked={counts} onChange={(e) => setCounts(e.target.checked)} />
          {t('absences.counts')}
        </label>
        <FormError error={error} fieldCount={errors.size} />
        <div className="actions">
          <button type="submit">{t('absences.addType')}</button>
        </div>
      </form>
    </details>
  );
}
