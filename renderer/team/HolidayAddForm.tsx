import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../core/team';
import { call } from '../api/client';
import { DateField } from '../shell/DateField';
import type { Later } from '../i18n/later';

/** Adds one of the team's own holidays (a day, a name, half or whole); the form empties once it is added. */
export function HolidayAddForm({ team, act }: { team: Team; act(work: () => Promise<unknown>, done?: Later): Promise<boolean> }) {
  const { t } = useTranslation();
  const [day, setDay] = useState('');
  const [name, setName] = useState('');
  const [half, setHalf] = useState(false);
  const dayId = useId();
  const nameId = useId();

  async function add(e: FormEvent) {
    e.preventDefault();
    const ok = await act(() => call('holiday.add', { teamId: team.id, day, name, half }), (s) => s.t('holidays.added', { name: name.trim() }));
    if (ok) {
      setDay('');
      setName('');
      setHalf(false);
    }
  }

  return (
    <form className="holiday-add" onSubmit={(e) => void add(e)} aria-labelledby="holiday-add-title">
      <h3 id="holiday-add-title">{t('holidays.addTitle')}</h3>
      <label htmlFor={dayId}>{t('holidays.day')}</label>
      <DateField id={dayId} value={day} onChange={setDay} weekStart={team.weekStart} />
      <label htmlFor={nameId}>{t('holidays.name')}</label>
      <input id={nameId} type="text" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      <label className="check">
        <input type="checkbox" checked={half} onChange={(e) => setHalf(e.target.checked)} />
        {t('holidays.halfDay')}
      </label>
      <button type="submit" className="primary" disabled={!day || !name.trim()}>
        {t('holidays.add')}
      </button>
    </form>
  );
}
