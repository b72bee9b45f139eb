import { useTranslation } from 'react-i18next';
import type { HubPending } from './requestText';
import type { useHubDecision } from './useHubWaiting';

interface Props {
  request: HubPending;
  /** What was asked, in words: the buttons' names say whose request and what, for a screen reader's list of buttons. */
  what: string;
  decision: ReturnType<typeof useHubDecision>;
  /** Whether Approve is offered (leave the planner could not enter can only be declined). */
  approvable?: boolean;
  /** Approve is shown but cannot be used now (the swap's turns moved on); the view says why. */
  approveBlocked?: boolean;
}

/** Approve and Decline of one pulled request, named by who asked and what. */
export function HubDecideButtons({ request, what, decision, approvable = true, approveBlocked = false }: Props) {
  const { t } = useTranslation();
  const { busy, decide } = decision;
  return (
    <span className="actions hub-decide">
      {approvable && (
        <button type="button" className="primary" disabled={busy !== null || approveBlocked} aria-label={t('hubLink.approveWho', { name: request.personName, what })} onClick={() => void decide(request, 'approved')}>
          {t('hubLink.approve')}
        </button>
      )}
      <button type="button" disabled={busy !== null} aria-label={t('hubLink.declineWho', { name: request.personName, what })} onClick={() => void decide(request, 'declined')}>
        {t('hubLink.decline')}
      </button>
    </span>
  );
}
