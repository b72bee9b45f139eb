import { useTranslation } from 'react-i18next';
import type { Team } from '../../core/team';
import { useApiQuery } from '../api/queries';
import { useFormat } from '../format';
import { HubDecideButtons } from '../roster/hub/HubDecideButtons';
import { askedPreferences, dayOf, preferencesText, requestNote, requestText, type HubPending } from '../roster/hub/requestText';
import type { useHubDecision } from '../roster/hub/useHubWaiting';

interface Props {
  team: Team;
  request: HubPending;
  decision: ReturnType<typeof useHubDecision>;
}

/**
 * The days and shifts a person asked for on the hub, beside their own (under their row in the
 * people list, and in their dialog), with Approve and Decline. Approving replaces all of the
 * person's preferences with the asked ones (hub.decide sets them, one undo step), so the ones it
 * replaces are said too.
 */
export function HubPreferenceAsk({ team, request, decision }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const templates = useApiQuery('template.list', { teamId: team.id }).data;
  const now = useApiQuery('person.preferences', request.personId === null ? null : { personId: request.personId }).data;
  const templateName = (id: number) => templates?.find((x) => x.id === id)?.name ?? null;
  const asked = askedPreferences(request);
  const what = asked === null ? t('hubLink.preferences') : asked.length === 0 ? t('hubLink.preferencesNone') : preferencesText(t, fmt, asked, templateName);
  const note = requestNote(request);
  return (
    <div className="hub-ask">
      <span className="badge hub-badge">{t('hubAsk.badge')}</span>
      <span className="hub-ask-what">
        <strong>{what}</strong>
        {note && (
          <>
            {' · '}
            <bdi>{t('hubLink.note', { note })}</bdi>
          </>
        )}
        <span className="muted">
          {' · '}
          {t('hubLink.asked', { when: fmt.day(dayOf(request.createdAt, team.timeZone)) })}
          {now && now.length > 0 && (
            <>
              {' · '}
              {t('hubAsk.instead', { what: preferencesText(t, fmt, now, templateName) })}
            </>
          )}
        </span>
      </span>
      <HubDecideButtons request={request} what={requestText(t, fmt, request, { timeZone: team.timeZone, templateName })} decision={decision} />
    </div>
  );
}
