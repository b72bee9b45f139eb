import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../core/contract';
import type { Team } from '../../core/team';
import { useFormat } from '../format';
import { useAbsenceTypeName, useBuiltinNames } from '../i18n/useBuiltinNames';
import { DateField } from '../shell/DateField';

interface Props {
  team: Team;
  day: string;
  /** Who is away that day and what is left of each channel; null while it loads. */
  dayView: MethodOutput<'absence.day'> | null;
  onDay(day: string): void;
}

/** One day: who is away, and how many of each channel's scheduled people remain. */
export function DayPanel({ team, day, dayView, onDay }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const typeName = useAbsenceTypeName(team.id);
  return (
    <section aria-labelledby="day-title" className="day-panel">
      <h3 id="day-title">{t('absences.dayTitle', { day: fmt.dayLong(day) })}</h3>
      <label className="field">
        <span>{t('absences.day')}</span>
        <DateField value={day} weekStart={team.weekStart} onChange={(d) => d && onDay(d)} />
      </label>
      {dayView && (
        <>
          {dayView.away.length === 0 ? (
            <p className="muted">{t('absences.nobodyAway')}</p>
          ) : (
            <ul aria-label={t('absences.away')}>
              {dayView.away.map((a) => (
                <li key={`${a.personId}-${a.typeName}`}>
                  {a.personName} · {typeName(a.typeName)}
                  {a.status === 'requested' && ` (${t('absences.status.requested')})`}
                </li>
              ))}
            </ul>
          )}
          <table className="numbers" aria-label={t('absences.channels')}>
            <thead>
              <tr>
                <th scope="col">{t('absences.channel')}</th>
                <th scope="col">{t('absences.scheduled')}</th>
                <th scope="col">{t('absences.remaining')}</th>
              </tr>
            </thead>
            <tbody>
              {dayView.channels.map((c) => (
                <tr key={c.channel} className={c.remaining < c.scheduled ? 'short' : undefined}>
                  <th scope="row">{names.channel(c.channel)}</th>
                  <td>{fmt.number(c.scheduled)}</td>
                  <td>{fmt.number(c.remaining)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
