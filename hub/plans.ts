import { itemFingerprint, itemName, itemPerson, itemSpan, PublishBody, type PlanItem } from '../core/hub-plan';
import { byAsk, SESSIONS_ASKED_SQL, sessionAskParams, sessionOfRow, type Account, type SessionAsk, type Session, type SessionRow } from './accounts';
import { HubError } from './http';
import { inTransaction, one, prepared, rows, type Pool, type Queryable } from './pg';

/**
 * Teams and their published plans. A plan is written only by its team's lead's publishes, each
 * one transaction: readers see the plan before it or after it, never a part of one.
 */

export interface Team {
  id: number;
  name: string;
  version: number;
  publishedAt: string | null;
}

const TEAM_COLUMNS = `id, name, version, to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "publishedAt"`;

export async function createTeam(db: Queryable, name: unknown): Promise<Team> {
  const text = typeof name === 'string' ? name.trim() : '';
  if (text.length < 1 || text.length > 200 || /[\u0000-\u001f\u007f]/.test(text)) throw new HubError('bad_request', 'Write the team name (at most 200 characters)', 'name');
  const team = await one<Team>(db, `INSERT INTO team (name) VALUES ($1) RETURNING ${TEAM_COLUMNS}`, [text]);
  if (!team) throw new Error('team insert returned nothing');
  return team;
}

/** The teams an account may see the published plan of: a lead's own, every team for managers and admins, an agent's by their email. */
export async function teamsOf(db: Queryable, account: Account): Promise<Team[]> {
  if (account.role === 'manager' || account.role === 'admin') return rows<Team>(db, `SELECT ${TEAM_COLUMNS} FROM team ORDER BY name, id`);
  if (account.role === 'lead') return rows<Team>(db, `SELECT ${TEAM_COLUMNS} FROM team WHERE id IN (SELECT team_id FROM team_lead WHERE account_id = $1) ORDER BY name, id`, [account.id]);
  return rows<Team>(db, `SELECT ${TEAM_COLUMNS} FROM team WHERE id IN (SELECT team_id FROM plan_item WHERE kind = 'person' AND email = $1) ORDER BY name, id`, [account.email.toLowerCase()]);
}

/** A team id from a request, refused unless the account leads that team. Unknown and foreign teams get the same answer. */
export async function ledTeam(db: Queryable, account: Account, raw: unknown): Promise<number> {
  const teamId = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : typeof raw === 'number' && Number.isSafeInteger(raw) ? raw : NaN;
  if (!Number.isFinite(teamId)) throw new HubError('not_found', 'No such team', 'teamId');
  const ok = account.role === 'lead' ? await one(db, 'SELECT 1 FROM team_lead WHERE account_id = $1 AND team_id = $2', [account.id, teamId]) : null;
  if (!ok) throw new HubError('not_found', 'No such team among the teams you lead', 'teamId');
  return teamId;
}

/** What the hub holds of a team's plan: its version and each item's fingerprint by name. */
export async function manifest(db: Queryable, teamId: number): Promise<{ version: number; held: Record<string, string> }> {
  const team = await one<{ version: number }>(db, 'SELECT version FROM team WHERE id = $1', [teamId]);
  if (!team) throw new HubError('not_found', 'No such team', 'teamId');
  const held: Record<string, string> = {};
  for (const r of await rows<{ name: string; fingerprint: string }>(db, 'SELECT name, fingerprint FROM plan_item WHERE team_id = $1', [teamId])) held[r.name] = r.fingerprint;
  return { version: team.version, held };
}

export interface PublishOutcome {
  version: number;
  upserts: number;
  deletes: number;
  /** True when this publish id was applied before: nothing changed now. */
  repeated: boolean;
}

/** Rows per INSERT: under PostgreSQL's 65,535 parameters, and few round trips for a 200-person team. */
const BATCH = 2000;

/**
 * Applies a publish in one transaction. The team row is locked first, so two publishes of one
 * team take turns; one made against an older version than the hub holds is refused (the lead's
 * app looks again and shows what changed). A publish id seen before answers what it did then.
 */
export async function publish(pool: Pool, teamId: number, accountId: number, raw: unknown): Promise<PublishOutcome> {
  const parsed = PublishBody.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HubError('bad_request', `The publish is not valid: ${issue?.message ?? 'unknown problem'}`, issue?.path.join('.') ?? null);
  }
  const body = parsed.data;
  const names = new Set<string>();
  for (const item of body.upserts) {
    const name = itemName(item);
    if (names.has(name)) throw new HubError('bad_request', `The publish sends ${name} twice`, 'upserts');
    names.add(name);
  }
  return inTransaction(pool, async (db) => {
    const team = await one<{ version: number }>(db, 'SELECT version FROM team WHERE id = $1 FOR UPDATE', [teamId]);
    if (!team) throw new HubError('not_found', 'No such team', 'teamId');
    const earlier = await one<{ team_id: number; version: number; upserts: number; deletes: number }>(db, 'SELECT team_id, version, upserts, deletes FROM publish WHERE id = $1', [body.publishId]);
    if (earlier) {
      if (earlier.team_id !== teamId) throw new HubError('conflict', 'This publish id was used for another team', 'publishId');
      return { version: earlier.version, upserts: earlier.upserts, deletes: earlier.deletes, repeated: true };
    }
    if (body.baseVersion !== team.version) {
      throw new HubError('conflict', `The team's plan on the hub changed since your app looked (version ${team.version}, not ${body.baseVersion}). Publish again to see what changed.`, 'baseVersion');
    }
    for (let at = 0; at < body.upserts.length; at += BATCH) await upsertItems(db, teamId, body.upserts.slice(at, at + BATCH));
    let deleted = 0;
    if (body.deletes.length > 0) deleted = (await db.query('DELETE FROM plan_item WHERE team_id = $1 AND name = ANY($2::text[])', [teamId, body.deletes])).rowCount ?? 0;
    await applyDecisions(db, teamId, body.decisions);
    const changed = body.upserts.length + deleted > 0;
    const version = changed ? team.version + 1 : team.version;
    if (changed) await db.query('UPDATE team SET version = $2, published_at = now(), published_by = $3 WHERE id = $1', [teamId, version, accountId]);
    await db.query('INSERT INTO publish (id, team_id, account_id, version, upserts, deletes) VALUES ($1, $2, $3, $4, $5, $6)', [body.publishId, teamId, accountId, version, body.upserts.length, deleted]);
    return { version, upserts: body.upserts.length, deletes: deleted, repeated: false };
  });
}

/** The lead's decisions, inside the publish's transaction: every one must be a request of this team, else the publish is refused whole. */
async function applyDecisions(db: Queryable, teamId: number, decisions: readonly { requestId: number; decision: 'approved' | 'declined' }[]): Promise<void> {
  for (const d of decisions) {
    // The lead owns the decision and may change it (a leave approved, then cancelled).
    const done = await db.query('UPDATE request SET decision = $3, updated_at = now() WHERE id = $1 AND team_id = $2', [d.requestId, teamId, d.decision]);
    if (done.rowCount !== 1) throw new HubError('bad_request', `Request ${d.requestId} is not a request of this team`, 'decisions');
  }
}

async function upsertItems(db: Queryable, teamId: number, items: readonly PlanItem[]): Promise<void> {
  const columns: [string[], (string | null)[], (string | null)[], (string | null)[], (string | null)[], (string | null)[], string[], string[]] = [[], [], [], [], [], [], [], []];
  for (const item of items) {
    const span = itemSpan(item);
    columns[0].push(itemName(item));
    columns[1].push(item.kind);
    columns[2].push(itemPerson(item));
    columns[3].push(item.kind === 'person' && item.body.email ? item.body.email.toLowerCase() : null);
    columns[4].push(span?.startsAt ?? null);
    columns[5].push(span?.endsAt ?? null);
    columns[6].push(itemFingerprint(item));
    columns[7].push(JSON.stringify(item));
  }
  await db.query(
    `INSERT INTO plan_item (team_id, name, kind, person_key, email, starts_at, ends_at, fingerprint, item)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::text[], $9::jsonb[])
     ON CONFLICT (team_id, name) DO UPDATE SET kind = excluded.kind, person_key = excluded.person_key, email = excluded.email,
       starts_at = excluded.starts_at, ends_at = excluded.ends_at, fingerprint = excluded.fingerprint, item = excluded.item`,
    [teamId, ...columns],
  );
}

/** Where an agent stands in the department's plans: each team whose published people list their email, and their key there. */
export async function membershipsOf(db: Queryable, email: string): Promise<{ teamId: number; teamName: string; personKey: string }[]> {
  return rows(
    db,
    `SELECT p.team_id AS "teamId", t.name AS "teamName", p.person_key AS "personKey" FROM plan_item p JOIN team t ON t.id = p.team_id
      WHERE p.kind = 'person' AND p.email = $1 ORDER BY t.name, t.id`,
    [email.toLowerCase()],
  );
}

/** One person's published items of some kinds, with shifts and turns limited to [fromIso, toIso). */
export async function personItems(db: Queryable, teamId: number, personKey: string, kinds: readonly PlanItem['kind'][], fromIso: string, toIso: string): Promise<PlanItem[]> {
  const found = await rows<{ item: PlanItem }>(
    db,
    `SELECT item FROM plan_item WHERE team_id = $1 AND person_key = $2 AND kind = ANY($3::text[])
        AND (starts_at IS NULL OR (starts_at < $5::timestamptz AND ends_at > $4::timestamptz))
      ORDER BY starts_at NULLS LAST, name`,
    [teamId, personKey, kinds, fromIso, toIso],
  );
  return found.map((r) => r.item);
}

/** A team's published shifts and on-call turns in [fromIso, toIso), and its people, for its members' team view. */
export async function teamSchedule(db: Queryable, teamId: number, fromIso: string, toIso: string): Promise<PlanItem[]> {
  const found = await rows<{ item: PlanItem }>(
    db,
    `SELECT item FROM plan_item WHERE team_id = $1 AND (kind = 'person' OR (kind IN ('shift', 'oncall') AND starts_at < $3::timestamptz AND ends_at > $2::timestamptz))
      ORDER BY starts_at NULLS FIRST, name`,
    [teamId, fromIso, toIso],
  );
  return found.map((r) => r.item);
}

/** The team's own item (name, time zone), or null before its first publish. */
export async function teamItem(db: Queryable, teamId: number): Promise<Extract<PlanItem, { kind: 'team' }> | null> {
  const found = await one<{ item: Extract<PlanItem, { kind: 'team' }> }>(db, "SELECT item FROM plan_item WHERE team_id = $1 AND name = 'team/team'", [teamId]);
  return found?.item ?? null;
}

export interface Membership {
  teamId: number;
  teamName: string;
  timeZone: string;
  publishedAt: string | null;
  leaveTypes: { id: number; name: string; key: string | null }[];
  items: PlanItem[];
}

/**
 * The JSON text of an agent's memberships: each team whose published plan lists `email`, its name,
 * zone and leave types, and their items of the kinds in `kinds` that overlap [`fromIso`, `toIso`).
 * The arguments are SQL expressions (placeholders), so the same text serves alone and joined to
 * the session.
 */
export const membershipsSql = (email: string, kinds: string, fromIso: string, toIso: string) => `
  SELECT coalesce(json_agg(json_build_object(
            'teamId', m.team_id,
            'teamName', coalesce(ti.item->'body'->>'name', t.name),
            'timeZone', coalesce(ti.item->'body'->>'timeZone', 'UTC'),
            'publishedAt', to_char(t.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
            'leaveTypes', coalesce(ti.item->'body'->'leaveTypes', '[]'::jsonb),
            'items', coalesce((SELECT json_agg(i.item ORDER BY i.starts_at NULLS LAST, i.name) FROM plan_item i
                                WHERE i.team_id = m.team_id AND i.person_key = m.person_key AND i.kind = ANY(${kinds}::text[])
                                  AND (i.starts_at IS NULL OR (i.starts_at < ${toIso}::timestamptz AND i.ends_at > ${fromIso}::timestamptz))), '[]'::json)
          ) ORDER BY t.name, t.id), '[]'::json)::text
     FROM plan_item m JOIN team t ON t.id = m.team_id
     LEFT JOIN plan_item ti ON ti.team_id = m.team_id AND ti.name = 'team/team'
    WHERE m.kind = 'person' AND m.email = ${email}`;

const SESSION_SCHEDULES = prepared(
  'session_schedules',
  `SELECT x.n, me.*, (${membershipsSql('lower(me.email)', '$3', '$4', '$5')}) AS memberships FROM ${SESSIONS_ASKED_SQL}`,
);

/**
 * What an agent's schedule shows (`membershipsSql`, as JSON text made by PostgreSQL and sent as it
 * comes) for the sessions behind tokens, each checked in the same query, in the order
 * asked (null where no live session has the token). The most-read answer of all: every agent's
 * phone, every refresh. The server gathers the readers of one moment into one call.
 */
export async function sessionSchedules(db: Queryable, asked: readonly SessionAsk[], kinds: readonly PlanItem['kind'][], fromIso: string, toIso: string): Promise<({ session: Session; memberships: string } | null)[]> {
  const found = await rows<SessionRow & { n: number; memberships: string }>(db, SESSION_SCHEDULES, [...sessionAskParams(asked), kinds, fromIso, toIso]);
  return byAsk(asked.length, found).map((row) => {
    if (!row) return null;
    const { n: _n, memberships, ...session } = row;
    return { session: sessionOfRow(session), memberships };
  });
}

export interface DepartmentTeam {
  id: number;
  name: string;
  publishedAt: string | null;
  /** The team's coverage for the week holding the day asked about, per channel. */
  coverage: Extract<PlanItem, { kind: 'coverage' }>['body'][];
  /** Who is on call at the instant asked about, per rotation. */
  onCall: { person: string; rotation: string; until: string }[];
  /** The month's labour cost against budget, and the absence rate, as the lead's planner computed them. */
  cost: Extract<PlanItem, { kind: 'cost' }>['body'] | null;
}

const DEPARTMENT = prepared(
  'department',
  `SELECT t.id, t.name, to_char(t.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "publishedAt",
          coalesce((SELECT json_agg(c.item->'body' ORDER BY c.item->'body'->>'channel') FROM plan_item c
                     WHERE c.team_id = t.id AND c.kind = 'coverage'
                       AND (c.item->'body'->>'weekStart')::date <= $1::date AND (c.item->'body'->>'weekStart')::date > $1::date - 7), '[]'::json) AS coverage,
          coalesce((SELECT json_agg(json_build_object('person', coalesce(p.item->'body'->>'name', o.person_key), 'rotation', o.item->'body'->>'rotation', 'until', o.item->'body'->>'endLocal')
                                    ORDER BY o.item->'body'->>'rotation')
                      FROM plan_item o LEFT JOIN plan_item p ON p.team_id = o.team_id AND p.name = 'person/' || o.person_key
                     WHERE o.team_id = t.id AND o.kind = 'oncall' AND o.starts_at <= $2::timestamptz AND o.ends_at > $2::timestamptz), '[]'::json) AS "onCall",
          (SELECT m.item->'body' FROM plan_item m WHERE m.team_id = t.id AND m.name = 'cost/m' || to_char($1::date, 'YYYY-MM')) AS cost
     FROM team t ORDER BY t.name, t.id`,
);

/**
 * The department at a glance, from what every lead published: each team's coverage against its
 * requirement per channel for the week of `day`, who is on call at `now`, and the month's labour
 * cost against budget with its absence rate. Every figure is the lead's planner's own (the same
 * functions as its pages); the hub only lines them up.
 */
export async function department(db: Queryable, day: string, now: Date): Promise<DepartmentTeam[]> {
  return rows<DepartmentTeam>(db, DEPARTMENT, [day, now.toISOString()]);
}
