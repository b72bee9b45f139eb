import type { TFunction } from 'i18next';
import type { MethodOutput } from '../../../core/contract';
import { LeaveRequestBody, parseTurnKey, PreferencesRequestBody, SwapRequestBody } from '../../../core/hub-plan';
import { Temporal } from '../../../core/time';
import type { Format } from '../../format';

export type HubPending = MethodOutput<'hub.requests'>[number];

/**
 * The agent's own fields of a request's body. The planner adds its own beside them (`problem`:
 * why a leave request could not become an absence; `inReturnKey`: the turn a colleague gives
 * for a swap), which the request schemas, strict about the agent's fields, would refuse.
 */
function agentFields(body: Record<string, unknown>): Record<string, unknown> {
  const { problem: _problem, inReturnKey: _inReturnKey, ...own } = body;
  return own;
}

const textField = (body: Record<string, unknown>, key: string): string | null => {
  const value = body[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};

/** A request still waiting for the lead: not withdrawn, not decided (the order `hub.requests` lists them in). */
export const awaitsLead = (request: HubPending): boolean => request.state === 'pending' && request.decision === null;

/** Why the planner could not make a leave request an absence (an overlap, an archived person), or null. */
export const requestProblem = (request: HubPending): string | null => textField(request.body, 'problem');

/** What a pulled request asks, in the window's words: its body is the agent's, checked here before it is read. */
export function requestText(t: TFunction, fmt: Format, request: HubPending, context: { timeZone: string; templateName(id: number): string | null }): string {
  const own = agentFields(request.body);
  if (request.kind === 'preferences') {
    const asked = askedPreferences(request);
    if (asked === null) return t('hubLink.preferences');
    return `${t('hubLink.preferences')}: ${asked.length === 0 ? t('hubLink.preferencesNone') : preferencesText(t, fmt, asked, context.templateName)}`;
  }
  if (request.kind === 'swap') {
    const body = SwapRequestBody.safeParse(own);
    const when = body.success ? turnStart(fmt, body.data.turnKey, context.timeZone) : null;
    const inReturnKey = textField(request.body, 'inReturnKey');
    const inReturn = inReturnKey === null ? null : turnStart(fmt, inReturnKey, context.timeZone);
    const taker =
      request.takerName === null ? t('hubLink.swapOpen') : inReturn === null ? t('hubLink.swapTaker', { name: request.takerName }) : t('hubLink.swapInReturn', { name: request.takerName, when: inReturn });
    return `${t('hubLink.swap')}: ${when === null ? '' : `${t('hubLink.swapTurn', { when })}, `}${taker}`;
  }
  const body = LeaveRequestBody.safeParse(own);
  if (!body.success) return t('hubLink.leave');
  const days = { from: fmt.day(body.data.firstDay), to: fmt.day(body.data.lastDay) };
  if (request.absenceId !== null || request.state === 'withdrawn') return `${t('hubLink.leave')}: ${t('hubLink.leaveDays', days)}`;
  // Not an absence: the planner refused it (its reason), or the agent is not a person of this team.
  return `${t('hubLink.leave')}: ${t('hubLink.leaveRefused', { ...days, problem: requestProblem(request) ?? t('hubLink.notInTeam') })}`;
}

/** A preference as the planner keeps it (person.preferences), which is also the shape a request asks for. */
type Preference = MethodOutput<'person.preferences'>[number];

/** The days and shifts a preferences request asks for, or null when its body is not one. */
export function askedPreferences(request: HubPending): Preference[] | null {
  const body = request.kind === 'preferences' ? PreferencesRequestBody.safeParse(agentFields(request.body)) : null;
  return body?.success ? body.data.preferences : null;
}

/** Preferences in words ("Sun: cannot work; Sat, Early: would rather not work"): asked on the hub or held now, said alike. */
export function preferencesText(t: TFunction, fmt: Format, preferences: readonly Preference[], templateName: (id: number) => string | null): string {
  return preferences
    .map((p) => {
      const what = t(p.kind === 'cannot' ? 'hubLink.prefCannot' : 'hubLink.prefPreferNot');
      const shift = p.templateId === null ? null : templateName(p.templateId);
      return shift === null ? t('hubLink.prefDay', { day: fmt.isoWeekday(p.weekday), what }) : t('hubLink.prefShift', { day: fmt.isoWeekday(p.weekday), shift, what });
    })
    .join(t('hubLink.prefSeparator'));
}

/** The agent's note, if they wrote one. */
export function requestNote(request: HubPending): string {
  return textField(request.body, 'note') ?? '';
}

/**
 * When an offered on-call turn starts, on the team's clock. Its key is the one the planner
 * published (`o<rotation>-<start in epoch seconds>`, db/handlers/hub-plan.ts), so the start is in it.
 */
export function turnStart(fmt: Format, turnKey: string, timeZone: string): string | null {
  const turn = parseTurnKey(turnKey);
  if (!turn) return null;
  const at = Temporal.Instant.fromEpochMilliseconds(turn.startUtc * 1000).toZonedDateTimeISO(timeZone);
  return `${fmt.dayLong(at.toPlainDate().toString())} ${fmt.clock(at.toPlainTime().toString({ smallestUnit: 'minute' }))}`;
}

/** A moment's day on the team's clock (YYYY-MM-DD), for "asked on …". */
export function dayOf(iso: string, timeZone: string): string {
  return Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}
