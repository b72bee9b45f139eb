import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';

/** The grid's head row: Person, the seven days (a holiday's name under its date), hours and cost. */
export function WeekHead({ days, holidayName }: { days: readonly string[]; holidayName: (day: string) => string | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <thead>
      <tr role="row" aria-rowindex={1}>
        <th role="columnheader" scope="col" className="who">
          {t('roster.person')}
        </th>
        {days.map((day) => {
          const holiday = holidayName(day);
          return (
            <th role="columnheader" scope="col" key={day} className={holiday ? 'holiday' : undefined}>
              <span className="weekday">{fmt.weekday(day)}</span> <span className="date">{fmt.dayMonth(day)}</span>
              {holiday && (
                <span className="holiday-name" title={`${t('roster.holiday')}: ${holiday}`}>
                  {holiday}
                </span>
              )}
            </th>
          );
        })}
        <th role="columnheader" scope="col">
          {t('roster.hours')}
        </th>
        <th role="columnheader" scope="col">
          {t('roster.cost')}
        </th>
      </tr>
    </thead>
  );
}
