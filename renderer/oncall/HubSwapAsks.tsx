import { useTranslation } from 'react-i18next';
import type { Rotation } from '../../core/oncall';
import type { Team } from '../../core/team';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { HubDecideButtons } from '../roster/hub/HubDecideButtons';
import { dayOf, requestNote, requestText, turnStart, type HubPending } from '../roster/hub/requestText';
import type { useHubDecision } from '../roster/hub/useHubWaiting';
import { FormError } from '../shell/FormError';
import { useOnCallFormat } from './oncallFormat';

interface Props {
  team: Team;
  rotations: readonly Rotation[];
  /** Swap requests pulled from the hub that wait for the lead (useHubWaiting). */
  waiting: readonly HubPending[];
  decision: ReturnType<typeof useHubDecision>;
}

const BLOCKED = { not_taken: 'hubAsk.notTaken', turn_not_theirs: 'hubAsk.turnGone', return_not_theirs: 'hubAsk.returnGone' } as const;

/**
 * On-call swaps agents asked for on the hub, beside who is on call now: who offers which turn,
 * who took it and what they give in return, with Approve (the swap, or an override when nothing
 * is given in return: one undo step) and Decline. The turns are as the plan has them now; when
 * the plan moved on (the turn is someone else's) Approve waits and the card says why.
 */
export function HubSwapAsks({ team, rotations, waiting, decision }: Props) {
  const { t } = useTranslation();
  const f = useOnCallFormat();
  const names = useBuiltinNames();
  const fallback = (key: unknown) => (typeof key === 'string' ? (turnStart(f.fmt, key, team.timeZone) ?? '') : '');

  return (
    <section className="oncall-card hub-swaps" aria-labelledby="hub-swaps-title">
      <h3 id="hub-swaps-title">{t('hubAsk.swapsTitle')}</h3>
      <ul className="hub-request-list">
        {waiting.map((r) => {
          const swap = r.swap;
          const rotation = rotations.find((x) => x.id === swap?.rotationId);
          const offered = swap?.turn ? t('hubAsk.offers', { span: f.span(swap.turn.start, swap.turn.end) }) : t('hubLink.swapTurn', { when: fallback(r.body.turnKey) });
          const inReturnKey = r.body.inReturnKey;
          const taken = swap?.inReturn
            ? t('hubAsk.gives', { span: f.span(swap.inReturn.start, swap.inReturn.end) })
            : typeof inReturnKey === 'string'
              ? t('hubAsk.givesAt', { when: fallback(inReturnKey) })
              : t('hubAsk.takes');
          const blocked = swap?.blocked ?? null;
          const note = requestNote(r);
          return (
            <li key={r.id}>
              {rotations.length > 1 && rotation && <p className="muted small">{names.rotation(rotation.name)}</p>}
              <p>
                <strong>
                  <bdi>{r.personName}</bdi>
                </strong>{' '}
                {offered}
              </p>
              {r.takerName !== null && (
                <p>
                  <strong>
                    <bdi>{r.takerName}</bdi>
                  </strong>{' '}
                  {taken}
                </p>
              )}
              <p className="muted small">
                {note && (
                  <>
                    <bdi>{t('hubLink.note', { note })}</bdi>
                    {' · '}
                  </>
                )}
                {t('hubLink.asked', { when: f.fmt.day(dayOf(r.createdAt, team.timeZone)) })}
              </p>
              {blocked && <p className={blocked === 'not_taken' ? 'muted small' : 'warning small'}>{t(BLOCKED[blocked])}</p>}
              <HubDecideButtons request={r} what={requestText(t, f.fmt, r, { timeZone: team.timeZone, templateName: () => null })} decision={decision} approveBlocked={blocked !== null} />
            </li>
          );
        })}
      </ul>
      <FormError error={decision.error} fieldCount={0} />
    </section>
  );
}
