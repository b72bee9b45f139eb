import { HubRequest, parseTurnKey, type PlanItem, type PulledRequest } from '../core/hub-plan';
import type { Account } from './accounts';
import { HubError } from './http';
import { one, prepared, rows, type Queryable } from './pg';
import { membershipsOf, teamItem } from './plans';

/**
 * Requests agents file on the hub, for their lead to pull into the planner. Each field has one
 * owner: the agent writes the body and may withdraw while no decision is made; a colleague of
 * the same team accepts a swap offer; the lead's publishes write the decision. Nothing is merged.
 */

/** A request's columns as the app and pages read them; `r` is the table's alias in a join. */
const requestColumns = (r = 'request') => `${r}.id, ${r}.person_key AS "personKey", ${r}.kind, ${r}.body, ${r}.state, ${r}.taker_key AS "takerKey", ${r}.in_return_key AS "inReturnKey", ${r}.decision,
  to_char(${r}.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt", to_char(${r}.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "updatedAt"`;
const REQUEST_COLUMNS = requestColumns();

export type MyRequest = PulledRequest & { teamId: number };

const MAX_LEAVE_DAYS = 366;
const MAX_PENDING_PER_PERSON = 50;

/** The account's person key in a team, refused (as not found) when the team does not list them. */
async function memberKey(db: Queryable, account: Account, teamId: number): Promise<string> {
  const m = (await membershipsOf(db, account.email)).find((x) => x.teamId === teamId);
  if (!m) throw new HubError('not_found', 'No such team among yours', 'teamId');
  return m.personKey;
}

export function parseId(raw: unknown, field: string): number {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new HubError('not_found', 'No such item', field);
  return n;
}

async function ownTurn(db: Queryable, teamId: number, personKey: string, turnKey: string, field: string): Promise<Extract<PlanItem, { kind: 'oncall' }>> {
  const found = await one<{ item: Extract<PlanItem, { kind: 'oncall' }> }>(db, "SELECT item FROM plan_item WHERE team_id = $1 AND name = $2 AND kind = 'oncall' AND person_key = $3 AND ends_at > now()", [
    teamId,
    `oncall/${turnKey}`,
    personKey,
  ]);
  if (!found) throw new HubError('not_found', 'That on-call turn is not one of your coming turns', field);
  return found.item;
}

export async function fileRequest(db: Queryable, account: Account, teamIdRaw: unknown, raw: unknown): Promise<MyRequest> {
  const teamId = parseId(teamIdRaw, 'teamId');
  const personKey = await memberKey(db, account, teamId);
  const parsed = HubRequest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HubError('bad_request', issue?.message ?? 'The request is not valid', issue?.path.join('.') ?? null);
  }
  const request = parsed.data;
  const team = await teamItem(db, teamId);
  if (request.kind === 'leave') {
    const { typeId, firstDay, lastDay } = request.body;
    if (!team?.body.leaveTypes.some((t) => t.id === typeId)) throw new HubError('bad_request', 'Choose one of the team’s leave types', 'body.typeId');
    if (lastDay < firstDay) throw new HubError('bad_request', 'The last day must not be before the first', 'body.lastDay');
    if ((Date.parse(lastDay) - Date.parse(firstDay)) / 86_400_000 >= MAX_LEAVE_DAYS) throw new HubError('bad_request', `At most ${MAX_LEAVE_DAYS} days in one request`, 'body.lastDay');
  } else if (request.kind === 'preferences') {
    const known = new Set(team?.body.shiftTypes.map((t) => t.id) ?? []);
    const bad = request.body.preferences.findIndex((p) => p.templateId !== null && !known.has(p.templateId));
    if (bad >= 0) throw new HubError('bad_request', 'Choose one of the team’s shift types', `body.preferences.${bad}.templateId`);
  } else {
    await ownTurn(db, teamId, personKey, request.body.turnKey, 'body.turnKey');
  }
  const waiting = await one<{ n: number }>(db, "SELECT count(*)::int AS n FROM request WHERE team_id = $1 AND person_key = $2 AND state = 'pending' AND decision IS NULL", [teamId, personKey]);
  if ((waiting?.n ?? 0) >= MAX_PENDING_PER_PERSON) throw new HubError('conflict', `You have ${MAX_PENDING_PER_PERSON} requests waiting; withdraw some or wait for your lead`);
  const created = await one<PulledRequest>(db, `INSERT INTO request (team_id, person_key, account_id, kind, body) VALUES ($1, $2, $3, $4, $5) RETURNING ${REQUEST_COLUMNS}`, [
    teamId,
    personKey,
    account.id,
    request.kind,
    JSON.stringify(request.body),
  ]);
  if (!created) throw new Error('request insert returned nothing');
  return { ...created, teamId };
}

/** The agent's own request, still waiting: withdrawn. Anyone else's, or a decided one, is refused. */
export async function withdrawRequest(db: Queryable, account: Account, idRaw: unknown): Promise<void> {
  const id = parseId(idRaw, 'id');
  const done = await db.query("UPDATE request SET state = 'withdrawn', updated_at = now() WHERE id = $1 AND account_id = $2 AND state = 'pending' AND decision IS NULL", [id, account.id]);
  if (done.rowCount !== 1) throw new HubError('not_found', 'No such request of yours that is still waiting', 'id');
}

/** A colleague takes an offered on-call turn, giving one of their own for it or not. */
export async function acceptSwap(db: Queryable, account: Account, idRaw: unknown, inReturnRaw: unknown): Promise<void> {
  const id = parseId(idRaw, 'id');
  const offer = await one<{ team_id: number; person_key: string }>(
    db,
    "SELECT team_id, person_key FROM request WHERE id = $1 AND kind = 'swap' AND state = 'pending' AND decision IS NULL AND taker_key IS NULL",
    [id],
  );
  const taker = offer ? (await membershipsOf(db, account.email)).find((m) => m.teamId === offer.team_id) : undefined;
  // Offers of other teams answer as if they did not exist.
  if (!offer || !taker) throw new HubError('not_found', 'No such open swap offer in your teams', 'id');
  if (taker.personKey === offer.person_key) throw new HubError('bad_request', 'This is your own offer', 'id');
  let inReturn: string | null = null;
  if (typeof inReturnRaw === 'string' && inReturnRaw !== '') {
    if (!parseTurnKey(inReturnRaw)) throw new HubError('bad_request', 'Not an on-call turn', 'inReturnKey');
    await ownTurn(db, offer.team_id, taker.personKey, inReturnRaw, 'inReturnKey');
    inReturn = inReturnRaw;
  }
  const done = await db.query('UPDATE request SET taker_key = $2, in_return_key = $3, updated_at = now() WHERE id = $1 AND taker_key IS NULL', [id, taker.personKey, inReturn]);
  if (done.rowCount !== 1) throw new HubError('conflict', 'Someone accepted this offer just before you', 'id');
}

/** The requests of the account whose id is the SQL expression `accountId`, newest first (as rows of MyRequest). */
export const myRequestsSql = (accountId: string) => `SELECT team_id AS "teamId", ${REQUEST_COLUMNS} FROM request WHERE account_id = ${accountId} ORDER BY created_at DESC LIMIT 200`;
const MY_REQUESTS = prepared('my_requests', myRequestsSql('$1'));

/** The account's requests in all their teams, newest first. */
export async function myRequests(db: Queryable, account: Account): Promise<MyRequest[]> {
  return rows<MyRequest>(db, MY_REQUESTS, [account.id]);
}

/** Swap offers open to the account (SQL expressions for its id and lower-case email), oldest first (as rows of Offer). */
export const openOffersSql = (accountId: string, email: string) => `
  SELECT r.team_id AS "teamId", ${requestColumns('r')},
         (SELECT p.item->'body'->>'name' FROM plan_item p WHERE p.team_id = r.team_id AND p.name = 'person/' || r.person_key) AS "offeredBy",
         (SELECT o.item->'body' FROM plan_item o WHERE o.team_id = r.team_id AND o.name = 'oncall/' || (r.body->>'turnKey')) AS turn
    FROM request r
   WHERE r.kind = 'swap' AND r.state = 'pending' AND r.decision IS NULL AND r.taker_key IS NULL AND r.account_id <> ${accountId}
     AND r.team_id IN (SELECT team_id FROM plan_item WHERE kind = 'person' AND email = ${email})
   ORDER BY r.created_at LIMIT 200`;
const OPEN_OFFERS = prepared('open_offers', openOffersSql('$1', '$2'));

/** An on-call turn a colleague offers: who offers it, and when it is (as published). */
export type Offer = MyRequest & { offeredBy: string | null; turn: { rotation: string; startLocal: string; endLocal: string } | null };

/** Swap offers by colleagues in the account's teams that nobody has taken yet. */
export async function openOffers(db: Queryable, account: Account): Promise<Offer[]> {
  return rows<Offer>(db, OPEN_OFFERS, [account.id, account.email.toLowerCase()]);
}

/** What the lead's app pulls: every request of the team changed after `since` (an updatedAt it saw), oldest first. */
export async function teamRequests(db: Queryable, teamId: number, since: string | null): Promise<PulledRequest[]> {
  // Only the form the hub writes updatedAt in: other text Date.parse takes, PostgreSQL may refuse.
  const m = since === null ? null : /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/.exec(since);
  if (since !== null && (!m || Number(m[1]) < 1900 || Number(m[1]) > 2200 || Number.isNaN(Date.parse(since)))) throw new HubError('bad_request', 'since must be an instant the hub gave', 'since');
  return rows<PulledRequest>(db, `SELECT ${REQUEST_COLUMNS} FROM request WHERE team_id = $1 AND ($2::timestamptz IS NULL OR updated_at > $2::timestamptz) ORDER BY updated_at, id`, [teamId, since]);
}
