import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemName, planDiff, type PlanItem } from '../../core/hub-plan';
import { FutureSchemaError, HUB_MIGRATIONS, migrate } from '../../hub/migrations';
import { connect } from '../../hub/pg';
import { startHub } from '../../hub/server';
import { api, appToken, browserOf, PASSWORD, samplePlan, soonDay, testHub, type TestHub } from '../helpers/hub';
import { startPostgres, type Postgres } from '../helpers/postgres';

let pg: Postgres;
beforeAll(() => {
  pg = startPostgres();
});
afterAll(() => pg.stop());

const hubs: TestHub[] = [];
async function fresh(): Promise<TestHub> {
  const h = await testHub(pg);
  hubs.push(h);
  return h;
}
afterAll(async () => {
  for (const h of hubs.splice(0)) await h.close();
});

/** A lead of a new team who has published `plan` to it; returns the team and the lead's API. */
async function publishedTeam(h: TestHub, leadEmail: string, plan: PlanItem[]) {
  const teamId = await h.team('Destek');
  await h.join(leadEmail, 'lead', [teamId]);
  const lead = api(h.hub.url, await appToken(h.hub.url, leadEmail));
  const first = await lead.get(`/api/teams/${teamId}/manifest`);
  const diff = planDiff(new Map(Object.entries(first.body.held as Record<string, string>)), plan);
  const done = await lead.post(`/api/teams/${teamId}/publish`, { publishId: `first-publish-${teamId}-xxxx`, baseVersion: first.body.version, upserts: diff.upserts, deletes: diff.deletes });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return { teamId, lead };
}

describe('the schema', () => {
  it('migrates once, from several processes at once, and refuses a newer database without changing it', async () => {
    const url = await pg.database('schema_test');
    const pools = [connect(url, 2), connect(url, 2), connect(url, 2)];
    const found = await Promise.all(pools.map((p) => migrate(p)));
    // One of them migrated from nothing; the others waited on the lock and found it done.
    expect(found.sort()).toEqual([0, HUB_MIGRATIONS.length, HUB_MIGRATIONS.length]);
    const [pool] = pools;
    if (!pool) throw new Error('no pool');
    await pool.query('UPDATE hub_schema SET version = 99');
    await expect(migrate(pool)).rejects.toBeInstanceOf(FutureSchemaError);
    expect((await pool.query('SELECT version FROM hub_schema')).rows[0]).toEqual({ version: 99 });
    await Promise.all(pools.map((p) => p.end()));
  });
});

describe('accounts and sessions', () => {
  it('makes an account from a one-time invitation, with an HttpOnly SameSite cookie, and refuses the link a second time', async () => {
    const h = await fresh();
    const { createInvitation } = await import('../../hub/accounts');
    const token = await createInvitation(h.pool, { email: 'Ayse@Example.com', role: 'agent', teamIds: [], createdBy: null });
    const page = await (await fetch(`${h.hub.url}/invite/${token}`)).text();
    expect(page).toContain('ayse@example.com');
    const short = await fetch(`${h.hub.url}/invite/${token}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=Ay%C5%9Fe&password=short' });
    expect(short.status).toBe(422);
    expect(await short.text()).toContain('at least 10 characters');
    const joined = await fetch(`${h.hub.url}/invite/${token}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ name: 'Ayşe', password: PASSWORD }) });
    expect(joined.status).toBe(303);
    const setCookie = joined.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const again = await fetch(`${h.hub.url}/invite/${token}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ name: 'Mallory', password: PASSWORD }) });
    expect(again.status).toBe(410);
    const accounts = await h.pool.query('SELECT email, name, password_hash FROM account');
    expect(accounts.rows).toHaveLength(1);
    expect(accounts.rows[0].name).toBe('Ayşe');
    expect(accounts.rows[0].password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('limits wrong passwords per email: the sixth try is refused even with the right one', async () => {
    const h = await fresh();
    await h.join('kemal@example.com', 'agent');
    const tryLogin = (password: string) => fetch(`${h.hub.url}/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: 'kemal@example.com', password }) });
    for (let i = 0; i < 5; i += 1) expect((await tryLogin('wrong password!')).status).toBe(401);
    const blocked = await tryLogin(PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('900');
    // An unknown email is refused the same way as a wrong password.
    const unknown = await fetch(`${h.hub.url}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.com', password: PASSWORD, client: 'app' }) });
    expect(unknown.status).toBe(401);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('wrong_login');
  });

  it('ends a session at logout for good: the same cookie opens nothing afterwards, on any hub process', async () => {
    const h = await fresh();
    const agent = await h.join('zofia@example.com', 'agent');
    const second = await startHub({ pgUrl: h.dbUrl, listen: '127.0.0.1:0', productVersion: 'test', log: () => undefined });
    try {
      // The session started on the first process is served by the second.
      expect((await fetch(`${second.url}/api/me`, { headers: { cookie: agent.cookie } })).status).toBe(200);
      const out = await fetch(`${second.url}/logout`, { method: 'POST', redirect: 'manual', headers: { cookie: agent.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: agent.csrf }) });
      expect(out.status).toBe(303);
      for (const base of [h.hub.url, second.url]) {
        expect((await fetch(`${base}/api/me`, { headers: { cookie: agent.cookie } })).status).toBe(401);
        expect((await fetch(`${base}/me`, { redirect: 'manual', headers: { cookie: agent.cookie } })).headers.get('location')).toBe('/login');
      }
    } finally {
      await second.close();
    }
  });

  it('refuses a form posted without its CSRF token or from another site, and changes nothing', async () => {
    const h = await fresh();
    const agent = await h.join('reza@example.com', 'agent');
    const feeds = async () => Number((await h.pool.query('SELECT count(*)::int AS n FROM feed')).rows[0].n);
    expect((await agent.form('/me/feed', {}, { csrf: null })).status).toBe(403);
    expect((await agent.form('/me/feed', {}, { csrf: 'x'.repeat(43) })).status).toBe(403);
    expect((await agent.form('/me/feed', {}, { origin: 'https://evil.example' })).status).toBe(403);
    const crossSite = await fetch(`${h.hub.url}/me/feed`, { method: 'POST', headers: { cookie: agent.cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' }, body: new URLSearchParams({ _csrf: agent.csrf }) });
    expect(crossSite.status).toBe(403);
    expect(await feeds()).toBe(0);
    expect((await agent.form('/me/feed', {}, { origin: h.hub.url })).status).toBe(200);
    expect(await feeds()).toBe(1);
  });

  it('sends its security headers on every answer', async () => {
    const h = await fresh();
    for (const path of ['/login', '/hub.css', '/api/me', '/nothing-here']) {
      const res = await fetch(`${h.hub.url}${path}`);
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'none'");
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });
});

describe('publishing', () => {
  const people = [
    { key: 'p1', name: 'Ayşe Yılmaz', email: 'ayse@example.com' },
    { key: 'p2', name: 'Mehmet Kaya', email: 'mehmet@example.com' },
  ];

  it('applies a diff once: a repeat changes nothing, a stale one is refused, and only changed items travel', async () => {
    const h = await fresh();
    const plan = samplePlan(people);
    const { teamId, lead } = await publishedTeam(h, 'lead@example.com', plan);
    const held = await lead.get(`/api/teams/${teamId}/manifest`);
    expect(held.body.version).toBe(1);
    expect(Object.keys(held.body.held as object).sort()).toEqual(plan.map(itemName).sort());

    // Mehmet's shift moves an hour; Ayşe's is gone.
    const next = plan.filter((i) => i.key !== 's1').map((i) => (i.kind === 'shift' && i.key === 's2' ? { ...i, startsAt: '2026-12-01T06:00:00Z', body: { ...i.body, startLocal: '09:00' } } : i));
    const diff = planDiff(new Map(Object.entries(held.body.held as Record<string, string>)), next);
    expect(diff.upserts.map(itemName)).toEqual(['shift/s2']);
    expect(diff.deletes).toEqual(['shift/s1']);
    const body = { publishId: 'second-publish-0001', baseVersion: 1, upserts: diff.upserts, deletes: diff.deletes };
    expect((await lead.post(`/api/teams/${teamId}/publish`, body)).body).toEqual({ version: 2, upserts: 1, deletes: 1, repeated: false });
    // The same publish again (an answer lost on the way): the same answer, nothing applied twice.
    expect((await lead.post(`/api/teams/${teamId}/publish`, body)).body).toEqual({ version: 2, upserts: 1, deletes: 1, repeated: true });
    // A publish made against version 1 by someone who did not look again.
    const stale = await lead.post(`/api/teams/${teamId}/publish`, { ...body, publishId: 'third-publish-00001' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', field: 'baseVersion' });
    const after = await lead.get(`/api/teams/${teamId}/manifest`);
    expect(after.body.version).toBe(2);
    expect(Object.keys(after.body.held as object)).not.toContain('shift/s1');
  });

  it('refuses a bad item by where it is, and writes nothing of a publish that fails half-way', async () => {
    const h = await fresh();
    const plan = samplePlan(people);
    const { teamId, lead } = await publishedTeam(h, 'lead@example.com', plan);
    const count = async () => Number((await h.pool.query('SELECT count(*)::int AS n FROM plan_item WHERE team_id = $1', [teamId])).rows[0].n);
    const before = await count();
    const bad = await lead.post(`/api/teams/${teamId}/publish`, { publishId: 'bad-publish-000001', baseVersion: 1, upserts: [{ ...plan[3], startsAt: 'tomorrow' }], deletes: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'bad_request', field: 'upserts.0.startsAt' });
    // A publish whose last statement fails inside the database (a trigger refuses its record, the
    // way a full disk or a killed connection would): its upserts and deletes are undone with it.
    await h.pool.query(`CREATE FUNCTION refuse_marked() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.id = 'fails-at-the-end-01' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
    await h.pool.query('CREATE TRIGGER refuse_marked BEFORE INSERT ON publish FOR EACH ROW EXECUTE FUNCTION refuse_marked()');
    const extra = samplePlan([{ key: 'p3', name: 'Can', email: null }]).slice(1);
    const half = await lead.post(`/api/teams/${teamId}/publish`, { publishId: 'fails-at-the-end-01', baseVersion: 1, upserts: extra, deletes: ['shift/s1'] });
    expect(half.status).toBe(500);
    expect(half.body.error).toMatchObject({ code: 'internal' });
    expect(await count()).toBe(before);
    expect(Object.keys((await lead.get(`/api/teams/${teamId}/manifest`)).body.held as object)).toContain('shift/s1');
    for (const [field, item] of [
      ['upserts.0.startsAt', { ...plan[3], startsAt: '0000-01-01T00:00:00Z' }],
      ['upserts.0.body.name', { ...plan[1], body: { ...(plan[1] as { body: object }).body, name: 'Ay\u0000e' } }],
    ] as const) {
      const refused = await lead.post(`/api/teams/${teamId}/publish`, { publishId: 'refused-publish-0001', baseVersion: 1, upserts: [item], deletes: [] });
      expect(refused.status, field).toBe(400);
      expect(refused.body.error, field).toMatchObject({ code: 'bad_request', field });
    }
    expect((await lead.get(`/api/teams/${teamId}/manifest`)).body.version).toBe(1);
  });
});

describe('who sees what', () => {
  it('shows agents their own shifts and leads only their own teams; every other id answers not found', async () => {
    const h = await fresh();
    const plan = samplePlan([
      { key: 'p1', name: 'Ayşe', email: 'ayse@example.com' },
      { key: 'p2', name: 'Mehmet', email: 'mehmet@example.com' },
    ]);
    const a = await publishedTeam(h, 'lead-a@example.com', plan);
    const b = await publishedTeam(h, 'lead-b@example.com', samplePlan([{ key: 'p1', name: 'Ola', email: 'ola@example.com' }]));
    const ayse = await h.join('ayse@example.com', 'agent');
    const schedule = (await (await ayse.get('/api/me/schedule')).json()) as { memberships: { teamId: number; items: PlanItem[] }[] };
    expect(schedule.memberships.map((m) => m.teamId)).toEqual([a.teamId]);
    expect(schedule.memberships[0]?.items.map((i) => i.key)).toEqual(['s1', plan.find((i) => i.kind === 'oncall' && i.personKey === 'p1')?.key]);
    // An agent is not a lead: no manifest or publish of any team, theirs included.
    for (const teamId of [a.teamId, b.teamId]) {
      expect((await ayse.get(`/api/teams/${teamId}/manifest`)).status).toBe(403);
    }
    // Lead A cannot read or write team B, and B's answer is the same as for a team that does not exist.
    const forB = await a.lead.get(`/api/teams/${b.teamId}/manifest`);
    const none = await a.lead.get('/api/teams/999999/manifest');
    expect(forB.status).toBe(404);
    expect(forB.body).toEqual(none.body);
    expect((await a.lead.post(`/api/teams/${b.teamId}/publish`, { publishId: 'foreign-publish-0001', baseVersion: 1, upserts: [], deletes: ['shift/s1'] })).status).toBe(404);
    expect((await a.lead.get('/api/teams')).body).toEqual([expect.objectContaining({ id: a.teamId })]);
  });
});

describe("the team's week", () => {
  it('shows members their colleagues’ shifts and turns but not their leave; other teams’ agents get not found', async () => {
    const h = await fresh();
    const day = soonDay();
    const plan: PlanItem[] = [
      ...samplePlan([
        { key: 'p1', name: 'Ayşe', email: 'ayse.week@example.com' },
        { key: 'p2', name: 'Mehmet', email: 'mehmet.week@example.com' },
      ], day),
      { kind: 'leave', key: 'a9', personKey: 'p2', body: { type: 'Sick leave', typeKey: null, firstDay: day, lastDay: day, hours: null, status: 'approved', hubRequestId: null } },
    ];
    const a = await publishedTeam(h, 'lead-week@example.com', plan);
    const b = await publishedTeam(h, 'lead-other@example.com', samplePlan([{ key: 'p1', name: 'Ola', email: 'ola.week@example.com' }], day));
    const ayse = await h.join('ayse.week@example.com', 'agent');
    const ola = await h.join('ola.week@example.com', 'agent');
    const boss = await h.join('boss.week@example.com', 'manager');

    const week = (await (await ayse.get(`/api/teams/${a.teamId}/schedule?week=${day}`)).json()) as { days: string[]; me: string; entries: { kind: string; person: string; day: string }[] };
    expect(week.days).toContain(day);
    expect(week.me).toBe('p1');
    expect(week.entries.filter((e) => e.kind === 'shift').map((e) => [e.person, e.day])).toEqual([['Ayşe', day], ['Mehmet', day]]);
    expect(week.entries.some((e) => e.kind === 'oncall' && e.person === 'Mehmet')).toBe(true);
    const page = await (await ayse.get(`/team/${a.teamId}?week=${day}`)).text();
    expect(page).toContain('<strong><bdi>Ayşe</bdi> (you)</strong>');
    expect(page).toContain('<bdi>Mehmet</bdi>');
    // A colleague's leave (here, sick leave) is not the team's business.
    expect(JSON.stringify(week)).not.toMatch(/Sick|leave/i);
    expect(page).not.toMatch(/Sick leave/);
    // The agent's own page links to it.
    expect(await (await ayse.get('/me')).text()).toContain(`href="/team/${a.teamId}"`);

    // Another team's agent, an unknown team and a malformed id: the same not found.
    const foreign = await ola.get(`/api/teams/${a.teamId}/schedule`);
    const unknown = await ola.get('/api/teams/999999/schedule');
    expect([foreign.status, unknown.status, (await ola.get('/team/x1')).status]).toEqual([404, 404, 404]);
    expect(await foreign.json()).toEqual(await unknown.json());
    expect((await ola.get(`/api/teams/${b.teamId}/schedule`)).status).toBe(200);
    // Its lead sees it; another team's lead and the department's manager (figures, not people) do not.
    expect((await a.lead.get(`/api/teams/${a.teamId}/schedule`)).status).toBe(200);
    expect((await b.lead.get(`/api/teams/${a.teamId}/schedule`)).status).toBe(404);
    expect((await boss.get(`/api/teams/${a.teamId}/schedule`)).status).toBe(404);
    // A bad week is refused by name.
    const bad = await ayse.get(`/api/teams/${a.teamId}/schedule?week=2026-02-30`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('week');
  });
});

describe('many readers at once', () => {
  it('reads a batch of sessions in one query, each answer its own: ended, unknown and wrong-client tokens find nothing', async () => {
    const h = await fresh();
    const people = ['ada', 'bora', 'cem'].map((n, i) => ({ key: `p${i + 1}`, name: n, email: `${n}@example.com` }));
    await publishedTeam(h, 'lead-batch@example.com', samplePlan(people));
    const browsers = await Promise.all(people.map((p) => h.join(p.email, 'agent')));
    const token = (b: { cookie: string }) => b.cookie.slice('rd_session='.length);
    const [ada, bora, cem] = browsers.map(token);
    if (!ada || !bora || !cem) throw new Error('no tokens');
    await h.pool.query("UPDATE session SET ended_at = now() WHERE account_id = (SELECT id FROM account WHERE email = 'bora@example.com')");
    const app = await appToken(h.hub.url, 'cem@example.com');
    const { sessionSchedules } = await import('../../hub/plans');
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const found = await sessionSchedules(h.pool, [
      { token: cem, client: 'browser' },
      { token: 'x'.repeat(43), client: 'browser' },
      { token: bora, client: 'browser' },
      { token: ada, client: 'browser' },
      { token: app, client: 'browser' },
      { token: app, client: 'app' },
      { token: 'short', client: 'browser' },
    ], ['shift'], from, to);
    const who = found.map((f) => (f ? `${f.session.account.email}:${(JSON.parse(f.memberships) as { items: PlanItem[] }[])[0]?.items.map((i) => i.key).join()}` : null));
    expect(who).toEqual(['cem@example.com:s3', null, null, 'ada@example.com:s1', null, 'cem@example.com:s3', null]);
  });

  it('gives forty agents reading at the same moment each their own schedule and page, and refuses the ended and unknown among them', async () => {
    const h = await fresh();
    const people = Array.from({ length: 40 }, (_, i) => ({ key: `p${i + 1}`, name: `Kişi ${i + 1}`, email: `kisi${i + 1}@example.com` }));
    await publishedTeam(h, 'lead-burst@example.com', samplePlan(people));
    const browsers = await Promise.all(people.map((p) => h.join(p.email, 'agent')));
    const ended = await h.join('gone@example.com', 'agent');
    await ended.form('/logout', {});
    const reads = await Promise.all([
      ...browsers.map(async (b) => {
        const [schedule, page] = await Promise.all([b.get('/api/me/schedule'), b.get('/me')]);
        const items = ((await schedule.json()) as { memberships: { items: PlanItem[] }[] }).memberships[0]?.items ?? [];
        const html = await page.text();
        return { status: [schedule.status, page.status], shifts: items.filter((it) => it.kind === 'shift').map((it) => it.key), who: /<bdi class="who">([^<]*)<\/bdi>/.exec(html)?.[1] ?? null, csrf: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] === b.csrf };
      }),
      (async () => ({ status: [(await ended.get('/api/me/schedule')).status, (await ended.get('/me')).status], shifts: [], who: null, csrf: false }))(),
      (async () => ({ status: [(await fetch(`${h.hub.url}/api/me/schedule`, { headers: { cookie: `rd_session=${'y'.repeat(43)}` } })).status, 0], shifts: [], who: null, csrf: false }))(),
    ]);
    expect(reads.slice(0, 40).map((r) => r.shifts)).toEqual(people.map((_, i) => [`s${i + 1}`]));
    // The page names its reader and carries their own session's CSRF token.
    expect(reads.slice(0, 40).map((r) => [r.who, r.csrf])).toEqual(people.map((_, i) => [`kisi${i + 1}`, true]));
    expect(reads.slice(0, 40).every((r) => r.status[0] === 200 && r.status[1] === 200)).toBe(true);
    expect(reads.slice(40).map((r) => r.status)).toEqual([[401, 303], [401, 0]]);
  });
});

describe('the calendar feed', () => {
  it('serves the agent their shifts at a secret address, which a new address or turning it off revokes', async () => {
    const h = await fresh();
    await publishedTeam(h, 'lead@example.com', samplePlan([{ key: 'p1', name: 'Ayşe', email: 'ayse@example.com' }], soonDay()));
    const ayse = await h.join('ayse@example.com', 'agent');
    const page = await (await ayse.form('/me/feed', {})).text();
    const first = /value="(http[^"]+\.ics)"/.exec(page)?.[1];
    expect(first).toBeDefined();
    const ics = await (await fetch(first ?? '')).text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(`DTSTART:${soonDay().replaceAll('-', '')}T050000Z`);
    expect(ics).toContain('SUMMARY:08:00–16:00 E · phone');
    const renewed = /value="(http[^"]+\.ics)"/.exec(await (await ayse.form('/me/feed', {})).text())?.[1];
    expect((await fetch(first ?? '')).status).toBe(404);
    expect((await fetch(renewed ?? '')).status).toBe(200);
    await ayse.form('/me/feed/off', {});
    expect((await fetch(renewed ?? '')).status).toBe(404);
  });
});

describe('the pages', () => {
  it('greets an agent in their language, Persian right to left with Persian digits', async () => {
    const h = await fresh();
    await publishedTeam(h, 'lead@example.com', samplePlan([{ key: 'p1', name: 'Reza', email: 'reza@example.com' }]));
    const reza = await h.join('reza@example.com', 'agent');
    const set = await reza.form('/language', { language: 'fa' });
    expect(set.status).toBe(303);
    const page = await (await browserOf(h.hub.url, reza.cookie)).get('/me');
    const text = await page.text();
    expect(text).toContain('<html lang="fa" dir="rtl">');
    expect(text).toContain('۰۸:۰۰–۱۶:۰۰');
    expect(text).toContain('شیفت‌ها و کشیک‌های من');
    // Errors in Persian too, and leave asked for in Solar Hijri days (Persian digits), read back as the planner reads them.
    const wrong = await reza.form('/me/requests', { teamId: text.match(/name="teamId" value="(\d+)"/)?.[1] ?? '', kind: 'leave', typeId: '1', calendar: 'persian', firstDay: '۱۴۰۹/۰۱/۰۱', lastDay: '۱۴۰۸/۰۱/۰۱' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('چیزی در فرم درست نیست');
    const ok = await reza.form('/me/requests', { teamId: text.match(/name="teamId" value="(\d+)"/)?.[1] ?? '', kind: 'leave', typeId: '1', calendar: 'persian', firstDay: '۱۴۰۹/۰۱/۰۱', lastDay: '1409/1/2' });
    expect(ok.status).toBe(201);
    const asked = (await (await reza.get('/api/me/requests')).json()) as { mine: { body: { firstDay: string; lastDay: string } }[] };
    // 1 Farvardin 1409 is 21 March 2030.
    expect(asked.mine[0]?.body).toMatchObject({ firstDay: '2030-03-21', lastDay: '2030-03-22' });
  });
});

describe('requests', () => {
  const people = [
    { key: 'p1', name: 'Ayşe', email: 'ayse@example.com' },
    { key: 'p2', name: 'Mehmet', email: 'mehmet@example.com' },
  ];

  it('carries a leave request to the lead and the decision back with the next publish', async () => {
    const h = await fresh();
    const plan = samplePlan(people);
    const { teamId, lead } = await publishedTeam(h, 'lead@example.com', plan);
    const ayse = await h.join('ayse@example.com', 'agent');
    const day = soonDay(10);
    const filed = await ayse.form('/me/requests', { teamId: String(teamId), kind: 'leave', typeId: '1', firstDay: day, lastDay: day, note: 'Düğün' });
    expect(filed.status).toBe(201);
    expect(await filed.text()).toContain('Sent to your lead.');
    const wrongType = await ayse.form('/me/requests', { teamId: String(teamId), kind: 'leave', typeId: '9', firstDay: day, lastDay: day });
    expect(wrongType.status).toBe(400);
    const backwards = await fetch(`${h.hub.url}/me/requests`, { method: 'POST', headers: { cookie: ayse.cookie, 'content-type': 'application/json', 'x-csrf-token': ayse.csrf }, body: JSON.stringify({ teamId, kind: 'leave', body: { typeId: 1, firstDay: day, lastDay: soonDay(5), note: '' } }) });
    expect(backwards.status).toBe(400);
    expect(((await backwards.json()) as { error: { field: string } }).error.field).toBe('body.lastDay');

    const pulled = await lead.get(`/api/teams/${teamId}/requests`);
    expect(pulled.body).toEqual([expect.objectContaining({ personKey: 'p1', kind: 'leave', state: 'pending', decision: null, body: { typeId: 1, firstDay: day, lastDay: day, note: 'Düğün' } })]);
    const request = (pulled.body as unknown as { id: number; updatedAt: string }[])[0];
    if (!request) throw new Error('no request');
    // Nothing new since the last pull.
    expect((await lead.get(`/api/teams/${teamId}/requests?since=${encodeURIComponent(request.updatedAt)}`)).body).toEqual([]);

    const leave: PlanItem = { kind: 'leave', key: 'a7', personKey: 'p1', body: { firstDay: day, lastDay: day, type: 'Annual leave', typeKey: null, status: 'approved', hours: null, hubRequestId: request.id } };
    const decided = await lead.post(`/api/teams/${teamId}/publish`, { publishId: 'decision-publish-001', baseVersion: 1, upserts: [leave], deletes: [], decisions: [{ requestId: request.id, decision: 'approved' }] });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const mine = (await (await ayse.get('/api/me/requests')).json()) as { mine: { decision: string }[] };
    expect(mine.mine[0]?.decision).toBe('approved');
    // Decided: the agent can no longer withdraw it.
    expect((await ayse.form(`/me/requests/${request.id}/withdraw`, {})).status).toBe(404);
  });

  it('lets only the owner withdraw, and refuses a publish deciding another team’s request without writing any of it', async () => {
    const h = await fresh();
    const a = await publishedTeam(h, 'lead-a@example.com', samplePlan(people));
    const b = await publishedTeam(h, 'lead-b@example.com', samplePlan([{ key: 'p1', name: 'Ola', email: 'ola@example.com' }]));
    const ayse = await h.join('ayse@example.com', 'agent');
    const mehmet = await h.join('mehmet@example.com', 'agent');
    const day = soonDay(12);
    await ayse.form('/me/requests', { teamId: String(a.teamId), kind: 'leave', typeId: '1', firstDay: day, lastDay: day });
    const id = ((await (await ayse.get('/api/me/requests')).json()) as { mine: { id: number }[] }).mine[0]?.id;
    expect((await mehmet.form(`/me/requests/${id}/withdraw`, {})).status).toBe(404);
    // Lead B decides a request of team A: refused, and B's plan change in the same publish is not applied.
    const before = (await b.lead.get(`/api/teams/${b.teamId}/manifest`)).body;
    const foreign = await b.lead.post(`/api/teams/${b.teamId}/publish`, { publishId: 'foreign-decision-01', baseVersion: 1, upserts: [], deletes: ['shift/s1'], decisions: [{ requestId: id, decision: 'declined' }] });
    expect(foreign.status).toBe(400);
    expect((await b.lead.get(`/api/teams/${b.teamId}/manifest`)).body).toEqual(before);
    expect((await ayse.form(`/me/requests/${id}/withdraw`, {})).status).toBe(303);
    const pulled = (await a.lead.get(`/api/teams/${a.teamId}/requests`)).body as unknown as { state: string }[];
    expect(pulled.map((r) => r.state)).toEqual(['withdrawn']);
  });

  it('lets a colleague of the same team take an offered on-call turn, once, and nobody else', async () => {
    const h = await fresh();
    const a = await publishedTeam(h, 'lead-a@example.com', samplePlan(people));
    await publishedTeam(h, 'lead-b@example.com', samplePlan([{ key: 'p1', name: 'Ola', email: 'ola@example.com' }]));
    const ayse = await h.join('ayse@example.com', 'agent');
    const mehmet = await h.join('mehmet@example.com', 'agent');
    const ola = await h.join('ola@example.com', 'agent');
    const plan = samplePlan(people);
    const ayseTurn = plan.find((i) => i.kind === 'oncall' && i.personKey === 'p1')?.key ?? '';
    const mehmetTurn = plan.find((i) => i.kind === 'oncall' && i.personKey === 'p2')?.key ?? '';
    // Offering someone else's turn is refused.
    expect((await ayse.form('/me/requests', { teamId: String(a.teamId), kind: 'swap', turnKey: mehmetTurn })).status).toBe(404);
    expect((await ayse.form('/me/requests', { teamId: String(a.teamId), kind: 'swap', turnKey: ayseTurn })).status).toBe(201);
    const offers = (await (await mehmet.get('/api/me/requests')).json()) as { offers: { id: number }[] };
    expect(offers.offers).toHaveLength(1);
    const id = offers.offers[0]?.id;
    expect(((await (await ola.get('/api/me/requests')).json()) as { offers: unknown[] }).offers).toEqual([]);
    expect((await ola.form(`/me/offers/${id}/accept`, {})).status).toBe(404);
    expect((await ayse.form(`/me/offers/${id}/accept`, {})).status).toBe(400);
    expect((await mehmet.form(`/me/offers/${id}/accept`, { inReturnKey: mehmetTurn })).status).toBe(303);
    expect((await mehmet.form(`/me/offers/${id}/accept`, {})).status).toBe(404);
    const pulled = (await a.lead.get(`/api/teams/${a.teamId}/requests`)).body as unknown as { kind: string; takerKey: string; inReturnKey: string }[];
    expect(pulled).toEqual([expect.objectContaining({ kind: 'swap', takerKey: 'p2', inReturnKey: mehmetTurn })]);
  });
});

describe("the administrator's page", () => {
  it('makes teams, invites a lead of one by a link shown once, and disables and enables accounts; nobody else may', async () => {
    const h = await fresh();
    const admin = await h.join('admin@example.com', 'admin');
    const agent = await h.join('agent.admin@example.com', 'agent');
    expect((await admin.get('/')).headers.get('location')).toBe('/admin');

    const made = await admin.form('/admin/teams', { name: 'Warszawa Wsparcie' });
    expect(made.status).toBe(201);
    expect(await made.text()).toContain('The team Warszawa Wsparcie is made');
    const teamId = Number((await h.pool.query("SELECT id FROM team WHERE name = 'Warszawa Wsparcie'")).rows[0].id);

    const invited = await admin.form('/admin/invitations', { email: 'Lider@Example.com', role: 'lead', [`team${teamId}`]: 'on' });
    expect(invited.status).toBe(201);
    const link = /value="(http[^"]+\/invite\/[^"]+)"/.exec(await invited.text())?.[1];
    if (!link) throw new Error('no invitation link on the page');
    // Listed as open, without its link (only the hash is kept).
    const listed = await (await admin.get('/admin')).text();
    expect(listed).toContain('lider@example.com');
    expect(listed).not.toContain(link);
    const joined = await fetch(link, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ name: 'Lider', password: PASSWORD }) });
    expect(joined.status).toBe(303);
    const leads = await h.pool.query("SELECT l.team_id FROM team_lead l JOIN account a ON a.id = l.account_id WHERE a.email = 'lider@example.com'");
    expect(leads.rows.map((r) => Number(r.team_id))).toEqual([teamId]);

    // A bad email is refused on the page, by name, and makes nothing.
    const invitations = async () => Number((await h.pool.query('SELECT count(*) AS n FROM invitation')).rows[0].n);
    const before = await invitations();
    const bad = await admin.form('/admin/invitations', { email: 'not an email', role: 'agent' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('class="problem"');
    expect(await invitations()).toBe(before);

    // Disabling ends the account's sessions on the next request; enabling lets the same session in again.
    const agentId = Number((await h.pool.query("SELECT id FROM account WHERE email = 'agent.admin@example.com'")).rows[0].id);
    expect((await admin.form(`/admin/accounts/${agentId}/disable`, {})).status).toBe(200);
    expect((await agent.get('/api/me')).status).toBe(401);
    expect((await admin.form(`/admin/accounts/${agentId}/enable`, {})).status).toBe(200);
    expect((await agent.get('/api/me')).status).toBe(200);
    // Not one's own account: the hub keeps an administrator who can undo.
    const adminId = Number((await h.pool.query("SELECT id FROM account WHERE email = 'admin@example.com'")).rows[0].id);
    expect((await admin.form(`/admin/accounts/${adminId}/disable`, {})).status).toBe(400);
    expect((await admin.get('/api/me')).status).toBe(200);

    // Nobody else: an agent gets a refusal and changes nothing; a form without its CSRF token neither.
    expect((await agent.get('/admin')).status).toBe(403);
    expect((await agent.form('/admin/teams', { name: 'Mallory' })).status).toBe(403);
    expect((await admin.form('/admin/teams', { name: 'Mallory' }, { csrf: null })).status).toBe(403);
    expect(Number((await h.pool.query("SELECT count(*) AS n FROM team WHERE name = 'Mallory'")).rows[0].n)).toBe(0);
  });
});

describe('the department page', () => {
  it('lines up every team’s coverage, who is on call now, and cost against budget, for managers only', async () => {
    const h = await fresh();
    const day = soonDay(0);
    const now = Date.now();
    const plan = (name: string, short: number): PlanItem[] => [
      ...samplePlan([{ key: 'p1', name: `${name} Bir`, email: `bir@${name}.example` }]).filter((i) => i.kind !== 'oncall'),
      { kind: 'oncall', key: `o1-${Math.floor(now / 1000) - 3600}`, personKey: 'p1', startsAt: new Date(now - 3_600_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString(), body: { rotation: 'Nöbet', startLocal: '2030-01-01T00:00', endLocal: '2030-01-01T02:00' } },
      { kind: 'coverage', key: `c${day}-phone`, body: { weekStart: day, channel: 'phone', requiredHours: 120, onShiftHours: 120 - short, shortHours: short } },
      { kind: 'cost', key: `m${day.slice(0, 7)}`, body: { month: day.slice(0, 7), cost: 410_000, standby: 9_000, budget: 400_000, currency: 'TRY', absenceRate: 0.05 } },
    ];
    await publishedTeam(h, 'lead-a@example.com', plan('istanbul', 12.5));
    await publishedTeam(h, 'lead-b@example.com', plan('warszawa', 0));
    const manager = await h.join('manager@example.com', 'manager');
    const answer = (await (await manager.get(`/api/department?day=${day}`)).json()) as { teams: { name: string; coverage: { shortHours: number }[]; onCall: { person: string }[]; cost: { cost: number; budget: number } }[] };
    expect(answer.teams).toHaveLength(2);
    expect(answer.teams.map((t) => t.coverage[0]?.shortHours).sort()).toEqual([0, 12.5]);
    expect(answer.teams.flatMap((t) => t.onCall.map((o) => o.person)).sort()).toEqual(['istanbul Bir', 'warszawa Bir']);
    expect(answer.teams[0]?.cost).toMatchObject({ cost: 410_000, budget: 400_000 });
    const page = await (await manager.get(`/department?day=${day}`)).text();
    expect(page).toContain('short by 12.5 h');
    expect(page).toContain('istanbul Bir');
    // Agents and leads see no department page; a bad day is refused by name.
    const agent = await h.join('bir@istanbul.example', 'agent');
    expect((await agent.get('/api/department')).status).toBe(403);
    expect((await manager.get('/api/department?day=tomorrow')).status).toBe(400);
    // The page steps a week at a time, and in Persian takes a Solar Hijri day (1405/09/08 is 29 November 2026).
    expect(page).toMatch(/href="\/department\?day=\d{4}-\d{2}-\d{2}"/);
    const ISO_OF_SOLAR = { solar: '1405/09/08', iso: '2026-11-29' };
    const persian = await (await manager.get(`/api/department?day=${encodeURIComponent(ISO_OF_SOLAR.solar)}&calendar=persian`)).json();
    expect(persian).toMatchObject({ day: ISO_OF_SOLAR.iso });
    expect((await manager.get(`/api/department?day=${encodeURIComponent('۱۴۰۵/۰۹/۰۸')}&calendar=persian`)).status).toBe(200);
    expect((await manager.get(`/api/department?day=${encodeURIComponent('1405/13/01')}&calendar=persian`)).status).toBe(400);
  });
});

describe('TLS', () => {
  it('serves HTTPS with a given certificate, and marks its cookies Secure', async () => {
    const h = await fresh();
    const dir = path.join(import.meta.dirname, '../fixtures/tls');
    const tls = await startHub({ pgUrl: h.dbUrl, listen: '127.0.0.1:0', tls: { certFile: path.join(dir, 'cert.pem'), keyFile: path.join(dir, 'key.pem') }, productVersion: 'test', log: () => undefined });
    try {
      expect(tls.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const { createInvitation } = await import('../../hub/accounts');
      const token = await createInvitation(h.pool, { email: 'tls@example.com', role: 'agent', teamIds: [], createdBy: null });
      const answer = await new Promise<{ status: number; cookie: string }>((resolve, reject) => {
        const body = new URLSearchParams({ name: 'T', password: PASSWORD }).toString();
        const req = https.request(`${tls.url}/invite/${token}`, { method: 'POST', ca: fs.readFileSync(path.join(dir, 'cert.pem')), headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, cookie: String(res.headers['set-cookie'] ?? '') });
        });
        req.on('error', reject);
        req.end(body);
      });
      expect(answer.status).toBe(303);
      expect(answer.cookie).toMatch(/; Secure/);
    } finally {
      await tls.close();
    }
  });
});
