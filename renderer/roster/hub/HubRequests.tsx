import { useTranslation } from 'react-i18next';
import type { Team } from '../../../core/team';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../format';
import type { Later } from '../../i18n/later';
import { FormError } from '../../shell/FormError';
import { LoadError } from '../../shell/LoadError';
import { HubDecideButtons } from './HubDecideButtons';
import { awaitsLead, dayOf, requestNote, requestText, type HubPending } from './requestText';
import { useHubDecision } from './useHubWaiting';

/** How many decided, withdrawn or leave requests the list keeps on screen: the newest, since the hub keeps them all. */
const EARLIER_SHOWN = 30;

/**
 * The agents' availability and on-call swap requests pulled from the hub, with Approve and
 * Decline; the decision goes back with the next publish. Leave requests are absences asked for,
 * decided on the Absences page like any other, so here they are only listed among the earlier ones.
 */
export function HubRequests({ team, onNotice }: { team: Team; onNotice(words: Later | null): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const requestsQuery = useApiQuery('hub.requests', { teamId: team.id });
  const templatesQuery = useApiQuery('template.list', { teamId: team.id });
  const decision = useHubDecision(team.id, { onStart: () => onNotice(null) });
  const requests = requestsQuery.data ?? [];
  // Leave waits on the Absences page, unless the planner could not make it an absence: then it waits here, with why.
  const stuck = (r: HubPending) => r.kind === 'leave' && r.absenceId === null;
  const isWaiting = (r: HubPending) => awaitsLead(r) && (r.kind !== 'leave' || stuck(r));
  const waiting = requests.filter(isWaiting);
  const earlier = requests.filter((r) => !isWaiting(r));
  const context = { timeZone: team.timeZone, templateName: (id: number) => templatesQuery.data?.find((x) => x.id === id)?.name ?? null };
  const what = (r: HubPending) => requestText(t, fmt, r, context);

  const line = (r: HubPending) => {
    const note = requestNote(r);
    return (
      <>
        <strong>
          <bdi>{r.personName}</bdi>
        </strong>{' '}
        · {what(r)}
        {note && (
          <>
            {' '}
            · <bdi>{t('hubLink.note', { note })}</bdi>
          </>
        )}{' '}
        <span className="muted small">· {t('hubLink.asked', { when: fmt.day(dayOf(r.createdAt, team.timeZone)) })}</span>
      </>
    );
  };

  const stateOf = (r: HubPending) => (r.state === 'withdrawn' ? t('hubLink.state.withdrawn') : r.decision !== null ? t(`hubLink.state.${r.decision}`) : t('hubLink.state.leave'));

  return (
    <section className="hub-requests" aria-labelledby="hub-requests-title">
      <h4 id="hub-requests-title">{t('hubLink.requestsTitle')}</h4>
      <LoadError errors={[requestsQuery.error]} />
      {requestsQuery.data &&
        (waiting.length === 0 ? (
          <p className="muted small">{t('hubLink.noneWaiting')}</p>
        ) : (
          <ul className="hub-request-list" aria-label={t('hubLink.waitingList')}>
            {waiting.map((r) => (
              <li key={r.id}>
                <p>{line(r)}</p>
                {/* Leave the planner could not enter waits here with why: it can only be declined (or entered by hand on the Absences page). */}
                {(r.kind !== 'leave' || stuck(r)) && <HubDecideButtons request={r} what={what(r)} decision={decision} approvable={r.kind !== 'leave'} />}
              </li>
            ))}
          </ul>
        ))}
      <FormError error={decision.error} fieldCount={0} />
      {earlier.length > 0 && (
        <details className="hub-earlier">
          <summary>{t('hubLink.earlier', { count: earlier.length })}</summary>
          <ul className="hub-request-list" aria-label={t('hubLink.earlierList')}>
            {earlier.slice(0, EARLIER_SHOWN).map((r) => (
              <li key={r.id}>
                {line(r)} · <strong>{stateOf(r)}</strong>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
