import { startOfWeek, Temporal, todayIn, weekStartOfDay } from '../core/time';
import type { Account } from './accounts';
import { HubError, realDay } from './http';
import { one, prepared, rows, type Queryable } from './pg';

/**
 * A team's published week as its members see it: who works when, and who is on call. Colleagues'
 * leave, hours and pay are not in it (only shifts and turns), so an agent learns no more of a
 * colleague than the printed rota on the wall shows.
 */

export interface TeamWeekEntry {
  kind: 'shift' | 'oncall';
  personKey: string;
  person: string;
  /** The shift's roster day; an on-call turn's first day. */
  day: string;
  startLocal: string;
  endLocal: string;
  code: string | null;
  skill: string | null;
  rotation: string | null;
}

export interface TeamWeek {
  teamId: number;
  teamName: string;
  timeZone: string;
  publishedAt: string | null;
  /** The week's first day (the team's own week start) and its seven days. */
  weekStart: string;
  days: string[];
  /** The first days of the weeks before and after, for the page's links. */
  previousWeek: string;
  nextWeek: string;
  entries: TeamWeekEntry[];
  /** The reader's own person key in the team, to mark their rows; null for a lead or manager who is not in it. */
  me: string | null;
}

const TEAM_OF = prepared(
  'team_week_team',
  `SELECT t.id, coalesce(ti.item->'body'->>'name', t.name) AS name, coalesce(ti.item->'body'->>'timeZone', 'UTC') AS "timeZone",
          coalesce((ti.item->'body'->>'weekStartsOn')::int, 1) AS "weekStartsOn",
          to_char(t.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "publishedAt",
          (SELECT m.person_key FROM plan_item m WHERE m.team_id = t.id AND m.kind = 'person' AND m.email = $2 LIMIT 1) AS me,
          EXISTS (SELECT 1 FROM team_lead l WHERE l.team_id = t.id AND l.account_id = $3) AS leads
     FROM team t LEFT JOIN plan_item ti ON ti.team_id = t.id AND ti.name = 'team/team'
    WHERE t.id = $1`,
);

const ENTRIES = prepared(
  'team_week_entries',
  `SELECT i.kind, i.person_key AS "personKey", coalesce(p.item->'body'->>'name', i.person_key) AS person,
          coalesce(i.item->'body'->>'day', left(i.item->'body'->>'startLocal', 10)) AS day,
          i.item->'body'->>'startLocal' AS "startLocal", i.item->'body'->>'endLocal' AS "endLocal",
          i.item->'body'->>'code' AS code, i.item->'body'->>'skill' AS skill, i.item->'body'->>'rotation' AS rotation
     FROM plan_item i LEFT JOIN plan_item p ON p.team_id = i.team_id AND p.name = 'person/' || i.person_key
    WHERE i.team_id = $1
      AND ((i.kind = 'shift' AND i.item->'body'->>'day' BETWEEN $2::text AND $3::text)
        OR (i.kind = 'oncall' AND i.item->'body'->>'startLocal' < $4::text AND i.item->'body'->>'endLocal' > ($2::text || 'T00:00')))
    ORDER BY day, i.item->'body'->>'startLocal', i.kind DESC, person, i.person_key`,
);

/**
 * The published week holding `day` (default: today in the team's zone) of a team the account may
 * see: a member of it (their email is in its plan) or its lead. Anyone else, and a team that does
 * not exist, get the same "not found".
 */
export async function teamWeek(db: Queryable, account: Account, rawTeamId: string, day: string | null, now: Date): Promise<TeamWeek> {
  const teamId = /^\d{1,15}$/.test(rawTeamId) ? Number(rawTeamId) : NaN;
  const team = Number.isFinite(teamId)
    ? await one<{ id: number; name: string; timeZone: string; weekStartsOn: number; publishedAt: string | null; me: string | null; leads: boolean }>(db, TEAM_OF, [teamId, account.email.toLowerCase(), account.id])
    : null;
  // Managers see the department's figures, not its people's weeks: the week is its members' and its lead's.
  const allowed = team !== null && (team.me !== null || team.leads);
  if (!team || !allowed) throw new HubError('not_found', 'No such team among yours', 'teamId');
  const asked = day === null ? todayIn(team.timeZone, Temporal.Instant.fromEpochMilliseconds(now.getTime())) : realDay(day);
  if (!asked) throw new HubError('bad_request', 'week must be a real date written YYYY-MM-DD', 'week');
  const first = startOfWeek(asked, weekStartOfDay(team.weekStartsOn) ?? 'mon');
  const days = Array.from({ length: 7 }, (_, i) => first.add({ days: i }).toString());
  const entries = await rows<TeamWeekEntry>(db, ENTRIES, [team.id, days[0], days[6], first.add({ days: 7 }).toString()]);
  return { teamId: team.id, teamName: team.name, timeZone: team.timeZone, publishedAt: team.publishedAt, weekStart: first.toString(), days, previousWeek: first.subtract({ days: 7 }).toString(), nextWeek: first.add({ days: 7 }).toString(), entries, me: team.me };
}
