import { useTranslation } from 'react-i18next';
import type { Absence, AbsenceWarning } from '../../core/absence';
import type { Team } from '../../core/team';
import { call } from '../api/client';
import { useApiQuery } from '../api/queries';
import { useFormat } from '../format';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { LoadError } from '../shell/LoadError';

interface Props {
  team: Team;
  /** Runs a decision; the page keeps its warnings on screen. */
  decide(work: () => Promise<{ warnings: AbsenceWarning[] }>): void;
  onEdit(absence: Absence): void;
  /** Shows the request's first day on the calendar and in the day panel. */
  onShow(absence: Absence): void;
}

/**
 * Every request still waiting for the lead, whatever month the calendar shows: a December
 * request must not hide behind November's screen. The count is of this list, so it matches.
 */
export function WaitingList({ team, decide, onEdit, onShow }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const waitingQuery = useApiQuery('absence.waiting', { teamId: team.id });
  const waiting = waitingQuery.data ?? [];
  const span = (a: Absence) => (a.start === a.end ? fmt.day(a.start) : `${fmt.day(a.start)} – ${fmt.day(a.end)}`);

  return (
    <section aria-labelledby="waiting-title" className={waiting.length > 0 ? 'warnings' : undefined}>
      <h3 id="waiting-title">{t('absences.waitingTitle')}</h3>
      <LoadError errors={[waitingQuery.error]} />
      {waitingQuery.data &&
        (waiting.length === 0 ? (
          <p className="muted">{t('absences.noneWaiting')}</p>
        ) : (
          <>
            <p>{t('absences.pending', { count: waiting.length })}</p>
            <ul className="absence-list" aria-label={t('absences.waitingTitle')}>
              {waiting.map((a) => (
                <li key={a.id}>
                  <span className="swatch" style={{ backgroundColor: a.color }} aria-hidden="true" /> <strong>{a.personName}</strong> · {names.absenceOf(a)} ·{' '}
                  <button type="button" className="link" aria-label={t('absences.showWho', { name: a.personName, span: span(a) })} onClick={() => onShow(a)}>
                    {span(a)}
                  </button>
                  {a.hours !== null && ` · ${t('absences.hoursPerDay', { hours: fmt.number(a.hours, 2) })}`}
                  {a.note && ` · ${a.note}`}{' '}
                  <span className="inline" style={{ display: 'inline-flex', marginInlineStart: '0.5rem' }}>
                    <button type="button" className="primary" aria-label={t('absences.approveWho', { name: a.personName, span: span(a) })} onClick={() => decide(() => call('absence.setStatus', { id: a.id, status: 'approved' }))}>
                      {t('absences.approve')}
                    </button>
                    <button type="button" aria-label={t('absences.rejectWho', { name: a.personName, span: span(a) })} onClick={() => decide(() => call('absence.setStatus', { id: a.id, status: 'rejected' }))}>
                      {t('absences.reject')}
                    </button>
                    <button type="button" className="link" aria-label={t('absences.editWho', { name: a.personName, span: span(a) })} onClick={() => onEdit(a)}>
                      {t('absences.edit')}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          </>
        ))}
    </section>
  );
}
