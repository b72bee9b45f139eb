import { useTranslation } from 'react-i18next';
import type { Absence } from '../../core/absence';
import { useFormat } from '../format';
import { useBuiltinNames } from '../i18n/useBuiltinNames';

/** The month's absences, each with its status; the ones still standing can be edited or cancelled. */
export function AbsenceList({ list, onEdit, onCancel }: { list: readonly Absence[]; onEdit(a: Absence): void; onCancel(a: Absence): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const span = (a: Pick<Absence, 'start' | 'end'>) => (a.start === a.end ? fmt.day(a.start) : `${fmt.day(a.start)} – ${fmt.day(a.end)}`);
  return (
    <section aria-labelledby="absence-list-title">
      <h3 id="absence-list-title">{t('absences.list')}</h3>
      {list.length === 0 ? (
        <p className="muted">{t('absences.none')}</p>
      ) : (
        <ul className="absence-list">
          {list.map((a) => (
            <li key={a.id} className={`status-${a.status}`}>
              <span className="swatch" style={{ backgroundColor: a.color }} aria-hidden="true" /> <strong>{a.personName}</strong> · {names.absenceOf(a)} · {span(a)}
              {a.hours !== null && ` · ${t('absences.hoursPerDay', { hours: fmt.number(a.hours, 2) })}`} · {t(`absences.status.${a.status}`)}
              {a.note && ` · ${a.note}`}{' '}
              {(a.status === 'requested' || a.status === 'approved') && (
                <>
                  <button type="button" className="link" onClick={() => onEdit(a)}>
                    {t('absences.edit')}
                  </button>{' '}
                  <button type="button" className="link" aria-label={t('absences.cancelWho', { name: a.personName, span: span(a) })} onClick={() => onCancel(a)}>
                    {t('absences.cancelAbsence')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
