import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Adjustment } from '../../core/staffing';
import type { Team } from '../../core/team';
import { call } from '../api/client';
import { useFormat } from '../format';
import { DateField } from '../shell/DateField';
import { NumberInput } from '../shell/NumberInput';
import { TimeInput } from '../shell/TimeInput';

interface Props {
  team: Team;
  channel: string;
  weekStart: string;
  adjustments: Adjustment[];
  act(work: () => Promise<unknown>): Promise<void>;
}

/** The lead's changes to the forecast of the week shown (a day or one interval, by a share or a number), and a form to add one. */
export function AdjustmentsPanel({ team, channel, weekStart, adjustments, act }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [day, setDay] = useState(weekStart);
  const [time, setTime] = useState('');
  const [kind, setKind] = useState<'percent' | 'absolute'>('percent');
  const [value, setValue] = useState('10');
  const [note, setNote] = useState('');
  function add(e: FormEvent) {
    e.preventDefault();
    const v = value.trim() === '' ? Number.NaN : Number(value.replace(',', '.'));
    void act(() => call('forecast.adjust', { teamId: team.id, channel, day, timeLocal: time || null, kind, value: v, note }));
  }
  return (
    <section aria-labelledby="adjust-title">
      <h3 id="adjust-title">{t('forecast.adjustTitle')}</h3>
      {adjustments.length === 0 ? (
        <p className="muted">{t('forecast.noAdjustments')}</p>
      ) : (
        <ul>
          {adjustments.map((a) => (
            <li key={a.id}>
              {fmt.dayLong(a.day)} {a.timeLocal ?? t('forecast.wholeDay')}: {a.kind === 'percent' ? `${a.value > 0 ? '+' : ''}${fmt.number(a.value, 1)} %` : `${a.value > 0 ? '+' : ''}${fmt.number(a.value, 1)}`}
              {a.note && ` · ${a.note}`}{' '}
              <button type="button" className="link" onClick={() => void act(() => call('forecast.deleteAdjustment', { id: a.id }))}>
                {t('forecast.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form-grid" aria-label={t('forecast.adjustTitle')} onSubmit={add} noValidate>
        <label className="field">
          <span>{t('forecast.day')}</span>
          <DateField value={day} weekStart={team.weekStart} onChange={setDay} />
        </label>
        <label className="field">
          <span>{t('forecast.time')}</span>
          <TimeInput value={time} onChange={(e) => setTime(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('forecast.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value === 'absolute' ? 'absolute' : 'percent')}>
            <option value="percent">{t('forecast.percent')}</option>
            <option value="absolute">{t('forecast.absolute')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('forecast.value')}</span>
          <NumberInput inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('forecast.note')}</span>
          <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </label>
        <div className="actions">
          <button type="submit">{t('forecast.addAdjustment')}</button>
        </div>
      </form>
    </section>
  );
}
