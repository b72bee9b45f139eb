import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDiff, type PlanItem } from '../../core/hub-plan';
import { createInvitation, startSession, type Role } from '../../hub/accounts';
import { connect, type Pool } from '../../hub/pg';
import { createTeam } from '../../hub/plans';
import { hashPassword } from '../../hub/secrets';
import { startHub, type RunningHub } from '../../hub/server';
import { browserOf, PASSWORD, samplePlan, soonDay } from '../helpers/hub';
import { startPostgres, type Postgres } from '../helpers/postgres';

/**
 * The hub under attack, with a real PostgreSQL and two real hub processes over one database: ids
 * of other teams and people through every route, injection through every field, sessions replayed
 * after logout, posts from other sites, roles, disabled accounts and the headers of every answer.
 * A refusal counts only with the database unchanged (every table's rows hashed before and after)
 * and nothing of the other team in the answer.
 */

// ---------------------------------------------------------------------------------------------
// One cluster, one database, two hub processes for the whole file.

let pg: Postgres;
let pool: Pool;
let hub1: RunningHub;
let hub2: RunningHub;
/** What the hubs wrote to their log: a 500's stack lands here, never in an answer. */
const logs: string[] = [];

interface Who {
  id: number;
  email: string;
  name: string;
  /** A browser session: `rd_session=…`, and the CSRF token its pages carry. */
  cookie: string;
  csrf: string;
  /** An app session's bearer token. */
  token: string;
}

interface Fixture {
  /** A team nobody here leads, made first so that id 1 is nobody's. */
  teamC: number;
  teamA: number;
  teamB: number;
  admin: Who;
  manager: Who;
  leadA: Who;
  leadB: Who;
  ayse: Who;
  mehmet: Who;
  ola: Who;
  piotr: Who;
  /** On-call turn keys by person. */
  turn: { ayse: string; mehmet: string; can: string; dora: string; ola: string; piotr: string };
  /** Request ids. */
  req: { olaLeave: number; olaSwap: number; piotrPrefs: number; mehmetLeave: number; mehmetSwap: number; mehmetFuzz: number; ayseLeave: number };
  olaFeedSecret: string;
  bPublishId: string;
  usedInviteB: string;
  openInviteB: string;
  /** The highest ids the fixture made, for cleaning up after values a test expects to be accepted. */
  maxRequestId: number;
  maxTeamId: number;
}
let fx: Fixture;

const DAY_A = soonDay(3);
const DAY_B = soonDay(9);
const LEAVE_DAY = soonDay(20);

const PEOPLE_A = [
  { key: 'p1', name: 'Ayşe Alpha', email: 'ayse@alpha.example' },
  { key: 'p2', name: 'Mehmet Alpha', email: 'mehmet@alpha.example' },
  { key: 'p3', name: 'Can Alpha', email: 'can@alpha.example' },
  { key: 'p4', name: 'Dora Alpha', email: 'dora@alpha.example' },
];
const PEOPLE_B = [
  { key: 'p1', name: 'Ola Nowakowska', email: 'ola@bravo.example' },
  { key: 'p2', name: 'Piotr Zieliński', email: 'piotr@bravo.example' },
];

/** What nobody outside team B may read: its people, their requests' notes, its lead, its invitations. */
const B_PEOPLE = ['Ola Nowakowska', 'ola@bravo.example', 'Piotr Zieliński', 'piotr@bravo.example', 'Bogdan Bravo', 'lead-b@bravo.example', 'ola-secret-note', 'ola-swap-note', 'piotr-secret-note', 'usedlead@bravo.example', 'newlead@bravo.example'];
/** Team B's names: a manager sees every team's name (the department page), agents and leads of A do not. */
const B_TEAM = ['Bravo Team', 'Bravo Destek'];
/** A colleague's leave request is his and his lead's, not the other agents'. */
const MEHMET_PRIVATE = ['mehmet-secret-note'];

function teamPlan(teamName: string, people: typeof PEOPLE_A, day: string): PlanItem[] {
  return samplePlan(people, day).map((item) => (item.kind === 'team' ? { ...item, body: { ...item.body, name: teamName } } : item));
}
/** The session cookie an answer sets, as a browser would send it back. */
function sessionCookieOf(answer: Answer): string {
  const m = /rd_session=([^;]*)/.exec(answer.headers.get('set-cookie') ?? '');
  if (!m?.[1]) throw new Error(`no session cookie in ${answer.status} ${answer.text.slice(0, 200)}`);
  return `rd_session=${m[1]}`;
}
const turnOf = (plan: PlanItem[], personKey: string): string => {
  const turn = plan.find((i) => i.kind === 'oncall' && i.personKey === personKey);
  if (!turn) throw new Error(`no turn for ${personKey}`);
  return turn.key;
};

// ---------------------------------------------------------------------------------------------
// Requests and the database's state.

interface Answer {
  method: string;
  url: string;
  status: number;
  headers: Headers;
  text: string;
}
/** Every answer the hubs gave in this file, for the header checks. */
const answers: Answer[] = [];

interface Send {
  base?: string;
  method?: string;
  cookie?: string;
  /** Sent as `_csrf` with a form, as X-CSRF-Token with JSON. */
  csrf?: string;
  bearer?: string;
  form?: Record<string, string>;
  json?: unknown;
  headers?: Record<string, string>;
}

async function hit(path: string, s: Send = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (s.cookie) headers.cookie = s.cookie;
  if (s.bearer) headers.authorization = `Bearer ${s.bearer}`;
  if (s.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams({ ...s.form, ...(s.csrf === undefined ? {} : { _csrf: s.csrf }) }).toString();
  } else if (s.json !== undefined) {
    headers['content-type'] = 'application/json';
    if (s.csrf !== undefined) headers['x-csrf-token'] = s.csrf;
    body = JSON.stringify(s.json);
  }
  Object.assign(headers, s.headers);
  const method = s.method ?? (body === undefined ? 'GET' : 'POST');
  const url = `${s.base ?? hub1.url}${path}`;
  const res = await fetch(url, { method, headers, body, redirect: 'manual' });
  const answer: Answer = { method, url, status: res.status, headers: res.headers, text: await res.text() };
  answers.push(answer);
  return answer;
}

type Via = 'cookie' | 'bearer';
/** How `who` sends: their cookie and CSRF token, or their app token. */
const as = (who: Who, via: Via): Send => (via === 'cookie' ? { cookie: who.cookie, csrf: who.csrf } : { bearer: who.token });

const TABLES = ['account', 'team', 'team_lead', 'plan_item', 'publish', 'session', 'login_attempt', 'invitation', 'feed', 'request', 'hub_schema'] as const;
type State = Record<string, string>;
const STATE_SQL = TABLES.map((t) => `SELECT '${t}' AS t, count(*)::int AS n, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM ${t} x`).join(' UNION ALL ');

/** Every table's row count and a hash of all its rows. */
async function dbState(): Promise<State> {
  const found = await pool.query<{ t: string; n: number; h: string }>(STATE_SQL);
  return Object.fromEntries(found.rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}
/** The tables whose rows differ; login_attempt is left out unless asked (every login writes one, by design). */
function changedTables(before: State, after: State, ignore: readonly string[] = ['login_attempt']): string[] {
  return TABLES.filter((t) => !ignore.includes(t) && before[t] !== after[t]);
}
const countOf = (s: State, table: string) => Number((s[table] ?? '0:').split(':')[0]);

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
/** The answer without the value the test sent (a page may show it back, escaped): what is left is the hub's own words. */
function withoutEcho(text: string, value: unknown): string {
  if (typeof value !== 'string') return text;
  let out = text;
  const forms = new Set<string>();
  for (const v of [value, value.trim(), value.slice(0, 254), value.trim().slice(0, 254)]) for (const w of [v, wellFormed(v)]) for (const f of [w, esc(w), JSON.stringify(w).slice(1, -1)]) forms.add(f);
  for (const f of [...forms].sort((a, b) => b.length - a.length)) if (f.length > 0) out = out.split(f).join('');
  return out;
}
/** What must never be in an answer: PostgreSQL's error words, SQL, stack frames, source paths, password hashes. */
const LEAK =
  /syntax error at|invalid input syntax|invalid input value|invalid byte sequence|unsupported Unicode escape|unterminated quoted|out of range for type|date\/time field value|violates (?:not-null|unique|foreign key|check) constraint|duplicate key|relation "|column "|node:internal|node_modules|\/hub\/\w+\.ts|\.ts:\d+:\d+|\n\s+at \S|ERROR: |pg-protocol|SQLSTATE|scrypt\$\d/;
function leakIn(text: string, sent: unknown): string | null {
  return LEAK.exec(withoutEcho(text, sent))?.[0] ?? null;
}
function foreignIn(answer: Answer, words: readonly string[]): string[] {
  const seen = `${answer.text}\n${answer.headers.get('location') ?? ''}\n${answer.headers.get('set-cookie') ?? ''}`.toLowerCase();
  return words.filter((w) => seen.includes(w.toLowerCase()));
}
const show = (v: unknown) => {
  const s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return s.length > 48 ? `${s.slice(0, 40)}…(${s.length} chars)` : s;
};
/** A value as it goes in a URL; a lone surrogate as the bytes it would be in UTF-8 (ED A0 80), which no valid UTF-8 holds. */
const inUrl = (s: string) => encodeURIComponent(wellFormed(s)).replaceAll('%EF%BF%BD', '%ED%A0%80');
const firstLines = (from: number) => logs.slice(from).map((l) => l.split('\n').slice(0, 2).join(' / '));

/** Statuses that mean "refused" to a signed-in caller (401 would mean the test lost its session). */
const REFUSED = new Set([400, 403, 404, 405, 409, 410, 413, 422]);

async function teamVersion(teamId: number): Promise<number> {
  return Number((await pool.query('SELECT version FROM team WHERE id = $1', [teamId])).rows[0]?.version ?? 0);
}
let publishIds = 0;
const newPublishId = (what: string) => `${what}-${(publishIds += 1)}-${'x'.repeat(16)}`.slice(0, 64);

// ---------------------------------------------------------------------------------------------
// The fixture: teams A and B published by their leads, requests filed, a feed, invitations.

async function accountRow(email: string, name: string, role: Role, hash: string, leads: number[] = []): Promise<number> {
  const id = Number((await pool.query('INSERT INTO account (email, name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id', [email, name, hash, role])).rows[0].id);
  for (const teamId of leads) await pool.query('INSERT INTO team_lead (account_id, team_id) VALUES ($1, $2)', [id, teamId]);
  return id;
}

/** Signs in through the login form and the app's login, as a person would (two scrypt checks). */
async function signIn(id: number, email: string, name: string, base = hub1.url): Promise<Who> {
  const res = await hit('/login', { base, form: { email, password: PASSWORD } });
  if (res.status !== 303) throw new Error(`login of ${email}: ${res.status} ${res.text}`);
  const cookie = sessionCookieOf(res);
  const { csrf } = await browserOf(base, cookie);
  const app = await hit('/login', { base, json: { email, password: PASSWORD, client: 'app' } });
  if (app.status !== 200) throw new Error(`app login of ${email}: ${app.status} ${app.text}`);
  return { id, email, name, cookie, csrf, token: (JSON.parse(app.text) as { token: string }).token };
}

/** Sessions for the supporting cast, started the way the hub starts them, without a scrypt each. */
async function sessionsOf(id: number, email: string, name: string): Promise<Who> {
  const browser = await startSession(pool, id, 'browser');
  const app = await startSession(pool, id, 'app');
  return { id, email, name, cookie: `rd_session=${browser.token}`, csrf: browser.csrf, token: app.token };
}

async function publishPlan(lead: Who, teamId: number, items: PlanItem[], publishId: string): Promise<void> {
  const m = await hit(`/api/teams/${teamId}/manifest`, { bearer: lead.token });
  const held = JSON.parse(m.text) as { version: number; held: Record<string, string> };
  const diff = planDiff(new Map(Object.entries(held.held)), items);
  const done = await hit(`/api/teams/${teamId}/publish`, { bearer: lead.token, json: { publishId, baseVersion: held.version, upserts: diff.upserts, deletes: diff.deletes } });
  if (done.status !== 200) throw new Error(`publish: ${done.status} ${done.text}`);
}

async function fileRequest(who: Who, teamId: number, kind: string, body: unknown): Promise<number> {
  const done = await hit('/me/requests', { bearer: who.token, json: { teamId, kind, body } });
  if (done.status !== 201) throw new Error(`request: ${done.status} ${done.text}`);
  return (JSON.parse(done.text) as { id: number }).id;
}

beforeAll(async () => {
  pg = startPostgres();
  const dbUrl = await pg.database(`hubsec_${process.pid}`);
  const log = (line: string) => void logs.push(line);
  hub1 = await startHub({ pgUrl: dbUrl, listen: '127.0.0.1:0', productVersion: 'test', log });
  hub2 = await startHub({ pgUrl: dbUrl, listen: '127.0.0.1:0', productVersion: 'test', log });
  pool = connect(dbUrl, 4);
  const hash = await hashPassword(PASSWORD);

  const teamC = (await createTeam(pool, 'Charlie Team')).id;
  const teamA = (await createTeam(pool, 'Alpha Team')).id;
  const teamB = (await createTeam(pool, 'Bravo Team')).id;
  const ids = {
    admin: await accountRow('admin@hub.example', 'Ada Admin', 'admin', hash),
    manager: await accountRow('manager@hub.example', 'Mira Manager', 'manager', hash),
    leadA: await accountRow('lead-a@alpha.example', 'Lale Alpha', 'lead', hash, [teamA]),
    leadB: await accountRow('lead-b@bravo.example', 'Bogdan Bravo', 'lead', hash, [teamB]),
    ayse: await accountRow('ayse@alpha.example', 'Ayşe Alpha', 'agent', hash),
    mehmet: await accountRow('mehmet@alpha.example', 'Mehmet Alpha', 'agent', hash),
    dora: await accountRow('dora@alpha.example', 'Dora Alpha', 'agent', hash),
    ola: await accountRow('ola@bravo.example', 'Ola Nowakowska', 'agent', hash),
    piotr: await accountRow('piotr@bravo.example', 'Piotr Zieliński', 'agent', hash),
  };
  // Those whose attempts the tests make sign in for real; the others get sessions directly.
  const admin = await signIn(ids.admin, 'admin@hub.example', 'Ada Admin');
  const manager = await signIn(ids.manager, 'manager@hub.example', 'Mira Manager');
  const leadA = await signIn(ids.leadA, 'lead-a@alpha.example', 'Lale Alpha');
  const ayse = await signIn(ids.ayse, 'ayse@alpha.example', 'Ayşe Alpha');
  const leadB = await sessionsOf(ids.leadB, 'lead-b@bravo.example', 'Bogdan Bravo');
  const mehmet = await sessionsOf(ids.mehmet, 'mehmet@alpha.example', 'Mehmet Alpha');
  const ola = await sessionsOf(ids.ola, 'ola@bravo.example', 'Ola Nowakowska');
  const piotr = await sessionsOf(ids.piotr, 'piotr@bravo.example', 'Piotr Zieliński');

  const planA = teamPlan('Alpha Destek', PEOPLE_A, DAY_A);
  const planB = teamPlan('Bravo Destek', PEOPLE_B, DAY_B);
  await publishPlan(leadA, teamA, planA, 'alpha-first-publish-0001');
  const bPublishId = 'bravo-first-publish-0001';
  await publishPlan(leadB, teamB, planB, bPublishId);
  const turn = { ayse: turnOf(planA, 'p1'), mehmet: turnOf(planA, 'p2'), can: turnOf(planA, 'p3'), dora: turnOf(planA, 'p4'), ola: turnOf(planB, 'p1'), piotr: turnOf(planB, 'p2') };

  const leave = (note: string) => ({ typeId: 1, firstDay: LEAVE_DAY, lastDay: LEAVE_DAY, note });
  const req = {
    olaLeave: await fileRequest(ola, teamB, 'leave', leave('ola-secret-note')),
    olaSwap: await fileRequest(ola, teamB, 'swap', { turnKey: turn.ola, note: 'ola-swap-note' }),
    piotrPrefs: await fileRequest(piotr, teamB, 'preferences', { preferences: [{ weekday: 1, templateId: null, kind: 'cannot' }], note: 'piotr-secret-note' }),
    mehmetLeave: await fileRequest(mehmet, teamA, 'leave', leave('mehmet-secret-note')),
    mehmetSwap: await fileRequest(mehmet, teamA, 'swap', { turnKey: turn.mehmet, note: 'mehmet-swap-note' }),
    mehmetFuzz: await fileRequest(mehmet, teamA, 'leave', leave('mehmet-decided-by-fuzz')),
    ayseLeave: await fileRequest(ayse, teamA, 'leave', leave('ayse-own-note')),
  };

  const feedPage = await hit('/me/feed', { bearer: ola.token, json: {} });
  const olaFeedSecret = /\/feed\/([A-Za-z0-9_-]+)\.ics/.exec(feedPage.text)?.[1];
  if (!olaFeedSecret) throw new Error('no feed address');

  const usedInviteB = await createInvitation(pool, { email: 'usedlead@bravo.example', role: 'lead', teamIds: [teamB], createdBy: ids.admin });
  await pool.query("UPDATE invitation SET used_at = now() WHERE email = 'usedlead@bravo.example'");
  const openInviteB = await createInvitation(pool, { email: 'newlead@bravo.example', role: 'lead', teamIds: [teamB], createdBy: ids.admin });

  fx = {
    teamC,
    teamA,
    teamB,
    admin,
    manager,
    leadA,
    leadB,
    ayse,
    mehmet,
    ola,
    piotr,
    turn,
    req,
    olaFeedSecret,
    bPublishId,
    usedInviteB,
    openInviteB,
    maxRequestId: Math.max(...Object.values(req)),
    maxTeamId: teamB,
  };
}, 60_000);

afterAll(async () => {
  await hub1?.close();
  await hub2?.close();
  await pool?.end();
  pg?.stop();
});

// ---------------------------------------------------------------------------------------------
// 1. Other people's data by changing ids, through every route.

interface Attempt {
  what: string;
  method: 'GET' | 'POST';
  path: string;
  form?: Record<string, string>;
  json?: unknown | (() => Promise<unknown>);
  /** A route that may answer (the caller's own data, or a page of theirs) as long as nothing foreign is in it. */
  mayAnswer?: boolean;
}

const base64url = (b: Buffer) => b.toString('base64url');
const sha = (s: string) => createHash('sha256').update(s).digest();

/** Every route, with ids, keys and secrets of team B, of a colleague, or of nobody the caller may touch. */
function attemptsOf(role: 'agent' | 'lead' | 'manager'): Attempt[] {
  const { teamA, teamB, req, turn } = fx;
  const secret = fx.olaFeedSecret;
  const mutated = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
  const leaveB = { teamId: String(teamB), kind: 'leave', typeId: '1', firstDay: LEAVE_DAY, lastDay: LEAVE_DAY, note: 'x' };
  const emptyPublish = async (teamId: number, extra: Record<string, unknown> = {}) => ({ publishId: newPublishId('idor'), baseVersion: await teamVersion(teamId), upserts: [], deletes: ['shift/s1'], ...extra });
  return [
    // Pages and reads of one's own: ids in the query are ignored, nothing foreign shows.
    { what: 'home with another account id', method: 'GET', path: `/?accountId=${fx.ola.id}`, mayAnswer: true },
    { what: 'agent page with team B and Ola in the query', method: 'GET', path: `/me?teamId=${teamB}&accountId=${fx.ola.id}&email=ola%40bravo.example`, mayAnswer: true },
    { what: 'own account with Ola in the query', method: 'GET', path: `/api/me?id=${fx.ola.id}&email=ola%40bravo.example`, mayAnswer: true },
    { what: 'own schedule with team B and Ola in the query', method: 'GET', path: `/api/me/schedule?teamId=${teamB}&email=ola%40bravo.example`, mayAnswer: true },
    { what: 'own requests with Ola in the query', method: 'GET', path: `/api/me/requests?accountId=${fx.ola.id}&teamId=${teamB}`, mayAnswer: true },
    { what: 'team list with team B in the query', method: 'GET', path: `/api/teams?teamId=${teamB}`, mayAnswer: true },
    { what: 'lead page with team B in the query', method: 'GET', path: `/lead?teamId=${teamB}`, mayAnswer: true },
    // The department view is the managers' (every team's figures by design); nobody else's.
    { what: 'department page', method: 'GET', path: `/department?teamId=${teamB}`, mayAnswer: role === 'manager' },
    { what: 'department API with team B in the query', method: 'GET', path: `/api/department?teamId=${teamB}&day=${DAY_B}`, mayAnswer: role === 'manager' },
    // Team B by its id.
    { what: "team B's manifest", method: 'GET', path: `/api/teams/${teamB}/manifest` },
    { what: "team B's requests", method: 'GET', path: `/api/teams/${teamB}/requests` },
    { what: "team B's requests since 2000", method: 'GET', path: `/api/teams/${teamB}/requests?since=2000-01-01T00:00:00Z` },
    { what: "team B's publish by GET", method: 'GET', path: `/api/teams/${teamB}/publish` },
    { what: "team B's manifest by POST", method: 'POST', path: `/api/teams/${teamB}/manifest`, json: {} },
    { what: "team B's requests by POST", method: 'POST', path: `/api/teams/${teamB}/requests`, json: {} },
    { what: 'publish to team B deleting its shift', method: 'POST', path: `/api/teams/${teamB}/publish`, json: () => emptyPublish(teamB) },
    { what: "publish to team B deciding Ola's leave", method: 'POST', path: `/api/teams/${teamB}/publish`, json: () => emptyPublish(teamB, { decisions: [{ requestId: req.olaLeave, decision: 'declined' }] }) },
    // Team A's own publish or reads, reaching into B.
    { what: "publish to team A deciding Ola's leave of team B", method: 'POST', path: `/api/teams/${teamA}/publish`, json: () => emptyPublish(teamA, { decisions: [{ requestId: req.olaLeave, decision: 'declined' }] }) },
    { what: "publish to team A under team B's publish id", method: 'POST', path: `/api/teams/${teamA}/publish`, json: async () => ({ publishId: fx.bPublishId, baseVersion: await teamVersion(teamA), upserts: [], deletes: ['shift/s1'] }) },
    { what: "team A's requests (a lead's read)", method: 'GET', path: `/api/teams/${teamA}/requests`, mayAnswer: role === 'lead' },
    { what: "team A's manifest (a lead's read)", method: 'GET', path: `/api/teams/${teamA}/manifest`, mayAnswer: role === 'lead' },
    // A team's week is its members' and its lead's: team B's is nobody's here, team A's not the manager's.
    { what: "team B's week", method: 'GET', path: `/api/teams/${teamB}/schedule` },
    { what: "team B's week page", method: 'GET', path: `/team/${teamB}` },
    { what: "team B's week, a week of the fixture's", method: 'GET', path: `/api/teams/${teamB}/schedule?week=${DAY_B}` },
    { what: "team A's week (a member's or lead's read)", method: 'GET', path: `/api/teams/${teamA}/schedule?week=${DAY_A}`, mayAnswer: role !== 'manager' },
    // Requests in team B, and with other people's turns.
    { what: 'leave request in team B', method: 'POST', path: '/me/requests', form: leaveB },
    { what: 'preferences in team B', method: 'POST', path: '/me/requests', form: { teamId: String(teamB), kind: 'preferences', weekday1: 'cannot' } },
    { what: "offering Ola's turn in team B", method: 'POST', path: '/me/requests', form: { teamId: String(teamB), kind: 'swap', turnKey: turn.ola } },
    { what: "offering Ola's turn in team A", method: 'POST', path: '/me/requests', form: { teamId: String(teamA), kind: 'swap', turnKey: turn.ola } },
    { what: "offering colleague Mehmet's turn", method: 'POST', path: '/me/requests', form: { teamId: String(teamA), kind: 'swap', turnKey: turn.mehmet } },
    { what: "offering Can's turn (no account)", method: 'POST', path: '/me/requests', form: { teamId: String(teamA), kind: 'swap', turnKey: turn.can } },
    { what: 'leave request in team B as JSON with a number id', method: 'POST', path: '/me/requests', json: { teamId: teamB, kind: 'leave', body: { typeId: 1, firstDay: LEAVE_DAY, lastDay: LEAVE_DAY, note: '' } } },
    // Other people's requests by id.
    { what: "withdrawing Ola's leave", method: 'POST', path: `/me/requests/${req.olaLeave}/withdraw`, form: {} },
    { what: "withdrawing Ola's swap offer", method: 'POST', path: `/me/requests/${req.olaSwap}/withdraw`, form: {} },
    { what: "withdrawing Piotr's preferences", method: 'POST', path: `/me/requests/${req.piotrPrefs}/withdraw`, form: {} },
    { what: "withdrawing colleague Mehmet's leave", method: 'POST', path: `/me/requests/${req.mehmetLeave}/withdraw`, form: {} },
    { what: "withdrawing colleague Mehmet's swap offer", method: 'POST', path: `/me/requests/${req.mehmetSwap}/withdraw`, form: {} },
    { what: "accepting Ola's swap offer of team B", method: 'POST', path: `/me/offers/${req.olaSwap}/accept`, form: {} },
    { what: "accepting Ola's offer giving one's own turn", method: 'POST', path: `/me/offers/${req.olaSwap}/accept`, form: { inReturnKey: turn.ayse } },
    { what: "accepting Mehmet's offer giving Can's turn", method: 'POST', path: `/me/offers/${req.mehmetSwap}/accept`, form: { inReturnKey: turn.can } },
    { what: "accepting Mehmet's offer giving Ola's turn", method: 'POST', path: `/me/offers/${req.mehmetSwap}/accept`, form: { inReturnKey: turn.ola } },
    { what: "accepting Mehmet's offer giving Mehmet's own turn back", method: 'POST', path: `/me/offers/${req.mehmetSwap}/accept`, form: { inReturnKey: turn.mehmet } },
    { what: "accepting Ola's leave as if an offer", method: 'POST', path: `/me/offers/${req.olaLeave}/accept`, form: {} },
    { what: "accepting Mehmet's leave as if an offer", method: 'POST', path: `/me/offers/${req.mehmetLeave}/accept`, form: {} },
    // Feeds and invitations by their secrets.
    { what: "Ola's feed address with one letter changed", method: 'GET', path: `/feed/${mutated}.ics` },
    { what: "Ola's feed address made of the hash the database keeps", method: 'GET', path: `/feed/${base64url(sha(secret))}.ics` },
    { what: "Ola's feed address cut short", method: 'GET', path: `/feed/${secret.slice(0, 39)}.ics` },
    { what: "team B's used invitation", method: 'GET', path: `/invite/${fx.usedInviteB}`, mayAnswer: true },
    { what: "team B's open invitation by the hash the database keeps", method: 'GET', path: `/invite/${base64url(sha(fx.openInviteB))}`, mayAnswer: true },
    // Making teams and people.
    { what: 'inviting a lead of team B', method: 'POST', path: '/api/invitations', json: { email: 'mallory@bravo.example', role: 'lead', teamIds: [teamB] } },
    { what: 'inviting an admin', method: 'POST', path: '/api/invitations', json: { email: 'mallory@alpha.example', role: 'admin', teamIds: [] } },
    { what: 'making a team', method: 'POST', path: '/api/teams', json: { name: 'Bravo Team' } },
    // The same through the administrator's page, and its account switches.
    { what: "the administrator's page", method: 'GET', path: '/admin' },
    { what: 'making a team on the administrator page', method: 'POST', path: '/admin/teams', form: { name: 'Bravo Team' } },
    { what: 'inviting a lead of team B on the administrator page', method: 'POST', path: '/admin/invitations', form: { email: 'mallory@bravo.example', role: 'lead', [`team${teamB}`]: 'on' } },
    { what: 'inviting an admin on the administrator page', method: 'POST', path: '/admin/invitations', form: { email: 'mallory@alpha.example', role: 'admin' } },
    { what: "disabling Ola's account", method: 'POST', path: `/admin/accounts/${fx.ola.id}/disable`, form: {} },
    { what: "enabling Ola's account", method: 'POST', path: `/admin/accounts/${fx.ola.id}/enable`, form: {} },
  ];
}

async function tryAll(who: Who, role: 'agent' | 'lead' | 'manager', forbidden: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const attempt of attemptsOf(role)) {
    for (const via of ['cookie', 'bearer'] as const) {
      const json = typeof attempt.json === 'function' ? await (attempt.json as () => Promise<unknown>)() : attempt.json;
      const body: Send = attempt.method === 'GET' ? {} : via === 'cookie' && attempt.form ? { form: attempt.form } : { json: json ?? attempt.form ?? {} };
      const before = await dbState();
      const from = logs.length;
      const answer = await hit(attempt.path, { ...as(who, via), ...body, method: attempt.method });
      const after = await dbState();
      const tag = `${via} ${attempt.method} ${attempt.path} (${attempt.what}) → ${answer.status}`;
      if (attempt.mayAnswer ? answer.status >= 500 || answer.status === 401 : !REFUSED.has(answer.status)) problems.push(`${tag}: not refused ${answer.text.slice(0, 160)} ${firstLines(from).join(' ')}`);
      const changed = changedTables(before, after);
      if (changed.length > 0) problems.push(`${tag}: changed ${changed.join(', ')}`);
      const seen = foreignIn(answer, forbidden);
      if (seen.length > 0) problems.push(`${tag}: shows ${seen.join(', ')}`);
    }
  }
  return problems;
}

describe('changing ids reaches nothing of another team or person, through any route', () => {
  it('an agent of team A, by cookie and by app token, gets a refusal for every id of team B or of a colleague, no row changes, and no name, email or note of theirs appears in any answer', async () => {
    expect(await tryAll(fx.ayse, 'agent', [...B_PEOPLE, ...B_TEAM, ...MEHMET_PRIVATE])).toEqual([]);
  });

  it("a lead of team A, by cookie and by app token, cannot read, publish to or decide for team B, and its answers show nothing of team B", async () => {
    expect(await tryAll(fx.leadA, 'lead', [...B_PEOPLE, ...B_TEAM])).toEqual([]);
  });

  // A manager sees every team's name and, on the department view, who is on call at this moment; no turn of the fixture runs now, so no person's name may show.
  it("a manager, by cookie and by app token, reads no team's people, requests or manifest and changes nothing by any id", async () => {
    expect(await tryAll(fx.manager, 'manager', B_PEOPLE)).toEqual([]);
  });

  it("the same requests with the caller's own ids succeed (own team, own turn, own request, a colleague's open offer, the lead's own team), so each refusal above is about whose id it is", async () => {
    const { teamA, turn, req } = fx;
    const ayse = as(fx.ayse, 'cookie');
    expect((await hit('/me/requests', { ...ayse, form: leaveForm() })).status).toBe(201);
    const offered = await hit('/me/requests', { ...as(fx.ayse, 'bearer'), json: { teamId: teamA, kind: 'swap', body: { turnKey: turn.ayse, note: '' } } });
    expect(offered.status).toBe(201);
    expect((await hit(`/me/requests/${(JSON.parse(offered.text) as { id: number }).id}/withdraw`, { ...ayse, form: {} })).status).toBe(303);
    expect((await hit(`/me/offers/${req.mehmetSwap}/accept`, { ...ayse, form: { inReturnKey: turn.ayse } })).status).toBe(303);
    const lead = as(fx.leadA, 'bearer');
    expect((await hit(`/api/teams/${teamA}/manifest`, lead)).status).toBe(200);
    expect((await hit(`/api/teams/${teamA}/requests`, lead)).status).toBe(200);
    const decided = await hit(`/api/teams/${teamA}/publish`, { ...lead, json: { publishId: newPublishId('control'), baseVersion: await teamVersion(teamA), upserts: [], deletes: [], decisions: [{ requestId: req.mehmetFuzz, decision: 'declined' }] } });
    expect(decided.status).toBe(200);
    expect((await hit(`/api/department?day=${DAY_A}`, as(fx.manager, 'bearer'))).status).toBe(200);
    // Back to the fixture for the tests that follow.
    await pool.query('UPDATE request SET taker_key = NULL, in_return_key = NULL, decision = NULL WHERE id = ANY($1)', [[req.mehmetSwap, req.mehmetFuzz]]);
    await deleteNewRequests();
  });

  it("posting someone else's account id or session token with one's own feed, language or logout acts on one's own account only", async () => {
    const olaFeed = async () => (await pool.query('SELECT secret_hash, created_at FROM feed WHERE account_id = $1', [fx.ola.id])).rows;
    const olaRow = async () => (await pool.query('SELECT language FROM account WHERE id = $1', [fx.ola.id])).rows;
    const beforeFeed = await olaFeed();
    const beforeOla = await olaRow();
    const spare = await sessionsOf(fx.ayse.id, fx.ayse.email, fx.ayse.name);
    for (const via of ['cookie', 'bearer'] as const) {
      const who = as(spare, via);
      const other = { accountId: String(fx.ola.id), account_id: String(fx.ola.id), email: fx.ola.email };
      expect((await hit('/me/feed', { ...who, ...(via === 'cookie' ? { form: other } : { json: other }) })).status).toBe(200);
      expect((await hit('/me/feed/off', { ...who, ...(via === 'cookie' ? { form: other } : { json: other }) })).status).toBe(303);
      const lang = { ...other, language: 'pl' };
      expect((await hit('/language', { ...who, ...(via === 'cookie' ? { form: lang } : { json: lang }) })).status).toBe(303);
    }
    expect(await olaFeed()).toEqual(beforeFeed);
    expect(await olaRow()).toEqual(beforeOla);
    expect((await hit(`/feed/${fx.olaFeedSecret}.ics`)).status).toBe(200);
    await pool.query("UPDATE account SET language = 'en' WHERE id = $1", [fx.ayse.id]);
    // Logging out with Ola's token in the body ends the caller's session, not hers.
    const out = await hit('/logout', { ...as(spare, 'bearer'), json: { token: fx.ola.token } });
    expect(out.status).toBe(200);
    expect((await hit('/api/me', { bearer: fx.ola.token })).status).toBe(200);
    expect((await hit('/api/me', { bearer: spare.token })).status).toBe(401);
  });

  it('a used invitation of team B makes no account, and its page and the page of a forged token name no one', async () => {
    const before = await dbState();
    for (const token of [fx.usedInviteB, base64url(sha(fx.openInviteB))]) {
      const page = await hit(`/invite/${token}`);
      expect(foreignIn(page, B_PEOPLE)).toEqual([]);
      const used = await hit(`/invite/${token}`, { form: { name: 'Mallory', password: 'mallory-password-1' } });
      expect(used.status).toBe(410);
      expect(foreignIn(used, B_PEOPLE)).toEqual([]);
    }
    expect(changedTables(before, await dbState())).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Injection through every field, query parameter and id in a path.

const SQLISH = ["' OR 1=1 --", '1; DROP TABLE account', "'); DELETE FROM plan_item; --", "1' UNION SELECT password_hash FROM account --", "Robert'); DROP TABLE request;--"];
const UNICODE_QUOTES = ['\u2019 OR \u20181\u2019=\u20181\u2019 --', '\uff07 OR 1=1 --', '\u02bc); DELETE FROM team; --'];
const NUL = ['\u0000', "a\u0000' OR 1=1 --"];
const LONE_SURROGATE = ["\ud800' OR 1=1 --"];
const LONG = ['z'.repeat(5000), 'y'.repeat(20_000)];
const NUMBERISH = ['1', '-1', '0', '99999999999999999999', '1e308', 'NaN', 'Infinity'];
const STRINGS = [...SQLISH, ...UNICODE_QUOTES, ...NUL, ...LONE_SURROGATE, ...LONG, ...NUMBERISH];
/** Where each attempt costs a scrypt (logins, joining): fewer, one of each family. */
const CORE_STRINGS = ["' OR 1=1 --", "'); DELETE FROM plan_item; --", '\u2019 OR \u20181\u2019=\u20181\u2019 --', "a\u0000' OR 1=1 --", "\ud800' OR 1=1 --", 'z'.repeat(5000), '-1'];
/** One of each family, for fields next to a fully tried one (the same parser, the same query). */
const MID_STRINGS = ["' OR 1=1 --", "'); DELETE FROM plan_item; --", '\u2019 OR \u20181\u2019=\u20181\u2019 --', "a\u0000' OR 1=1 --", "\ud800' OR 1=1 --", 'z'.repeat(5000), '1', '-1', '1e308'];
const JSON_VALUES: unknown[] = [[], ["' OR 1=1 --"], {}, { $ne: null }, JSON.parse('{"__proto__": {"polluted": "yes"}}'), 1, -1, 1.5, 1e308, 2 ** 53 + 2, true, null];
const JSON_CORE: unknown[] = [[], {}, null, -1];
const MID_JSON: unknown[] = [...MID_STRINGS, ...JSON_CORE, JSON.parse('{"__proto__": {"polluted": "yes"}}'), 2 ** 53 + 2];
const mid = (...fields: string[]) => Object.fromEntries(fields.map((f) => [f, { form: [] as string[], json: MID_JSON }]));
/** Values a string sent as JSON carries differently from a form (which turns a lone surrogate into U+FFFD). */
const JSON_STRINGS = [...NUL, ...LONE_SURROGATE];

interface Target {
  route: string;
  via: Via | 'none';
  who: () => Who;
  /** A request that would be accepted, made fresh for each attempt (invitations are used up, versions move). */
  prepare: () => Promise<{ path: string; body: Record<string, unknown> }>;
  fields: string[];
  form: string[];
  json: unknown[];
  /** Fewer values for some fields (where each attempt costs a scrypt and the value never reaches SQL: a password). */
  per?: Record<string, { form: string[]; json: unknown[] }>;
  /** Tables an accepted value may write (free text stored as it came: a name, a note). */
  writes?: string[];
  /** After an accepted value: undo it, so the next attempt starts from the fixture. */
  cleanup?: () => Promise<void>;
  /** Before each attempt (logins: forget earlier failures, so each value reaches every query). */
  before?: () => Promise<void>;
  /** Read back what an accepted value stored, to show it was stored as data. */
  stored?: (field: string) => Promise<string | null>;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let at: Record<string, unknown> = target;
  for (const part of parts.slice(0, -1)) at = at[part] as Record<string, unknown>;
  const last = parts.at(-1) ?? '';
  at[last] = value;
}

const polluted = () => (Object.prototype as Record<string, unknown>).polluted !== undefined;

async function attack(t: Target): Promise<string[]> {
  const problems: string[] = [];
  for (const field of t.fields) {
    const { form, json } = t.per?.[field] ?? t;
    const variants = [...form.map((value) => ({ enc: 'form' as const, value })), ...json.map((value) => ({ enc: 'json' as const, value }))];
    for (const { enc, value } of variants) {
      await t.before?.();
      const { path, body } = await t.prepare();
      setPath(body, field, value);
      const send: Send = t.via === 'none' ? {} : as(t.who(), t.via);
      if (enc === 'form') send.form = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)]));
      else send.json = body;
      const before = await dbState();
      const from = logs.length;
      const answer = await hit(path, send);
      const after = await dbState();
      const tag = `${t.route} ${enc} ${field}=${show(value)} → ${answer.status}`;
      if (answer.status >= 500) problems.push(`${tag}: ${firstLines(from).join(' ') || answer.text.slice(0, 120)}`);
      const leak = leakIn(answer.text, value);
      if (leak) problems.push(`${tag}: the answer shows "${leak}"`);
      const changed = changedTables(before, after);
      if (answer.status >= 300 && answer.status !== 303) {
        if (changed.length > 0) problems.push(`${tag}: refused but changed ${changed.join(', ')}`);
      } else {
        const unexpected = changed.filter((c) => !(t.writes ?? []).includes(c));
        if (unexpected.length > 0) problems.push(`${tag}: changed ${unexpected.join(', ')}`);
        const fewer = TABLES.filter((table) => countOf(after, table) < countOf(before, table));
        if (fewer.length > 0) problems.push(`${tag}: rows gone from ${fewer.join(', ')}`);
        if (t.stored && typeof value === 'string' && changed.length > 0) {
          const kept = await t.stored(field);
          if (kept !== null && kept !== wellFormed(value).trim() && kept !== wellFormed(value)) problems.push(`${tag}: stored ${show(kept)}, not the text sent`);
        }
        await t.cleanup?.();
      }
      if (polluted()) problems.push(`${tag}: Object.prototype was polluted`);
    }
  }
  return problems;
}

const deleteNewRequests = async () => void (await pool.query('DELETE FROM request WHERE id > $1', [fx.maxRequestId]));
const newestNote = async () => ((await pool.query('SELECT body->>$1 AS v FROM request ORDER BY id DESC LIMIT 1', ['note'])).rows[0]?.v as string | undefined) ?? null;
const leaveForm = () => ({ teamId: String(fx.teamA), kind: 'leave', typeId: '1', firstDay: LEAVE_DAY, lastDay: LEAVE_DAY, note: 'fine' });
const ayseCookie = () => fx.ayse;

function targets(): Target[] {
  const forgetLogins = async () => void (await pool.query('DELETE FROM login_attempt'));
  const publishBody = async (extra: Record<string, unknown> = {}) => ({
    publishId: newPublishId('fuzz'),
    baseVersion: await teamVersion(fx.teamA),
    upserts: [{ kind: 'person', key: 'p9', body: { name: 'Fuzz Person', email: null, skills: [], contractHoursPerWeek: 0, color: '#000000' } }],
    deletes: ['shift/s999'],
    decisions: [],
    ...extra,
  });
  return [
    {
      route: 'POST /login (browser form)',
      via: 'none',
      who: ayseCookie,
      prepare: async () => ({ path: '/login', body: { email: 'ayse@alpha.example', password: 'a wrong password' } }),
      fields: ['email', 'password'],
      form: CORE_STRINGS,
      json: [],
      per: { password: { form: ["' OR 1=1 --", 'a\u0000b'], json: [] } },
      before: forgetLogins,
    },
    {
      route: 'POST /login (app JSON)',
      via: 'none',
      who: ayseCookie,
      prepare: async () => ({ path: '/login', body: { email: 'ayse@alpha.example', password: 'a wrong password', client: 'app' } }),
      fields: ['email', 'password', 'client'],
      form: [],
      json: [...JSON_STRINGS, ...JSON_CORE],
      per: { password: { form: [], json: [[], null] }, client: { form: [], json: ['app\u0000', ['app']] } },
      before: forgetLogins,
    },
    {
      route: 'POST /invite/:token',
      via: 'none',
      who: ayseCookie,
      prepare: async () => {
        const token = await createInvitation(pool, { email: `joiner-${(publishIds += 1)}@alpha.example`, role: 'agent', teamIds: [], createdBy: null });
        return { path: `/invite/${token}`, body: { name: 'Joiner', password: PASSWORD, language: 'en' } };
      },
      fields: ['name', 'password', 'language'],
      form: CORE_STRINGS,
      json: [...JSON_STRINGS, ...JSON_CORE],
      per: { password: { form: ["'); DELETE FROM plan_item; --", 'a\u0000b-long-enough'], json: [[], null] }, language: { form: ["' OR 1=1 --", '\u0000'], json: [['en'], {}] } },
      writes: ['account', 'session', 'invitation'],
      stored: async (field) => (field === 'name' ? (((await pool.query('SELECT name FROM account ORDER BY id DESC LIMIT 1')).rows[0]?.name as string | undefined) ?? null) : null),
    },
    { route: 'POST /language', via: 'cookie', who: ayseCookie, prepare: async () => ({ path: '/language', body: { language: 'tr' } }), fields: ['language'], form: STRINGS, json: [...JSON_STRINGS, ...JSON_VALUES], writes: ['account'], cleanup: async () => void (await pool.query("UPDATE account SET language = 'en' WHERE id = $1", [fx.ayse.id])) },
    {
      route: 'POST /me/requests (leave)',
      via: 'cookie',
      who: ayseCookie,
      prepare: async () => ({ path: '/me/requests', body: leaveForm() }),
      fields: ['teamId', 'kind', 'typeId', 'firstDay', 'lastDay', 'note'],
      form: STRINGS,
      json: [...JSON_STRINGS, ...JSON_VALUES],
      writes: ['request'],
      cleanup: deleteNewRequests,
      stored: async (field) => (field === 'note' ? newestNote() : null),
    },
    {
      route: 'POST /me/requests (leave, Solar Hijri days)',
      via: 'cookie',
      who: ayseCookie,
      prepare: async () => ({ path: '/me/requests', body: { ...leaveForm(), calendar: 'persian', firstDay: '1405/09/01', lastDay: '1405/09/01' } }),
      fields: ['firstDay', 'lastDay', 'calendar'],
      form: [...STRINGS, '0000/00/00', '9999/99/99', '1405/12/30', '99/99/9999', '۱۴۰۵/۰۹/۰۱\u0000', '1405-09-01; DROP TABLE request'],
      json: [...JSON_STRINGS, ...JSON_VALUES],
      writes: ['request'],
      cleanup: deleteNewRequests,
    },
    {
      route: 'POST /me/requests (swap)',
      via: 'cookie',
      who: ayseCookie,
      prepare: async () => ({ path: '/me/requests', body: { teamId: String(fx.teamA), kind: 'swap', turnKey: fx.turn.ayse, note: '' } }),
      fields: ['turnKey'],
      form: STRINGS,
      json: [...JSON_STRINGS, ...JSON_VALUES],
      writes: ['request'],
      cleanup: deleteNewRequests,
    },
    {
      route: 'POST /me/requests (preferences)',
      via: 'cookie',
      who: ayseCookie,
      prepare: async () => ({ path: '/me/requests', body: { teamId: String(fx.teamA), kind: 'preferences', weekday1: 'cannot', note: '' } }),
      fields: ['weekday1'],
      form: STRINGS,
      json: [...JSON_STRINGS, ...JSON_VALUES],
      writes: ['request'],
      cleanup: deleteNewRequests,
    },
    {
      route: 'POST /me/requests (JSON body, app token)',
      via: 'bearer',
      who: ayseCookie,
      prepare: async () => ({ path: '/me/requests', body: { teamId: fx.teamA, kind: 'leave', body: { typeId: 1, firstDay: LEAVE_DAY, lastDay: LEAVE_DAY, note: '' } } }),
      fields: ['body', 'body.typeId', 'body.firstDay', 'body.note'],
      form: [],
      json: [...STRINGS, ...JSON_VALUES],
      per: mid('body', 'body.typeId', 'body.firstDay'),
      writes: ['request'],
      cleanup: deleteNewRequests,
      stored: async (field) => (field === 'body.note' ? newestNote() : null),
    },
    {
      route: 'POST /me/offers/:id/accept',
      via: 'cookie',
      who: ayseCookie,
      prepare: async () => ({ path: `/me/offers/${fx.req.mehmetSwap}/accept`, body: { inReturnKey: '' } }),
      fields: ['inReturnKey'],
      form: STRINGS,
      json: [...JSON_STRINGS, ...JSON_VALUES],
      writes: ['request'],
      cleanup: async () => void (await pool.query('UPDATE request SET taker_key = NULL, in_return_key = NULL WHERE id = $1', [fx.req.mehmetSwap])),
    },
    {
      route: 'POST /api/teams',
      via: 'bearer',
      who: () => fx.admin,
      prepare: async () => ({ path: '/api/teams', body: { name: 'Echo Team' } }),
      fields: ['name'],
      form: [],
      json: [...STRINGS, ...JSON_VALUES],
      writes: ['team'],
      cleanup: async () => void (await pool.query('DELETE FROM team WHERE id > $1', [fx.maxTeamId])),
      stored: async () => ((await pool.query('SELECT name FROM team ORDER BY id DESC LIMIT 1')).rows[0]?.name as string | undefined) ?? null,
    },
    {
      route: 'POST /api/invitations',
      via: 'bearer',
      who: () => fx.admin,
      prepare: async () => ({ path: '/api/invitations', body: { email: 'fuzz@alpha.example', role: 'lead', teamIds: [fx.teamA] } }),
      fields: ['email', 'role', 'teamIds', 'teamIds.0'],
      form: [],
      json: [...STRINGS, "o'hara--@alpha.example", 'a\u0000b@alpha.example', '\u2019or\u2019@alpha.example', 'x@alpha.example\u0000', ...JSON_VALUES],
      per: mid('role', 'teamIds', 'teamIds.0'),
      writes: ['invitation'],
    },
    {
      route: 'POST /api/teams/:id/publish',
      via: 'bearer',
      who: () => fx.leadA,
      prepare: async () => ({ path: `/api/teams/${fx.teamA}/publish`, body: await publishBody() }),
      fields: ['publishId', 'baseVersion', 'upserts', 'deletes', 'decisions', 'upserts.0', 'upserts.0.key', 'upserts.0.body.name', 'upserts.0.body.email', 'deletes.0'],
      form: [],
      json: [...STRINGS, ...JSON_VALUES],
      per: mid('baseVersion', 'upserts', 'deletes', 'decisions', 'upserts.0', 'upserts.0.key'),
      writes: ['plan_item', 'team', 'publish'],
    },
    {
      route: 'POST /api/teams/:id/publish (decisions)',
      via: 'bearer',
      who: () => fx.leadA,
      prepare: async () => ({ path: `/api/teams/${fx.teamA}/publish`, body: await publishBody({ upserts: [], decisions: [{ requestId: fx.req.mehmetFuzz, decision: 'approved' }] }) }),
      fields: ['decisions.0', 'decisions.0.requestId', 'decisions.0.decision'],
      form: [],
      json: [...STRINGS, ...JSON_VALUES],
      per: mid('decisions.0', 'decisions.0.decision'),
      writes: ['publish', 'request'],
    },
  ];
}

/** Ids and secrets in paths, and the one query parameter: each value, URL-encoded where the id goes. */
function pathTargets(): { route: string; send: (v: string) => Promise<Answer> }[] {
  const ayse = fx.ayse;
  const lead = fx.leadA;
  return [
    { route: 'POST /me/requests/:id/withdraw', send: (v) => hit(`/me/requests/${v}/withdraw`, { ...as(ayse, 'cookie'), form: {} }) },
    { route: 'POST /me/offers/:id/accept', send: (v) => hit(`/me/offers/${v}/accept`, { ...as(ayse, 'cookie'), form: {} }) },
    { route: 'GET /api/teams/:id/manifest', send: (v) => hit(`/api/teams/${v}/manifest`, as(lead, 'bearer')) },
    { route: 'GET /api/teams/:id/requests', send: (v) => hit(`/api/teams/${v}/requests`, as(lead, 'bearer')) },
    { route: 'GET /api/teams/:id/schedule', send: (v) => hit(`/api/teams/${v}/schedule`, as(ayse, 'bearer')) },
    { route: 'GET /team/:id', send: (v) => hit(`/team/${v}`, as(ayse, 'cookie')) },
    { route: 'POST /api/teams/:id/publish', send: async (v) => hit(`/api/teams/${v}/publish`, { ...as(lead, 'bearer'), json: { publishId: newPublishId('path'), baseVersion: 0, upserts: [], deletes: [] } }) },
    { route: 'GET /feed/:secret.ics', send: (v) => hit(`/feed/${v}.ics`) },
    { route: 'GET /invite/:token', send: (v) => hit(`/invite/${v}`) },
    { route: 'POST /invite/:token', send: (v) => hit(`/invite/${v}`, { form: { name: 'Mallory', password: 'short' } }) },
  ];
}

/**
 * One value of one query parameter, sent: what is wrong with the answer. `expected` says which
 * statuses are right for it; a wrong one is reported with the hub's log, as is the value shown
 * back in the answer or any row the request changed.
 */
async function parameterProblems(path: string, name: string, value: string, send: Send, expected: (answer: Answer) => string | null): Promise<string[]> {
  const problems: string[] = [];
  const before = await dbState();
  const from = logs.length;
  const answer = await hit(`${path}?${name}=${inUrl(value)}`, send);
  const tag = `GET ${path}?${name}=${show(value)} → ${answer.status}`;
  const wrong = expected(answer);
  if (wrong === 'status') problems.push(`${tag}: ${firstLines(from).join(' ') || answer.text.slice(0, 120)}`);
  else if (wrong) problems.push(`${tag}: ${wrong}`);
  const leak = leakIn(answer.text, value);
  if (leak) problems.push(`${tag}: shows "${leak}"`);
  const changed = changedTables(before, await dbState());
  if (changed.length > 0) problems.push(`${tag}: changed ${changed.join(', ')}`);
  return problems;
}

describe('injection through every field, query parameter and id', () => {
  const PATH_VALUES = [...STRINGS.filter((s) => s.length < 10_000), '1.5', '0x10', '1e3', '9007199254740993', '-9223372036854775808', '1 OR 1=1', '../../account', '%00'];

  it.each([
    ['POST /login (browser form)'],
    ['POST /login (app JSON)'],
    ['POST /invite/:token'],
    ['POST /language'],
    ['POST /me/requests (leave)'],
    ['POST /me/requests (leave, Solar Hijri days)'],
    ['POST /me/requests (swap)'],
    ['POST /me/requests (preferences)'],
    ['POST /me/requests (JSON body, app token)'],
    ['POST /me/offers/:id/accept'],
    ['POST /api/teams'],
    ['POST /api/invitations'],
    ['POST /api/teams/:id/publish'],
    ['POST /api/teams/:id/publish (decisions)'],
  ])('%s: SQL, unicode quotes, NUL, a lone surrogate, long text, numbers as text and wrong JSON types in each field are refused with a 4xx or stored as plain data, never a 500, SQL error or stack, no other row touched', async (route) => {
    const target = targets().find((t) => t.route === route);
    if (!target) throw new Error(`no target ${route}`);
    const problems = await attack(target);
    await pool.query('DELETE FROM login_attempt');
    expect(problems).toEqual([]);
  });

  it('the CSRF field of logout, feed and feed-off: any forged value is refused (403) and the session lives on', async () => {
    const spare = await sessionsOf(fx.ayse.id, fx.ayse.email, fx.ayse.name);
    const problems: string[] = [];
    for (const path of ['/logout', '/me/feed', '/me/feed/off']) {
      for (const value of [...STRINGS, '']) {
        const before = await dbState();
        const form = await hit(path, { cookie: spare.cookie, form: { _csrf: value } });
        const json = await hit(path, { cookie: spare.cookie, json: { _csrf: value } });
        for (const answer of [form, json]) {
          // 403, or another refusal before the token is compared (413: longer than a form may be; 400: a character no field may hold).
          if (!REFUSED.has(answer.status)) problems.push(`${path} _csrf=${show(value)} → ${answer.status}`);
          const leak = leakIn(answer.text, value);
          if (leak) problems.push(`${path} _csrf=${show(value)}: shows "${leak}"`);
        }
        const changed = changedTables(before, await dbState());
        if (changed.length > 0) problems.push(`${path} _csrf=${show(value)}: changed ${changed.join(', ')}`);
      }
      for (const value of JSON_VALUES) {
        const answer = await hit(path, { cookie: spare.cookie, json: { _csrf: value } });
        if (!REFUSED.has(answer.status)) problems.push(`${path} JSON _csrf=${show(value)} → ${answer.status}`);
      }
    }
    expect(problems).toEqual([]);
    expect((await hit('/api/me', { cookie: spare.cookie })).status).toBe(200);
  });

  it('ids and secrets in every path (withdraw, accept, manifest, requests, publish, feed, invitation): each hostile value answers 4xx (an unknown invitation its "link gone" page), never a 500, and changes nothing', async () => {
    const problems: string[] = [];
    for (const target of pathTargets()) {
      for (const raw of PATH_VALUES) {
        const value = raw === '%00' ? raw : inUrl(raw);
        const before = await dbState();
        const from = logs.length;
        const answer = await target.send(value);
        const changed = changedTables(before, await dbState());
        const tag = `${target.route} id=${show(raw)} → ${answer.status}`;
        const okStatus = REFUSED.has(answer.status) || (target.route === 'GET /invite/:token' && answer.status === 200 && answer.text.includes('was used already or has expired'));
        if (!okStatus) problems.push(`${tag}: ${firstLines(from).join(' ') || answer.text.slice(0, 120)}`);
        const leak = leakIn(answer.text, raw);
        if (leak) problems.push(`${tag}: shows "${leak}"`);
        if (changed.length > 0) problems.push(`${tag}: changed ${changed.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the since= parameter of a team’s requests: SQL, NUL, numbers and dates PostgreSQL cannot read are refused with a 400, never a 500', async () => {
    const SINCE = [
      ...STRINGS.filter((s) => s.length < 10_000),
      "2024-01-01T00:00:00Z' OR 1=1 --",
      '2024-01-01 (DROP TABLE account)',
      '2024-01-01\u0000',
      '0000-01-01',
      '-271821-04-20T00:00:00Z',
      '+275760-09-13T00:00:00Z',
      'Tue Mar 01 2022',
    ];
    const problems: string[] = [];
    for (const since of SINCE) {
      // A date PostgreSQL reads the same way is a fair question (200); anything else is the caller's mistake.
      problems.push(...(await parameterProblems(`/api/teams/${fx.teamA}/requests`, 'since', since, as(fx.leadA, 'bearer'), (a) => (a.status === 400 || a.status === 200 ? null : 'status'))));
    }
    expect(problems).toEqual([]);
  });

  it('the day= parameter of the department page and API: SQL, NUL, numbers and days that do not exist are refused with a 400, never a 500', async () => {
    const DAYS = [...STRINGS.filter((s) => s.length < 10_000), "2024-01-01' OR 1=1 --", '2024-01-01\u0000', '2024-02-30', '2024-04-31', '0000-01-01', '9999-12-31', '2024-13-01', '+02024-01-01'];
    const problems: string[] = [];
    for (const path of ['/api/department', '/department']) {
      for (const day of DAYS) {
        // 200 only for a real day (9999-12-31 is one); anything else is the caller's mistake.
        problems.push(...(await parameterProblems(path, 'day', day, as(fx.manager, path.startsWith('/api') ? 'bearer' : 'cookie'), (a) => (a.status === 400 || (a.status === 200 && day === '9999-12-31') ? null : 'status'))));
      }
    }
    expect(problems).toEqual([]);
  });

  it("the week= parameter of a team's week: SQL, NUL, numbers and days that do not exist are refused with a 400 naming it, never a 500", async () => {
    const WEEKS = [...STRINGS.filter((s) => s.length < 10_000), "2024-01-01' OR 1=1 --", '2024-01-01\u0000', '2024-02-30', '0000-01-01', '9999-12-31', '2024-13-01', '+02024-01-01', '2024-1-1'];
    const problems: string[] = [];
    for (const [path, via] of [[`/api/teams/${fx.teamA}/schedule`, 'bearer'], [`/team/${fx.teamA}`, 'cookie']] as const) {
      for (const week of WEEKS) {
        problems.push(...(await parameterProblems(path, 'week', week, as(fx.ayse, via), (a) => (a.status !== 400 ? 'status' : via === 'bearer' && !a.text.includes('"field":"week"') ? 'does not name the week' : null))));
      }
    }
    expect(problems).toEqual([]);
  });

  it('session cookies and bearer tokens made of SQL or hostile text open nothing and answer 401', async () => {
    const latin1 = [...STRINGS, "' OR '1'='1' -- padding to forty-three chars!!"].filter((s) => /^[\u0020-\u007e]*$/.test(s) && s.length < 8000);
    const problems: string[] = [];
    for (const value of latin1) {
      const bearer = await hit('/api/me', { headers: { authorization: `Bearer ${value}` } });
      const cookie = await hit('/api/me', { headers: { cookie: `rd_session=${value}` } });
      for (const [how, answer] of [['bearer', bearer], ['cookie', cookie]] as const) {
        if (answer.status !== 401) problems.push(`${how} ${show(value)} → ${answer.status}`);
        const leak = leakIn(answer.text, value);
        if (leak) problems.push(`${how} ${show(value)}: shows "${leak}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('after all of it, every table of the fixture is still there with its rows', async () => {
    for (const table of TABLES) expect(Number((await pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n), table).toBeGreaterThan(table === 'login_attempt' ? -1 : 0);
    expect((await pool.query("SELECT count(*)::int AS n FROM plan_item WHERE team_id = $1 AND kind = 'person'", [fx.teamB])).rows[0].n).toBe(2);
    expect((await pool.query('SELECT count(*)::int AS n FROM account WHERE email = ANY($1)', [['ola@bravo.example', 'piotr@bravo.example', 'admin@hub.example']])).rows[0].n).toBe(3);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Sessions replayed after logout, on the same and on a second hub process.

describe('sessions after logout', () => {
  it('a browser cookie logged out on one hub process opens nothing on either process, and its old CSRF token changes nothing', async () => {
    const who = await signIn(fx.ayse.id, fx.ayse.email, fx.ayse.name, hub1.url);
    expect((await hit('/api/me', { base: hub2.url, cookie: who.cookie })).status).toBe(200);
    const out = await hit('/logout', { base: hub1.url, ...as(who, 'cookie'), form: {} });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/rd_session=;.*Max-Age=0/);
    const before = await dbState();
    for (const base of [hub1.url, hub2.url]) {
      expect((await hit('/api/me', { base, cookie: who.cookie })).status).toBe(401);
      expect((await hit('/api/me/requests', { base, cookie: who.cookie })).status).toBe(401);
      const page = await hit('/me', { base, cookie: who.cookie });
      expect([page.status, page.headers.get('location')]).toEqual([303, '/login']);
      expect(page.text).not.toContain('ayse-own-note');
      for (const [path, form] of [
        ['/me/feed', {}],
        ['/me/requests', leaveForm()],
        [`/me/requests/${fx.req.ayseLeave}/withdraw`, {}],
        ['/logout', {}],
      ] as const) {
        const replay = await hit(path, { base, ...as(who, 'cookie'), form });
        expect([replay.status, replay.headers.get('location')], `${base}${path}`).toEqual([303, '/login']);
        const json = await hit(path, { base, ...as(who, 'cookie'), json: form });
        expect(json.status, `${base}${path} JSON`).toBe(401);
      }
    }
    expect(changedTables(before, await dbState())).toEqual([]);
  });

  it('an app token logged out on the second hub process answers 401 everywhere, for reads and writes, and changes nothing', async () => {
    const who = await signIn(fx.leadA.id, fx.leadA.email, fx.leadA.name, hub1.url);
    expect((await hit(`/api/teams/${fx.teamA}/manifest`, { base: hub2.url, bearer: who.token })).status).toBe(200);
    const out = await hit('/logout', { base: hub2.url, bearer: who.token, json: {} });
    expect(out.status).toBe(200);
    const before = await dbState();
    for (const base of [hub1.url, hub2.url]) {
      for (const path of ['/api/me', '/api/me/schedule', '/api/me/requests', '/api/teams', `/api/teams/${fx.teamA}/manifest`, `/api/teams/${fx.teamA}/requests`]) {
        expect((await hit(path, { base, bearer: who.token })).status, `${base}${path}`).toBe(401);
      }
      // A page asked for with a dead token sends to the sign-in page, showing nothing.
      const page = await hit('/lead', { base, bearer: who.token });
      expect([page.status, page.headers.get('location'), page.text]).toEqual([303, '/login', '']);
      const publish = await hit(`/api/teams/${fx.teamA}/publish`, { base, bearer: who.token, json: { publishId: newPublishId('replay'), baseVersion: await teamVersion(fx.teamA), upserts: [], deletes: ['shift/s1'] } });
      expect(publish.status).toBe(401);
      expect((await hit('/logout', { base, bearer: who.token, json: {} })).status).toBe(401);
    }
    expect(changedTables(before, await dbState())).toEqual([]);
  });

  it('a browser token sent as a bearer, an app token sent as a cookie, and an expired session open nothing', async () => {
    const spare = await sessionsOf(fx.ayse.id, fx.ayse.email, fx.ayse.name);
    const cookieToken = spare.cookie.slice('rd_session='.length);
    expect((await hit('/api/me', { bearer: cookieToken })).status).toBe(401);
    expect((await hit('/api/me', { cookie: `rd_session=${spare.token}` })).status).toBe(401);
    // The app token as a cookie would skip nothing: a form sent with it is not signed in.
    expect((await hit('/me/feed', { cookie: `rd_session=${spare.token}`, form: {} })).headers.get('location')).toBe('/login');
    await pool.query("UPDATE session SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [sha(spare.token)]);
    for (const base of [hub1.url, hub2.url]) expect((await hit('/api/me', { base, bearer: spare.token })).status).toBe(401);
  });
});

// ---------------------------------------------------------------------------------------------
// 4. Posts from another site, and without the CSRF token.

interface StatePost {
  route: string;
  who: Who | null;
  /** The request as the hub's own page or app would send it, made fresh each time. */
  make: () => Promise<{ path: string; form?: Record<string, string>; json?: unknown }>;
  /** What the same request answers when it comes from the hub's own page. */
  ok: number;
}

function statePosts(spare: Who): StatePost[] {
  const { ayse, admin, leadA } = fx;
  return [
    { route: 'POST /language', who: ayse, make: async () => ({ path: '/language', form: { language: 'pl' } }), ok: 303 },
    { route: 'POST /me/feed', who: ayse, make: async () => ({ path: '/me/feed', form: {} }), ok: 200 },
    { route: 'POST /me/feed/off', who: ayse, make: async () => ({ path: '/me/feed/off', form: {} }), ok: 303 },
    { route: 'POST /me/requests', who: ayse, make: async () => ({ path: '/me/requests', form: leaveForm() }), ok: 201 },
    { route: 'POST /me/requests/:id/withdraw', who: ayse, make: async () => ({ path: `/me/requests/${fx.req.ayseLeave}/withdraw`, form: {} }), ok: 303 },
    { route: 'POST /me/offers/:id/accept', who: ayse, make: async () => ({ path: `/me/offers/${fx.req.mehmetSwap}/accept`, form: {} }), ok: 303 },
    { route: 'POST /api/teams', who: admin, make: async () => ({ path: '/api/teams', json: { name: 'Foxtrot Team' } }), ok: 201 },
    { route: 'POST /api/invitations', who: admin, make: async () => ({ path: '/api/invitations', json: { email: 'csrf@alpha.example', role: 'agent', teamIds: [] } }), ok: 201 },
    {
      route: 'POST /api/teams/:id/publish',
      who: leadA,
      make: async () => ({ path: `/api/teams/${fx.teamA}/publish`, json: { publishId: newPublishId('csrf'), baseVersion: await teamVersion(fx.teamA), upserts: [], deletes: ['shift/s4'] } }),
      ok: 200,
    },
    { route: 'POST /login', who: null, make: async () => ({ path: '/login', form: { email: fx.ayse.email, password: PASSWORD } }), ok: 303 },
    {
      route: 'POST /invite/:token',
      who: null,
      make: async () => ({ path: `/invite/${await createInvitation(pool, { email: `csrf-${(publishIds += 1)}@alpha.example`, role: 'agent', teamIds: [], createdBy: null })}`, form: { name: 'Csrf', password: PASSWORD } }),
      ok: 303,
    },
    { route: 'POST /logout', who: spare, make: async () => ({ path: '/logout', form: {} }), ok: 303 },
  ];
}

describe('posts from another site, or without the CSRF token', () => {
  it('every state-changing POST is refused with a 403 from a foreign Origin, Origin null, another port, Sec-Fetch-Site cross-site or same-site, without or with a wrong, empty or other account’s CSRF token, and as JSON with a cookie but no X-CSRF-Token; nothing changes, and the same request from the hub’s own page succeeds', async () => {
    const spare = await sessionsOf(fx.ayse.id, fx.ayse.email, fx.ayse.name);
    const ola = fx.ola;
    const own = hub1.url;
    const problems: string[] = [];
    for (const post of statePosts(spare)) {
      const variants: { what: string; send: (r: Awaited<ReturnType<StatePost['make']>>) => Send }[] = [];
      const byCookie = (who: Who, csrf: string | undefined, headers: Record<string, string>) => (r: Awaited<ReturnType<StatePost['make']>>): Send =>
        r.form ? { cookie: who.cookie, csrf, form: r.form, headers } : { cookie: who.cookie, csrf, json: r.json, headers };
      const noSession = (headers: Record<string, string>) => (r: Awaited<ReturnType<StatePost['make']>>): Send => (r.form ? { form: r.form, headers } : { json: r.json, headers });
      const hostile: [string, Record<string, string>][] = [
        ['Origin https://evil.example', { origin: 'https://evil.example' }],
        ['Origin null', { origin: 'null' }],
        ['Origin of another port on the same host', { origin: 'http://127.0.0.1:1' }],
        ['Origin with the same host over https', { origin: own.replace('http:', 'https:') }],
        ['Sec-Fetch-Site cross-site, no Origin', { 'sec-fetch-site': 'cross-site' }],
        ['Sec-Fetch-Site same-site, no Origin', { 'sec-fetch-site': 'same-site' }],
      ];
      const who = post.who;
      if (who) {
        for (const [what, headers] of hostile) variants.push({ what: `${what}, right CSRF token`, send: byCookie(who, who.csrf, headers) });
        variants.push({ what: 'no CSRF token, own Origin', send: byCookie(who, undefined, { origin: own }) });
        variants.push({ what: 'empty CSRF token', send: byCookie(who, '', { origin: own }) });
        variants.push({ what: 'a made-up CSRF token', send: byCookie(who, 'x'.repeat(43), { origin: own }) });
        variants.push({ what: "another account's CSRF token", send: byCookie(who, ola.csrf, { origin: own }) });
        variants.push({ what: 'JSON with the cookie and no X-CSRF-Token', send: (r) => ({ cookie: who.cookie, json: r.json ?? r.form, headers: { origin: own } }) });
        variants.push({ what: 'JSON with the CSRF token in the body but from evil.example', send: (r) => ({ cookie: who.cookie, json: { ...((r.json ?? r.form) as object), _csrf: who.csrf }, headers: { origin: 'https://evil.example' } }) });
        variants.push({ what: 'app token from evil.example', send: (r) => ({ bearer: who.token, json: r.json ?? r.form, headers: { origin: 'https://evil.example' } }) });
      } else {
        for (const [what, headers] of hostile) variants.push({ what, send: noSession(headers) });
      }
      for (const variant of variants) {
        const request = await post.make();
        const before = await dbState();
        const answer = await hit(request.path, variant.send(request));
        const changed = changedTables(before, await dbState(), []);
        if (answer.status !== 403) problems.push(`${post.route} (${variant.what}) → ${answer.status} ${answer.text.slice(0, 100)}`);
        if (changed.length > 0) problems.push(`${post.route} (${variant.what}): changed ${changed.join(', ')}`);
      }
      // The same request from the hub's own page: accepted, so each refusal above was the origin's or the token's.
      const request = await post.make();
      const control = await hit(request.path, who ? { ...byCookie(who, who.csrf, { origin: own, 'sec-fetch-site': 'same-origin' })(request) } : noSession({ origin: own, 'sec-fetch-site': 'same-origin' })(request));
      if (control.status !== post.ok) problems.push(`${post.route} from the hub's own page → ${control.status}, expected ${post.ok}: ${control.text.slice(0, 120)}`);
    }
    expect(problems).toEqual([]);
    await pool.query("UPDATE account SET language = 'en' WHERE id = $1", [fx.ayse.id]);
  });
});

// ---------------------------------------------------------------------------------------------
// 5. Roles, and disabled accounts.

describe('roles and disabled accounts', () => {
  it('agents, leads and managers cannot make teams or invitations; agents, managers and admins cannot publish; only admins make teams and invitations; nothing changes on a refusal', async () => {
    const problems: string[] = [];
    const publishTo = async () => ({ publishId: newPublishId('role'), baseVersion: await teamVersion(fx.teamA), upserts: [], deletes: ['shift/s3'] });
    const cases: [string, Who, string, () => Promise<unknown>, number][] = [];
    for (const [name, who] of [['agent', fx.ayse], ['lead', fx.leadA], ['manager', fx.manager]] as const) {
      cases.push([name, who, '/api/teams', async () => ({ name: `${name} team` }), 403]);
      cases.push([name, who, '/api/invitations', async () => ({ email: `by-${name}@alpha.example`, role: 'agent', teamIds: [] }), 403]);
      cases.push([name, who, '/api/invitations', async () => ({ email: `lead-by-${name}@alpha.example`, role: 'lead', teamIds: [fx.teamA] }), 403]);
      cases.push([name, who, '/api/invitations', async () => ({ email: `admin-by-${name}@alpha.example`, role: 'admin', teamIds: [] }), 403]);
    }
    for (const [name, who] of [['agent', fx.ayse], ['manager', fx.manager], ['admin', fx.admin]] as const) cases.push([name, who, `/api/teams/${fx.teamA}/publish`, publishTo, 403]);
    for (const [name, who, path, body, status] of cases) {
      for (const via of ['cookie', 'bearer'] as const) {
        const before = await dbState();
        const answer = await hit(path, { ...as(who, via), json: await body() });
        const changed = changedTables(before, await dbState());
        if (answer.status !== status) problems.push(`${name} ${via} POST ${path} → ${answer.status}`);
        if (changed.length > 0) problems.push(`${name} ${via} POST ${path}: changed ${changed.join(', ')}`);
      }
    }
    for (const [name, who, path] of [
      ['agent', fx.ayse, '/lead'],
      ['agent', fx.ayse, '/department'],
      ['lead', fx.leadA, '/department'],
      ['agent', fx.ayse, '/api/department'],
      ['lead', fx.leadA, '/api/department'],
      ['manager', fx.manager, '/lead'],
      ['agent', fx.ayse, `/api/teams/${fx.teamA}/manifest`],
      ['manager', fx.manager, `/api/teams/${fx.teamA}/manifest`],
      ['manager', fx.manager, `/api/teams/${fx.teamA}/requests`],
      ['admin', fx.admin, `/api/teams/${fx.teamA}/requests`],
    ] as const) {
      for (const via of ['cookie', 'bearer'] as const) {
        const answer = await hit(path, as(who, via));
        if (answer.status !== 403) problems.push(`${name} ${via} GET ${path} → ${answer.status}`);
      }
    }
    expect(problems).toEqual([]);
    // The admin may: a team, and an invitation that works once.
    const team = await hit('/api/teams', { ...as(fx.admin, 'bearer'), json: { name: 'Golf Team' } });
    expect(team.status).toBe(201);
    const invite = await hit('/api/invitations', { ...as(fx.admin, 'cookie'), json: { email: 'golf-lead@alpha.example', role: 'lead', teamIds: [(JSON.parse(team.text) as { id: number }).id] } });
    expect(invite.status).toBe(201);
    expect((JSON.parse(invite.text) as { link: string }).link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  });

  it('a disabled account cannot sign in with its right password, and its browser session, app token and calendar feed stop working on both hub processes', async () => {
    const dora = await signIn(Number((await pool.query("SELECT id FROM account WHERE email = 'dora@alpha.example'")).rows[0].id), 'dora@alpha.example', 'Dora Alpha');
    const feedPage = await hit('/me/feed', { ...as(dora, 'cookie'), form: {} });
    const secret = /\/feed\/([A-Za-z0-9_-]+)\.ics/.exec(feedPage.text)?.[1] ?? '';
    expect((await hit(`/feed/${secret}.ics`)).status).toBe(200);
    await pool.query('UPDATE account SET disabled_at = now() WHERE id = $1', [dora.id]);
    const before = await dbState();
    for (const base of [hub1.url, hub2.url]) {
      expect((await hit('/api/me', { base, cookie: dora.cookie })).status).toBe(401);
      expect((await hit('/me', { base, cookie: dora.cookie })).headers.get('location')).toBe('/login');
      expect((await hit('/api/me', { base, bearer: dora.token })).status).toBe(401);
      expect((await hit('/api/me/schedule', { base, bearer: dora.token })).status).toBe(401);
      expect((await hit('/me/requests', { base, bearer: dora.token, json: { teamId: fx.teamA, kind: 'swap', body: { turnKey: fx.turn.dora, note: '' } } })).status).toBe(401);
      expect((await hit('/me/requests', { base, ...as(dora, 'cookie'), form: leaveForm() })).headers.get('location')).toBe('/login');
      expect((await hit(`/feed/${secret}.ics`, { base })).status).toBe(404);
    }
    expect(changedTables(before, await dbState())).toEqual([]);
    const browser = await hit('/login', { form: { email: dora.email, password: PASSWORD } });
    expect(browser.status).toBe(401);
    expect(browser.headers.get('set-cookie')).toBeNull();
    const app = await hit('/login', { base: hub2.url, json: { email: dora.email, password: PASSWORD, client: 'app' } });
    expect(app.status).toBe(401);
    expect(app.text).not.toContain('token');
    expect(changedTables(before, await dbState())).toEqual([]);
  });

  it('a disabled lead can no longer read or publish the team', async () => {
    const hash = (await pool.query('SELECT password_hash FROM account WHERE id = $1', [fx.leadA.id])).rows[0].password_hash as string;
    const id = await accountRow('lead-a2@alpha.example', 'Lena Alpha', 'lead', hash, [fx.teamA]);
    const lena = await sessionsOf(id, 'lead-a2@alpha.example', 'Lena Alpha');
    expect((await hit(`/api/teams/${fx.teamA}/manifest`, as(lena, 'bearer'))).status).toBe(200);
    await pool.query('UPDATE account SET disabled_at = now() WHERE id = $1', [id]);
    const before = await dbState();
    expect((await hit(`/api/teams/${fx.teamA}/manifest`, as(lena, 'bearer'))).status).toBe(401);
    expect((await hit(`/api/teams/${fx.teamA}/requests`, as(lena, 'cookie'))).status).toBe(401);
    const publish = await hit(`/api/teams/${fx.teamA}/publish`, { ...as(lena, 'bearer'), json: { publishId: newPublishId('disabled'), baseVersion: await teamVersion(fx.teamA), upserts: [], deletes: ['shift/s3'] } });
    expect(publish.status).toBe(401);
    expect(changedTables(before, await dbState())).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// 6. Headers.

describe('headers', () => {
  it('session cookies are HttpOnly, SameSite=Strict and for the whole site, at login, on joining and when cleared at logout; the language cookie holds only a language code', async () => {
    const login = await hit('/login', { form: { email: fx.manager.email, password: PASSWORD } });
    const token = await createInvitation(pool, { email: 'cookie-check@alpha.example', role: 'agent', teamIds: [], createdBy: null });
    const joined = await hit(`/invite/${token}`, { form: { name: 'Cookie Check', password: PASSWORD } });
    const cookie = sessionCookieOf(joined);
    const { csrf } = await browserOf(hub1.url, cookie);
    const out = await hit('/logout', { cookie, csrf, form: {} });
    for (const [what, answer] of [
      ['login', login],
      ['joining', joined],
      ['logout', out],
    ] as const) {
      const set = answer.headers.get('set-cookie') ?? '';
      expect(set, what).toMatch(/^rd_session=/);
      expect(set, what).toMatch(/; HttpOnly(;|$)/);
      expect(set, what).toMatch(/; SameSite=Strict(;|$)/);
      expect(set, what).toMatch(/; Path=\/(;|$)/);
    }
    const language = await hit('/language', { form: { language: 'tr' } });
    expect(language.headers.get('set-cookie')).toMatch(/^rd_language=tr; Path=\/; HttpOnly; SameSite=(Lax|Strict);/);
  });

  it('behind an https address (publicUrl), the session cookie is also Secure, and a post whose Origin is the plain-http host is refused as foreign', async () => {
    const proxied = await startHub({ pgUrl: String(pool.options.connectionString), listen: '127.0.0.1:0', publicUrl: 'https://hub.example', productVersion: 'test', log: (line) => void logs.push(line) });
    try {
      const login = await hit('/login', { base: proxied.url, form: { email: fx.manager.email, password: PASSWORD }, headers: { origin: 'https://hub.example' } });
      expect(login.status).toBe(303);
      expect(login.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/);
      const before = await dbState();
      const foreign = await hit('/login', { base: proxied.url, form: { email: fx.manager.email, password: PASSWORD }, headers: { origin: proxied.url } });
      expect(foreign.status).toBe(403);
      expect(changedTables(before, await dbState(), [])).toEqual([]);
    } finally {
      await proxied.close();
    }
  });

  it('every answer of this file and of each route (pages, API, feed, redirects, errors, 404, 405, 413, a malformed address) carries the CSP, X-Frame-Options, nosniff and a referrer policy that keeps addresses on the site; API, feed and page answers are never cacheable; no answer allows another origin', async () => {
    const secret = fx.olaFeedSecret;
    const own: Answer[] = [];
    const add = async (p: Promise<Answer>) => void own.push(await p);
    await add(hit('/'));
    await add(hit('/', { cookie: fx.ayse.cookie }));
    await add(hit('/login'));
    await add(hit('/hub.css'));
    await add(hit('/healthz'));
    await add(hit('/me', { cookie: fx.ayse.cookie }));
    await add(hit('/me'));
    await add(hit('/lead', { cookie: fx.leadA.cookie }));
    await add(hit('/department', { cookie: fx.manager.cookie }));
    await add(hit(`/department?day=${DAY_A}`, { cookie: fx.manager.cookie }));
    await add(hit(`/api/department?day=${DAY_A}`, { bearer: fx.manager.token }));
    await add(hit('/api/department?day=yesterday', { bearer: fx.manager.token }));
    await add(hit('/api/department', { bearer: fx.ayse.token }));
    await add(hit('/api/me', { cookie: fx.ayse.cookie }));
    await add(hit('/api/me'));
    await add(hit('/api/me/schedule', { bearer: fx.ayse.token }));
    await add(hit('/api/me/requests', { bearer: fx.ayse.token }));
    await add(hit('/api/teams', { bearer: fx.manager.token }));
    await add(hit(`/api/teams/${fx.teamA}/manifest`, { bearer: fx.leadA.token }));
    await add(hit(`/api/teams/${fx.teamA}/requests`, { bearer: fx.leadA.token }));
    await add(hit(`/api/teams/${fx.teamA}/manifest`, { bearer: fx.leadA.token, method: 'DELETE' }));
    await add(hit(`/api/teams/${fx.teamA}/publish`, { bearer: fx.leadA.token, method: 'PUT' }));
    await add(hit('/me/requests', { ...as(fx.ayse, 'cookie'), form: { note: 'x'.repeat(20_000) } }));
    await add(hit(`/feed/${secret}.ics`));
    await add(hit(`/feed/${'A'.repeat(43)}.ics`));
    await add(hit(`/invite/${fx.openInviteB}`));
    await add(hit('/nothing-here'));
    await add(hit('//'));
    expect(own.map((a) => a.status)).toContain(405);
    expect(own.map((a) => a.status)).toContain(413);
    expect(own.find((a) => a.url.endsWith('//'))?.status).toBe(400);

    const problems: string[] = [];
    for (const a of [...answers, ...own]) {
      const path = new URL(a.url).pathname;
      const tag = `${a.method} ${path} → ${a.status}`;
      if (!(a.headers.get('content-security-policy') ?? '').includes("frame-ancestors 'none'")) problems.push(`${tag}: no CSP`);
      if (a.headers.get('x-frame-options') !== 'DENY') problems.push(`${tag}: no X-Frame-Options`);
      if (a.headers.get('x-content-type-options') !== 'nosniff') problems.push(`${tag}: no nosniff`);
      // An address holding an invitation token or a feed secret never goes to another site as a referrer.
      if (!['same-origin', 'no-referrer'].includes(a.headers.get('referrer-policy') ?? '')) problems.push(`${tag}: Referrer-Policy ${a.headers.get('referrer-policy')}`);
      if (a.headers.get('access-control-allow-origin') !== null) problems.push(`${tag}: allows origin ${a.headers.get('access-control-allow-origin')}`);
      const cacheable = path === '/hub.css';
      if (!cacheable && !(a.headers.get('cache-control') ?? '').includes('no-store')) problems.push(`${tag}: cacheable (${a.headers.get('cache-control')})`);
    }
    expect(problems.slice(0, 40)).toEqual([]);
  });
});
