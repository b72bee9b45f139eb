import type { TFunction } from 'i18next';
import type { MethodOutput } from '../../../core/contract';
import { LeaveRequestBody, PreferencesRequestBody, SwapRequestBody } from '../../../core/hub-plan';
import { Temporal } from '../../../core/time';
import type { Format } from '../../format';

export type HubPending = MethodOutput<'hub.requests'>[number];

/** What a pulled request asks, in the window's words: its body is the agent's, checked here before it is read. */
export function requestText(t: TFunction, fmt: Format, request: HubPending, context: { timeZone: string; templateName(id: number): string | null }): string {
  if (request.kind === 'preferences') {
    const body = PreferencesRequestBody.safeParse(request.body);
    if (!body.success) return t('hubLink.preferences');
    const parts = body.data.preferences.map((p) => {
      const what = t(p.kind === 'cannot' ? 'hubLink.prefCannot' : 'hubLink.prefPreferNot');
      const shift = p.templateId === null ? null : context.templateName(p.templateId);
      return shift === null ? t('hubLink.prefDay', { day: fmt.isoWeekday(p.weekday), what }) : t('hubLink.prefShift', { day: fmt.isoWeekday(p.weekday), shift, what });
    });
    return `${t('hubLink.preferences')}: ${parts.length === 0 ? t('hubLink.preferencesNone') : parts.join('; ')}`;
  }
  if (request.kind === 'swap') {
    const body = SwapRequestBody.safeParse(request.body);
    const taker = request.takerName === null ? t('hubLink.swapOpen') : t('hubLink.swapTaker', { name: request.takerName });
    const when = body.success ? turnStart(fmt, body.data.turnKey, context.timeZone) : null;
    return `${t('hubLink.swap')}: ${when === null ? '' : `${t('hubLink.swapTurn', { when })}, `}${taker}`;
  }
  const body = LeaveRequestBody.safeParse(request.body);
  return body.success ? `${t('hubLink.leave')}: ${t('hubLink.leaveDays', { from: fmt.day(body.data.firstDay), to: fmt.day(body.data.lastDay) })}` : t('hubLink.leave');
}

/** The agent's note, if they wrote one. */
export function requestNote(request: HubPending): string {
  const note = request.body.note;
  return typeof note === 'string' ? note.trim() : '';
}

/**
 * When an offered on-call turn starts, on the team's clock. Its key is the one the planner
 * published (`o<rotation>-<start in epoch seconds>`, db/handlers/hub-plan.ts), so the start is in it.
 */
function turnStart(fmt: Format, turnKey: string, timeZone: string): string | null {
  const m = /^o\d+-(\d+)$/.exec(turnKey);
  if (!m?.[1]) return null;
  const at = Temporal.Instant.fromEpochMilliseconds(Number(m[1]) * 1000).toZonedDateTimeISO(timeZone);
  return `${fmt.dayLong(at.toPlainDate().toString())} ${fmt.clock(at.toPlainTime().toString({ smallestUnit: 'minute' }))}`;
}

/** A moment's day on the team's clock (YYYY-MM-DD), for "asked on …". */
export function dayOf(iso: string, timeZone: string): string {
  return Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}
