import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import type { Team } from '../../core/team';
import { call, CallError } from '../api/client';
import { useApiQuery } from '../api/queries';
import { LoadError } from '../shell/LoadError';
import { fieldErrors } from '../api/errors';
import { Field } from '../shell/Field';
import { FormError } from '../shell/FormError';

/** The team's shift templates: the codes typed into the rota. */
export function TemplatesPanel({ team }: { team: Team }) {
  const { t } = useTranslation();
  const listQuery = useApiQuery('template.list', { teamId: team.id });
  const list = listQuery.data ?? [];
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [startLocal, setStart] = useState('08:00');
  const [endLocal, setEnd] = useState('16:00');
  const [breakMinutes, setBreak] = useState('30');
  const [color, setColor] = useState('#4e79a7');
  const [skill, setSkill] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const errors = fieldErrors(error);

  async function add(e: FormEvent) {
    e.preventDefault();
    try {
      await call('template.create', { teamId: team.id, code, name, startLocal, endLocal, breakMinutes: Number(breakMinutes), color, skill: skill || null });
      setError(null);
      setCode('');
      setName('');
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }

  return (
    <section className="card" aria-labelledby="templates-title">
      <h2 id="templates-title">{t('templates.title')}</h2>
      <LoadError errors={[listQuery.error]} />
      {list.length === 0 ? (
        <p className="muted">{t('templates.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('templates.code')}</th>
              <th scope="col">{t('templates.name')}</th>
              <th scope="col">{t('templates.start')}</th>
              <th scope="col">{t('templates.end')}</th>
              <th scope="col">{t('templates.break')}</th>
              <th scope="col">{t('templates.skill')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {list.map((tp) => (
              <tr key={tp.id}>
                <th scope="row">
                  <span className="swatch" style={{ backgroundColor: tp.color }} aria-hidden="true" />
                  {tp.code}
                </th>
                <td>{tp.name}</td>
                <td dir="ltr">{tp.startLocal}</td>
                <td dir="ltr">{tp.endLocal}</td>
                <td>{tp.breakMinutes}</td>
                <td>{tp.skill ?? t('templates.none')}</td>
                <td>
                  <button type="button" aria-label={t('templates.removeWho', { code: tp.code })} onClick={() => void call('template.archive', { id: tp.id }).then(() => setError(null), (err: unknown) => err instanceof CallError && setError(err.error))}>
                    {t('templates.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="form-grid" onSubmit={(e) => void add(e)} aria-label={t('templates.add')} noValidate>
        <h3>{t('templates.add')}</h3>
        <Field label={t('templates.code')} error={errors.get('code')}>
          {(p) => <input {...p} value={code} maxLength={6} onChange={(e) => setCode(e.target.value)} />}
        </Field>
        <Field label={t('templates.name')} error={errors.get('name')}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={t('templates.start')} error={errors.get('startLocal')}>
          {(p) => <input {...p} type="time" value={startLocal} onChange={(e) => setStart(e.target.value)} />}
        </Field>
        <Field label={t('templates.end')} hint={t('templates.hint')} error={errors.get('endLocal')}>
          {(p) => <input {...p} type="time" value={endLocal} onChange={(e) => setEnd(e.target.value)} />}
        </Field>
        <Field label={t('templates.break')} error={errors.get('breakMinutes')}>
          {(p) => <input {...p} inputMode="numeric" value={breakMinutes} onChange={(e) => setBreak(e.target.value)} />}
        </Field>
        <Field label={t('templates.color')} error={errors.get('color')}>
          {(p) => <input {...p} type="color" value={color} onChange={(e) => setColor(e.target.value)} />}
        </Field>
        <Field label={t('templates.skill')} error={errors.get('skill')}>
          {(p) => (
            <select {...p} value={skill} onChange={(e) => setSkill(e.target.value)}>
              <option value="">{t('templates.none')}</option>
              {team.skills.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormError error={error} fieldCount={errors.size} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('templates.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
