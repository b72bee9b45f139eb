import { connect, type Pool } from '../../hub/pg';
import { migrate } from '../../hub/migrations';
import { createInvitation, type Role } from '../../hub/accounts';
import { createTeam } from '../../hub/plans';
import { startHub, type RunningHub } from '../../hub/server';
import type { PlanItem } from '../../core/hub-plan';
import type { Postgres } from './postgres';

/** A hub on a fresh database of a throwaway cluster, with what tests need to sign people in. */
export interface TestHub {
  hub: RunningHub;
  pool: Pool;
  dbUrl: string;
  /** An account made through its invitation, as a person would (the page's form); returns its browser cookie. */
  join(email: string, role: Role, teamIds?: number[], password?: string): Promise<Browser>;
  team(name: string): Promise<number>;
  close(): Promise<void>;
}

export const PASSWORD = 'correct horse battery';

/** A browser's side of a session: its cookie and the CSRF token the pages carry. */
export interface Browser {
  cookie: string;
  csrf: string;
  get(path: string, init?: RequestInit): Promise<Response>;
  /** A form post, with the CSRF token unless `csrf: null`. */
  form(path: string, fields: Record<string, string>, options?: { csrf?: string | null; origin?: string | null }): Promise<Response>;
}

let databases = 0;

export async function testHub(pg: Postgres): Promise<TestHub> {
  const dbUrl = await pg.database(`hub_${process.pid}_${(databases += 1)}`);
  const hub = await startHub({ pgUrl: dbUrl, listen: '127.0.0.1:0', productVersion: 'test', log: () => undefined });
  const pool = connect(dbUrl, 4);
  await migrate(pool);
  return {
    hub,
    pool,
    dbUrl,
    team: async (name) => (await createTeam(pool, name)).id,
    join: async (email, role, teamIds = [], password = PASSWORD) => {
      const token = await createInvitation(pool, { email, role, teamIds, createdBy: null });
      const res = await fetch(`${hub.url}/invite/${token}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ name: email.split('@')[0] ?? 'x', password, language: 'en' }) });
      if (res.status !== 303) throw new Error(`joining failed: ${res.status} ${await res.text()}`);
      return browserOf(hub.url, cookieOf(res));
    },
    close: async () => {
      await hub.close();
      await pool.end();
    },
  };
}

export function cookieOf(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  const m = /rd_session=([^;]*)/.exec(set);
  if (!m?.[1]) throw new Error(`no session cookie in ${set}`);
  return `rd_session=${m[1]}`;
}

/** A signed-in browser: reads its CSRF token from the page it was given. */
export async function browserOf(base: string, cookie: string): Promise<Browser> {
  const page = await (await fetch(`${base}/me`, { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  return {
    cookie,
    csrf,
    get: (path, init = {}) => fetch(`${base}${path}`, { redirect: 'manual', ...init, headers: { cookie, ...(init.headers as Record<string, string> | undefined) } }),
    form: (path, fields, options = {}) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...(options.origin ? { origin: options.origin } : {}) },
        body: new URLSearchParams({ ...fields, ...(options.csrf === null ? {} : { _csrf: options.csrf ?? csrf }) }),
      }),
  };
}

/** The desktop app's way in: a bearer token from /login. */
export async function appToken(base: string, email: string, password = PASSWORD): Promise<string> {
  const res = await fetch(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password, client: 'app' }) });
  if (res.status !== 200) throw new Error(`app login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export function api(base: string, token: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  return { get: (path: string) => call('GET', path), post: (path: string, body: unknown) => call('POST', path, body) };
}

/** A day a few days from now (YYYY-MM-DD): the sample plans stay in the future, whenever the tests run. */
export const soonDay = (daysAhead = 3): string => new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);

/** A small plan: the team, people (with emails), one shift each on `day`, and one on-call turn each the night after. */
export function samplePlan(people: { key: string; name: string; email: string | null }[], day = soonDay()): PlanItem[] {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return [
    { kind: 'team', key: 'team', body: { name: 'Destek', timeZone: 'Europe/Istanbul', country: 'TR', weekStartsOn: 1, leaveTypes: [{ id: 1, name: 'Annual leave', key: null }, { id: 2, name: 'Sick leave', key: null }], shiftTypes: [{ id: 1, name: 'Early', startLocal: '08:00', endLocal: '16:00' }] } },
    ...people.map((p): PlanItem => ({ kind: 'person', key: p.key, body: { name: p.name, email: p.email, skills: ['phone'], contractHoursPerWeek: 40, color: '#336699' } })),
    ...people.map((p, i): PlanItem => ({
      kind: 'shift',
      key: `s${i + 1}`,
      personKey: p.key,
      startsAt: `${day}T05:00:00Z`,
      endsAt: `${day}T13:00:00Z`,
      body: { day, startLocal: '08:00', endLocal: '16:00', code: 'E', skill: 'phone', paidMinutes: 450 },
    })),
    ...people.map((p, i): PlanItem => ({
      kind: 'oncall',
      key: `o1-${Date.parse(`${day}T15:00:00Z`) / 1000 + i * 86_400}`,
      personKey: p.key,
      startsAt: new Date(Date.parse(`${day}T15:00:00Z`) + i * 86_400_000).toISOString(),
      endsAt: new Date(Date.parse(`${next}T05:00:00Z`) + i * 86_400_000).toISOString(),
      body: { rotation: 'Nöbet', startLocal: `${day}T18:00`, endLocal: `${next}T08:00` },
    })),
  ];
}
