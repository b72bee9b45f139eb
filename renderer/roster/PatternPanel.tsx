import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import { parseCycle } from '../../core/pattern';
import type { Team } from '../../core/team';
import { call, CallError } from '../api/client';
import { useApiQuery } from '../api/queries';
import { useByName } from '../collate';
import { errorText, fieldErrors } from '../api/errors';
import { Field } from '../shell/Field';
import { DateField } from '../shell/DateField';
import { NumberInput } from '../shell/NumberInput';
import { useNotice } from '../i18n/later';

interface Props {
  team: Team;
  weekStart: string;
}

/** Apply a saved or typed N-day cycle to chosen people, staggered, in one undoable step. */
export function PatternPanel({ team, weekStart }: Props) {
  const { t } = useTranslation();
  const patterns = useApiQuery('pattern.list', { teamId: team.id }).data ?? [];
  const people = useByName(useApiQuery('person.list', { teamId: team.id }).data);
  const [patternId, setPatternId] = useState<number | 0>(0);
  const [cycleText, setCycleText] = useState('E E L L - -');
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<number[]>([]);
  const [start, setStart] = useState(weekStart);
  const [weeks, setWeeks] = useState('4');
  const [stagger, setStagger] = useState('1');
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useNotice();
  const [confirm, setConfirm] = useState<string | null>(null);
  const errors = fieldErrors(error);

  useEffect(() => setStart(weekStart), [weekStart]);

  async function apply(replace: boolean) {
    setNotice(null);
    try {
      const cycle = patternId ? null : parseCycle(cycleText);
      const r = await call('pattern.apply', {
        teamId: team.id,
        patternId: patternId || null,
        cycle,
        personIds: chosen,
        start,
        weeks: Number(weeks),
        stagger: Number(stagger),
        replace,
      });
      setError(null);
      setConfirm(null);
      setNotice((s) => s.t('pattern.applied', { count: r.created }));
    } catch (err) {
      if (!(err instanceof CallError)) throw err;
      if (err.error.code === 'would_replace') setConfirm(err.error.message);
      else setError(err.error);
    }
  }

  async function save() {
    try {
      const p = await call('pattern.create', { teamId: team.id, name, cycle: parseCycle(cycleText) });
      setError(null);
      setPatternId(p.id);
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void apply(false);
  };

  return (
    <div className="panel-body">
      <form className="form-grid" onSubmit={submit} aria-label={t('pattern.title')} noValidate>
        <Field label={t('pattern.saved')} error={errors.get('patternId')}>
          {(p) => (
            <select {...p} value={patternId} onChange={(e) => setPatternId(Number(e.target.value))}>
              <option value={0}>{t('pattern.custom')}</option>
              {patterns.map((pt) => (
                <option key={pt.id} value={pt.id}>
                  {pt.name} ({pt.cycle.join(' ')})
                </option>
              ))}
            </select>
          )}
        </Field>
        {!patternId && (
          <>
            <Field label={t('pattern.cycle')} hint={t('pattern.cycleHint')} error={errors.get('cycle')}>
              {(p) => <input {...p} dir="ltr" value={cycleText} onChange={(e) => setCycleText(e.target.value)} />}
            </Field>
            <Field label={t('pattern.name')} error={errors.get('name')}>
              {(p) => (
                <span className="inline">
                  <input {...p} value={name} onChange={(e) => setName(e.target.value)} />
                  <button type="button" onClick={() => void save()}>
                    {t('pattern.save')}
                  </button>
                </span>
              )}
            </Field>
          </>
        )}
        <fieldset className="skills">
          <legend>{t('pattern.people')}</legend>
          <label className="check">
            <input type="checkbox" checked={chosen.length === people.length && people.length > 0} onChange={(e) => setChosen(e.target.checked ? people.map((p) => p.id) : [])} />
            {t('pattern.all')}
          </label>
          {people.map((p) => (
            <label key={p.id} className="check">
              <input type="checkbox" checked={chosen.includes(p.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, p.id] : chosen.filter((x) => x !== p.id))} />
              {p.name}
            </label>
          ))}
        </fieldset>
        <Field label={t('pattern.start')} error={errors.get('start')}>
          {(p) => <DateField {...p} weekStart={team.weekStart} value={start} onChange={setStart} />}
        </Field>
        <Field label={t('pattern.weeks')} error={errors.get('weeks')}>
          {(p) => <NumberInput {...p} inputMode="numeric" value={weeks} onChange={(e) => setWeeks(e.target.value)} />}
        </Field>
        <Field label={t('pattern.stagger')} error={errors.get('stagger')}>
          {(p) => <NumberInput {...p} inputMode="numeric" value={stagger} onChange={(e) => setStagger(e.target.value)} />}
        </Field>
        {error && !errors.size && (
          <p role="alert" className="error">
            {errorText(t, error)}
          </p>
        )}
        {confirm && (
          <div role="alertdialog" aria-label={t('pattern.replace')} className="confirm">
            <p>{confirm}</p>
            <button type="button" className="primary" onClick={() => void apply(true)}>
              {t('pattern.replace')}
            </button>
            <button type="button" onClick={() => setConfirm(null)}>
              {t('pattern.cancel')}
            </button>
          </div>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={chosen.length === 0}>
            {t('pattern.apply')}
          </button>
          <span role="status">{notice}</span>
        </div>
      </form>
    </div>
  );
}
