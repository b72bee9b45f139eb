import { useMemo, useState } from 'react';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { awaitsLead, type HubPending } from './requestText';

/**
 * The requests of one kind pulled from the team's hub that wait for the lead, for the page where
 * that kind is decided (People for preferences, On-call for swaps). None when the team has no hub
 * link (requests pulled under an earlier link stay in the file but are not shown), so without a
 * hub those pages are as they always were. A request whose asker left the team waits only in the
 * hub panel, where it can be declined.
 */
export function useHubWaiting(teamId: number, kind: 'preferences' | 'swap') {
  const status = useApiQuery('hub.status', { teamId });
  const linked = Boolean(status.data);
  const requests = useApiQuery('hub.requests', linked ? { teamId } : null);
  const all = requests.data;
  const waiting = useMemo(() => (linked && all ? all.filter((r) => r.kind === kind && awaitsLead(r) && r.personId !== null) : []), [linked, all, kind]);
  return { waiting, errors: [status.error, linked ? requests.error : null] };
}

/**
 * The lead's Approve or Decline of a pulled request, wherever it is shown: one call at a time
 * (`busy` is the request being decided), its refusal kept for the view. The reads on screen
 * refetch by themselves, so every place that lists the request updates. `onStart` runs as a
 * decision starts (the hub panel clears what it said before), `onDone` once it is made.
 */
export function useHubDecision(teamId: number, on: { onStart?(): void; onDone?(decision: 'approved' | 'declined'): void } = {}) {
  const [busy, setBusy] = useState<number | null>(null);
  const { error, act } = useAction();
  const decide = (request: HubPending, decision: 'approved' | 'declined') => {
    setBusy(request.id);
    on.onStart?.();
    return act(async () => {
      await call('hub.decide', { teamId, id: request.id, decision });
      on.onDone?.(decision);
    }).finally(() => setBusy(null));
  };
  return { busy, error, decide };
}
