import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import type { Override, Rotation } from '../../core/oncall';
import type { Person } from '../../core/person';
import { call, CallError } from '../api/client';
import { fieldErrors } from '../api/errors';
import { Field } from '../shell/Field';
import { FormError } from '../shell/FormError';
import { IdSelect } from '../shell/IdSelect';
import { useOnCallFormat } from './oncallFormat';

/** A rotation's overrides in the range shown (someone covers a stretch instead), and a form to add one. */
export function OverridesPanel({ rotation, people, overrides }: { rotation: Rotation; people: Person[]; overrides: Override[] }) {
  const { t } = useTranslation();
  const f = useOnCallFormat();
  const [personId, setPersonId] = useState<number>(people[0]?.id ?? 0);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const errors = fieldErrors(error);
  const name = (id: number) => people.find((p) => p.id === id)?.name ?? String(id);

  async function add(e: FormEvent) {
    e.preventDefault();
    try {
      await call('oncall.addOverride', { rotationId: rotation.id, personId: personId || (people[0]?.id ?? 0), start, end, note });
      setError(null);
      setNote('');
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }

  return (
    <section aria-labelledby="overrides-title" className="overrides">
      <h3 id="overrides-title">{t('oncall.overrides')}</h3>
      {overrides.length === 0 ? (
        <p className="muted">{t('oncall.noOverrides')}</p>
      ) : (
        <ul>
          {overrides.map((o) => (
            <li key={o.id}>
              <strong>{name(o.personId)}</strong> · {f.span(o.start, o.end)}
              {o.note && ` · ${o.note}`}{' '}
              <button type="button" className="link" aria-label={t('oncall.deleteWho', { name: name(o.personId) })} onClick={() => void call('oncall.deleteOverride', { id: o.id }).then(() => setError(null), (err: unknown) => err instanceof CallError && setError(err.error))}>
                {t('oncall.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form-grid" onSubmit={(e) => void add(e)} aria-label={t('oncall.addOverride')} noValidate>
        <Field label={t('oncall.covers')} error={errors.get('personId')}>
          {(p) => <IdSelect {...p} items={people} value={personId} onPick={setPersonId} />}
        </Field>
        <Field label={t('oncall.start')} error={errors.get('start')}>
          {(p) => <input {...p} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />}
        </Field>
        <Field label={t('oncall.end')} error={errors.get('end')}>
          {(p) => <input {...p} type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />}
        </Field>
        <Field label={t('oncall.note')} error={errors.get('note')}>
          {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <FormError error={error} fieldCount={errors.size} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('oncall.addOverride')}
          </button>
        </div>
      </form>
    </section>
  );
}
