import type { Draft } from '../../core/contract';
import { coverageGaps, paidHours, startSpreadMinutes, type Candidate, type CoverageGap, type ScheduleInput } from '../../core/schedule';
import type { Team } from '../../core/team';
import type { ZoneClock } from '../../core/zone-clock';
import type { ServiceContext } from '../context';
import * as shifts from '../sql/shifts';
import { ruleViolations } from './shift-reads';

/** A draft as the lead sees it: measured on its final shifts, with the rule check, the gaps and why each stays short. */

const round2 = (x: number) => Math.round(x * 100) / 100;

export interface Picked {
  runId: string;
  from: string;
  to: string;
  picked: readonly Candidate[];
  locked: readonly shifts.ShiftRow[];
  /** Agent-hours, never above the draft's own under-staffing. */
  lowerBound: number;
  /** Cancelled, and whether the draft came from the solver (or is the greedy one). */
  stopped: boolean;
  solverDraft: boolean;
  withoutHistory: string[];
  seconds: number;
}

/** The draft measured as it is: coverage recomputed, the real rule check, the preferences it could not keep, before and after per day. */
export function draftReport(ctx: ServiceContext, team: Team, input: ScheduleInput, clock: ZoneClock, d: Picked): Draft {
  const { db } = ctx;
  const { from, to, picked: chosen } = d;
  const stepHours = input.intervalMinutes / 60;
  const templates = new Map(input.templates.map((t) => [t.id, t]));
  const names = new Map(input.people.map((p) => [p.id, p.name]));
  const gaps = coverageGaps(input, [...chosen.map((c) => ({ ...c.span, skill: c.skill, day: c.day })), ...d.locked]);
  const under = gaps.filter((g) => g.short > 0.01);
  const now = shifts.listShifts(db, team.id, from, to);
  // The same check as the rota's, with the draft in place of the range's unlocked shifts.
  let nextId = -1;
  const violations = ruleViolations(ctx, team, from, to, {
    clock,
    revise: (stored) => [
      ...stored.filter((s) => s.day < from || s.day > to || s.locked),
      ...chosen.map((c) => ({ id: nextId--, personId: c.personId, day: c.day, startUtc: c.span.startUtc, endUtc: c.span.endUtc, breakMinutes: c.span.breakMinutes, skill: c.skill })),
    ],
  });
  const perDay = (list: readonly CoverageGap[]) => {
    const out = new Map<string, { day: string; channel: string; underAgentHours: number; overAgentHours: number }>();
    for (const g of list) {
      const day = clock.dayOf(input.intervals[g.interval] ?? 0);
      const key = `${day}|${g.channel}`;
      const row = out.get(key) ?? { day, channel: g.channel, underAgentHours: 0, overAgentHours: 0 };
      row.underAgentHours += g.short * stepHours;
      row.overAgentHours += g.over * stepHours;
      out.set(key, row);
    }
    return [...out.values()].filter((r) => r.day >= from && r.day <= to).map((r) => ({ ...r, underAgentHours: round2(r.underAgentHours), overAgentHours: round2(r.overAgentHours) }));
  };
  // Start times per person (locked shifts included): the widest weekly spread, in hours.
  const spreads = [...startSpreadMinutes(input, [...chosen.map((c) => ({ personId: c.personId, day: c.day, startUtc: c.span.startUtc })), ...d.locked])]
    .map(([personId, minutes]) => ({ personId, person: names.get(personId) ?? '', hours: round2(minutes / 60) }))
    .sort((x, y) => y.hours - x.hours || x.person.localeCompare(y.person));
  // Both figures from this one roster and bound, rounded as shown; the bound never above.
  const underStaffedAgentHours = round2(gaps.reduce((s, g) => s + g.short, 0) * stepHours);
  const lowerBoundAgentHours = Math.min(underStaffedAgentHours, round2(d.lowerBound));
  const proven = lowerBoundAgentHours === underStaffedAgentHours;
  const status: Draft['summary']['status'] = d.stopped ? 'stopped' : proven ? (violations.length === 0 ? 'optimal' : 'broken_rules') : d.solverDraft ? 'limit' : 'greedy';
  return {
    runId: d.runId,
    from,
    to,
    summary: {
      shifts: chosen.length,
      underStaffedIntervals: under.length,
      underStaffedAgentHours,
      overStaffedAgentHours: round2(gaps.reduce((s, g) => s + g.over, 0) * stepHours),
      lowerBoundAgentHours,
      violations: violations.length,
      seconds: round2(d.seconds),
      status,
      startSpreadMeanHours: spreads.length ? round2(spreads.reduce((s, x) => s + x.hours, 0) / spreads.length) : 0,
      startSpreadMaxHours: spreads[0]?.hours ?? 0,
    },
    startSpread: spreads,
    draft: chosen
      .map((c) => ({ personId: c.personId, person: names.get(c.personId) ?? '', day: c.day, templateId: c.templateId, code: templates.get(c.templateId)?.code ?? '', start: clock.hhmm(c.span.startUtc), end: clock.hhmm(c.span.endUtc), paidHours: round2(paidHours(c.span)) }))
      .sort((x, y) => x.day.localeCompare(y.day) || x.person.localeCompare(y.person)),
    underStaffed: groupGaps(input, under, clock).map((g) => ({ channel: g.channel, day: g.day, from: g.from, to: g.to, agentHours: g.agentHours, ...reasonFor(input, g, chosen, clock) })),
    unmetPreferences: chosen.filter((c) => c.preferNot).map((c) => ({ personId: c.personId, person: names.get(c.personId) ?? '', day: c.day, code: templates.get(c.templateId)?.code ?? '' })),
    violations,
    withoutHistory: d.withoutHistory,
    coverage: { before: perDay(coverageGaps(input, now)), after: perDay(gaps) },
  };
}

interface GapGroup {
  channel: string;
  day: string;
  from: string;
  to: string;
  agentHours: number;
  first: number;
  last: number;
}

/** Consecutive short intervals of a channel, as local time ranges. */
function groupGaps(input: ScheduleInput, under: readonly { channel: string; interval: number; short: number }[], clock: ZoneClock): GapGroup[] {
  const step = input.intervalMinutes * 60;
  const out: GapGroup[] = [];
  for (const g of [...under].sort((x, y) => x.channel.localeCompare(y.channel) || x.interval - y.interval)) {
    const start = input.intervals[g.interval] ?? 0;
    const last = out.at(-1);
    if (last && last.channel === g.channel && last.last === g.interval - 1 && clock.dayOf(start) === last.day) {
      last.last = g.interval;
      last.to = clock.hhmm(start + step);
      last.agentHours = Math.round((last.agentHours + (g.short * input.intervalMinutes) / 60) * 100) / 100;
    } else {
      out.push({ channel: g.channel, day: clock.dayOf(start), from: clock.hhmm(start), to: clock.hhmm(start + step), agentHours: Math.round(((g.short * input.intervalMinutes) / 60) * 100) / 100, first: g.interval, last: g.interval });
    }
  }
  return out;
}

export type ShortReason = 'no_template' | 'no_skill' | 'nobody_free' | 'all_rostered' | 'rules';

/** Why a stretch stays short: a code the UI words in the lead's language, and the same in English. */
function reasonFor(input: ScheduleInput, g: GapGroup, chosen: readonly { personId: number; day: string }[], clock: ZoneClock): { reasonCode: ShortReason; count: number; reason: string } {
  const step = input.intervalMinutes * 60;
  const from = input.intervals[g.first] ?? 0;
  const to = (input.intervals[g.last] ?? 0) + step;
  const when = `${g.day} ${g.from}–${g.to}`;
  const covering = input.templates.filter((t) => t.skill === g.channel && [t.span(g.day), t.span(clock.addDays(g.day, -1))].some((x) => x && x.startUtc < to && x.endUtc > from));
  if (covering.length === 0) return { reasonCode: 'no_template', count: 0, reason: `no shift template for ${g.channel} covers ${when}` };
  const skilled = input.people.filter((p) => p.skills.includes(g.channel));
  if (skilled.length === 0) return { reasonCode: 'no_skill', count: 0, reason: `nobody has the ${g.channel} skill` };
  const free = skilled.filter((p) => covering.some((t) => p.choice(g.day, t.id) !== 'no'));
  if (free.length === 0) return { reasonCode: 'nobody_free', count: 0, reason: `no one with ${g.channel} skill is free on ${when} (leave, employment or "cannot" preferences)` };
  const idle = free.filter((p) => !chosen.some((c) => c.personId === p.id && c.day === g.day));
  if (idle.length === 0) return { reasonCode: 'all_rostered', count: free.length, reason: `everyone with ${g.channel} skill who is free on ${g.day} is already rostered that day` };
  return { reasonCode: 'rules', count: idle.length, reason: `the ${idle.length} free ${idle.length === 1 ? 'person' : 'people'} with ${g.channel} skill would break the rest, weekly-hours, consecutive-days or contract rules` };
}
