import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanItem } from '../../core/hub-plan';
import type { Service } from '../../db/service';
import { createInvitation } from '../../hub/accounts';
import { browserOf, PASSWORD, testHub, type TestHub } from '../helpers/hub';
import { startPostgres, type Postgres } from '../helpers/postgres';
import { freshService } from '../helpers/service';

/**
 * The lead's app and a real hub over a real PostgreSQL: connect, preview, publish, pull the
 * requests agents filed, decide them in the planner, and carry the decisions back.
 */

let pg: Postgres;
let h: TestHub;
beforeAll(async () => {
  pg = startPostgres();
  h = await testHub(pg);
});
afterAll(async () => {
  await h.close();
  pg.stop();
});

const FROM = '2026-11-23';
const TO = '2026-12-27';

async function call<T>(s: Service, method: string, input: unknown): Promise<T> {
  const r = await s.dispatchAsync(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function leadAndDemo() {
  const hubTeam = await h.team(`Destek ${Math.random()}`);
  const leadEmail = `lead${hubTeam}@example.com`;
  await h.join(leadEmail, 'lead', [hubTeam]);
  const s = freshService();
  const team = s.run('demo.create', {});
  return { s, team, hubTeam, leadEmail };
}

/** An agent of the hub signed in by email: the one made earlier in this file, or a new one. */
async function signIn(email: string) {
  const res = await fetch(`${h.hub.url}/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email, password: PASSWORD }) });
  if (res.status === 303) return browserOf(h.hub.url, /rd_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '');
  return h.join(email, 'agent');
}

/**
 * The demo team connected and published for the days from today to `days` ahead (the hub takes
 * offers of coming turns only, by its own clock, whenever the test runs): its people by plan key,
 * and its on-call turns starting more than a day from now.
 */
async function publishedDemo(days: number) {
  const demo = await leadAndDemo();
  const { s, team, leadEmail } = demo;
  const FROM = new Date().toISOString().slice(0, 10);
  const TO = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  await call(s, 'hub.connect', { teamId: team.id, url: h.hub.url, email: leadEmail, password: PASSWORD });
  await call(s, 'hub.publish', { teamId: team.id, from: FROM, to: TO, baseVersion: 0 });
  const people = new Map(s.run('person.list', { teamId: team.id }).map((p) => [`p${p.id}`, p]));
  const coming = s.run('hub.plan', { teamId: team.id, from: FROM, to: TO }).items.filter((i): i is Extract<PlanItem, { kind: 'oncall' }> => i.kind === 'oncall' && Date.parse(i.startsAt) > Date.now() + 86_400_000);
  return { ...demo, FROM, TO, people, coming };
}

describe('connecting a team to a hub', () => {
  it('refuses a wrong password and a non-lead account, and links on the right one', async () => {
    const { s, team, hubTeam, leadEmail } = await leadAndDemo();
    const wrong = await s.dispatchAsync('hub.connect', { teamId: team.id, url: h.hub.url, email: leadEmail, password: 'not the password' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'hub_refused', message: 'The email or the password is wrong.' } });
    // The hub says why in the planner's language.
    s.run('settings.set', { language: 'tr' });
    const turkish = await s.dispatchAsync('hub.connect', { teamId: team.id, url: h.hub.url, email: leadEmail, password: 'not the password' });
    expect(turkish).toMatchObject({ ok: false, error: { code: 'hub_refused', message: 'E-posta ya da parola yanlış.' } });
    s.run('settings.set', { language: 'en' });
    await h.join(`agent${hubTeam}@example.com`, 'agent');
    const agent = await s.dispatchAsync('hub.connect', { teamId: team.id, url: h.hub.url, email: `agent${hubTeam}@example.com`, password: PASSWORD });
    expect(agent).toMatchObject({ ok: false, error: { code: 'hub_refused', path: ['email'] } });
    const nowhere = await s.dispatchAsync('hub.connect', { teamId: team.id, url: 'http://127.0.0.1:9', email: leadEmail, password: PASSWORD });
    expect(nowhere).toMatchObject({ ok: false, error: { code: 'hub_unreachable' } });
    expect(s.run('hub.status', { teamId: team.id })).toBeNull();
    const { link } = await call<{ link: { hubTeamId: number } }>(s, 'hub.connect', { teamId: team.id, url: `${h.hub.url}/`, email: leadEmail, password: PASSWORD });
    expect(link.hubTeamId).toBe(hubTeam);
    expect(s.run('hub.status', { teamId: team.id })).toMatchObject({ url: h.hub.url, hubTeamId: hubTeam, lastVersion: null, waiting: 0 });
    s.close();
  });
});

describe('publishing and requests', () => {
  it('publishes what the preview showed, pulls a leave request as an absence asked for, and sends its approval back', async () => {
    const { s, team, leadEmail } = await leadAndDemo();
    await call(s, 'hub.connect', { teamId: team.id, url: h.hub.url, email: leadEmail, password: PASSWORD });
    const preview = await call<{ baseVersion: number; counts: { added: number; changed: number; removed: number } }>(s, 'hub.preview', { teamId: team.id, from: FROM, to: TO });
    const items = s.run('hub.plan', { teamId: team.id, from: FROM, to: TO }).items;
    expect(preview).toMatchObject({ baseVersion: 0, counts: { added: items.length, changed: 0, removed: 0 } });
    const first = await call<{ version: number; upserts: number }>(s, 'hub.publish', { teamId: team.id, from: FROM, to: TO, baseVersion: 0 });
    expect(first).toMatchObject({ version: 1, upserts: items.length });
    // Nothing changed: the next preview sends nothing.
    expect(await call(s, 'hub.preview', { teamId: team.id, from: FROM, to: TO })).toMatchObject({ baseVersion: 1, counts: { added: 0, changed: 0, removed: 0, unchanged: items.length } });
    // A publish against the version before is refused, and changes nothing on the hub.
    expect(await s.dispatchAsync('hub.publish', { teamId: team.id, from: FROM, to: TO, baseVersion: 0 })).toMatchObject({ ok: false, error: { code: 'hub_refused', path: ['baseVersion'] } });

    // Ayşe, a demo person, signs in on the hub and asks for leave.
    const token = await createInvitation(h.pool, { email: 'ayse.yilmaz@example.com', role: 'agent', teamIds: [], createdBy: null });
    const joined = await fetch(`${h.hub.url}/invite/${token}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ name: 'Ayşe', password: PASSWORD }) });
    const ayse = await browserOf(h.hub.url, /rd_session=[^;]*/.exec(joined.headers.get('set-cookie') ?? '')?.[0] ?? '');
    const schedule = (await (await ayse.get('/api/me/schedule')).json()) as { memberships: { teamId: number; leaveTypes: { id: number; name: string }[] }[] };
    const membership = schedule.memberships[0];
    if (!membership) throw new Error('Ayşe is in no published team');
    const vacation = membership.leaveTypes[0];
    expect((await ayse.form('/me/requests', { teamId: String(membership.teamId), kind: 'leave', typeId: String(vacation?.id), firstDay: '2026-12-16', lastDay: '2026-12-17', note: 'Aile' })).status).toBe(201);

    const pulled = await call<{ received: number; leave: number }>(s, 'hub.sync', { teamId: team.id });
    expect(pulled).toEqual({ received: 1, leave: 1, withdrawn: 0 });
    const asked = s.run('absence.list', { teamId: team.id, from: '2026-12-16', to: '2026-12-17' }).filter((a) => a.status === 'requested' && a.note === 'Aile');
    expect(asked).toHaveLength(1);
    // Pulling again brings nothing new and makes no second absence.
    expect(await call(s, 'hub.sync', { teamId: team.id })).toEqual({ received: 0, leave: 0, withdrawn: 0 });

    // Approved on the Absences page: the next publish carries the decision and the leave item names the request.
    const absenceId = asked[0]?.id ?? 0;
    s.run('absence.setStatus', { id: absenceId, status: 'approved' });
    expect(s.run('hub.status', { teamId: team.id })).toMatchObject({ decisionsToSend: 1 });
    const next = await call<{ baseVersion: number; counts: { decisions: number } }>(s, 'hub.preview', { teamId: team.id, from: FROM, to: TO });
    expect(next.counts.decisions).toBe(1);
    expect(await call(s, 'hub.publish', { teamId: team.id, from: FROM, to: TO, baseVersion: next.baseVersion })).toMatchObject({ decisions: 1 });
    expect(s.run('hub.status', { teamId: team.id })).toMatchObject({ decisionsToSend: 0 });
    const mine = (await (await ayse.get('/api/me/requests')).json()) as { mine: { id: number; decision: string }[] };
    expect(mine.mine[0]?.decision).toBe('approved');
    const after = (await (await ayse.get('/api/me/schedule')).json()) as { memberships: { items: PlanItem[] }[] };
    const leave = after.memberships[0]?.items.find((i) => i.kind === 'leave' && i.key === `a${absenceId}`);
    expect(leave).toMatchObject({ body: { status: 'approved', hubRequestId: mine.mine[0]?.id } });
    s.close();
  });

  it('waits for the lead on preferences, sets them when approved, and cancels a withdrawn leave request', async () => {
    const { s, team, hubTeam, leadEmail } = await leadAndDemo();
    await call(s, 'hub.connect', { teamId: team.id, url: h.hub.url, email: leadEmail, password: PASSWORD });
    await call(s, 'hub.publish', { teamId: team.id, from: FROM, to: TO, baseVersion: 0 });
    const person = s.run('person.list', { teamId: team.id }).find((p) => p.email === 'mehmet.kaya@example.com');
    if (!person) throw new Error('no Mehmet');
    const mehmet = await h.join('mehmet.kaya@example.com', 'agent').catch(async () => {
      // Mehmet may have an account from another test of this file's hub: sign in instead.
      const res = await fetch(`${h.hub.url}/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: 'mehmet.kaya@example.com', password: PASSWORD }) });
      return browserOf(h.hub.url, /rd_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '');
    });
    const schedule = (await (await mehmet.get('/api/me/schedule')).json()) as { memberships: { teamId: number; leaveTypes: { id: number }[] }[] };
    const teamId = String(hubTeam);
    const leaveTypes = schedule.memberships.find((m) => m.teamId === hubTeam)?.leaveTypes ?? [];
    expect((await mehmet.form('/me/requests', { teamId, kind: 'preferences', weekday6: 'cannot', weekday7: 'prefer_not', note: '' })).status).toBe(201);
    expect((await mehmet.form('/me/requests', { teamId, kind: 'leave', typeId: String(leaveTypes[0]?.id), firstDay: '2026-12-21', lastDay: '2026-12-21' })).status).toBe(201);
    expect(await call(s, 'hub.sync', { teamId: team.id })).toMatchObject({ received: 2, leave: 1 });
    const waiting = s.run('hub.requests', { teamId: team.id });
    const prefs = waiting.find((r) => r.kind === 'preferences');
    expect(prefs).toMatchObject({ personId: person.id, state: 'pending', decision: null });
    expect(s.run('hub.status', { teamId: team.id })).toMatchObject({ waiting: 1 });
    const before = s.run('person.preferences', { personId: person.id });
    s.run('hub.decide', { teamId: team.id, id: prefs?.id ?? 0, decision: 'approved' });
    expect(s.run('person.preferences', { personId: person.id })).toEqual([
      { weekday: 6, templateId: null, kind: 'cannot' },
      { weekday: 7, templateId: null, kind: 'prefer_not' },
    ]);
    // Ctrl+Z takes the decision back, preferences and all.
    s.run('history.undo', {});
    expect(s.run('person.preferences', { personId: person.id })).toEqual(before);
    expect(s.run('hub.requests', { teamId: team.id }).find((r) => r.id === prefs?.id)?.decision).toBeNull();

    // Mehmet withdraws the leave request: the next pull cancels the absence it became.
    const mine = (await (await mehmet.get('/api/me/requests')).json()) as { mine: { id: number; kind: string }[] };
    const leaveRequest = mine.mine.find((r) => r.kind === 'leave');
    expect((await mehmet.form(`/me/requests/${leaveRequest?.id}/withdraw`, {})).status).toBe(303);
    expect(await call(s, 'hub.sync', { teamId: team.id })).toMatchObject({ received: 1, withdrawn: 1 });
    expect(s.run('absence.list', { teamId: team.id, from: '2026-12-21', to: '2026-12-21' }).filter((a) => a.personId === person.id).map((a) => a.status)).toEqual(['cancelled']);
    s.close();
  });

  it('hands an offered on-call turn to the colleague who took it when the lead approves', async () => {
    const { s, team, hubTeam, FROM, TO, people, coming } = await publishedDemo(28);
    // A turn still to come, and a colleague to take it.
    const turn = coming[0];
    if (!turn) throw new Error('the demo has no coming on-call turn');
    const offerer = people.get(turn.personKey);
    const taker = [...people.values()].find((p) => p.id !== offerer?.id && p.email);
    if (!offerer?.email || !taker?.email) throw new Error('no two people with emails');
    const a = await signIn(offerer.email);
    const b = await signIn(taker.email);
    expect((await a.form('/me/requests', { teamId: String(hubTeam), kind: 'swap', turnKey: turn.key })).status).toBe(201);
    const offers = (await (await b.get('/api/me/requests')).json()) as { offers: { id: number; teamId: number }[] };
    const offer = offers.offers.find((o) => o.teamId === hubTeam);
    expect((await b.form(`/me/offers/${offer?.id}/accept`, {})).status).toBe(303);
    await call(s, 'hub.sync', { teamId: team.id });
    const swap = s.run('hub.requests', { teamId: team.id }).find((r) => r.kind === 'swap');
    expect(swap).toMatchObject({ personId: offerer.id, takerName: taker.name, decision: null });
    s.run('hub.decide', { teamId: team.id, id: swap?.id ?? 0, decision: 'approved' });
    const day = turn.body.startLocal.slice(0, 10);
    const blocks = s.run('oncall.schedule', { teamId: team.id, from: day, to: day }).filter((b) => b.start === turn.startsAt || b.startUtc === Date.parse(turn.startsAt) / 1000);
    expect(blocks.map((b) => b.personId)).toEqual([taker.id]);
    const published = await call<{ decisions: number }>(s, 'hub.publish', { teamId: team.id, from: FROM, to: TO, baseVersion: 1 });
    expect(published.decisions).toBe(1);
    const mine = (await (await a.get('/api/me/requests')).json()) as { mine: { kind: string; decision: string }[] };
    expect(mine.mine.find((r) => r.kind === 'swap')?.decision).toBe('approved');
    s.close();
  });

  it('shows a waiting swap with its turns as the plan has them, says why it cannot be approved while it cannot, and swaps the two turns when it can', async () => {
    const { s, team, hubTeam, people, coming } = await publishedDemo(35);
    const offered = coming[0];
    // The taker's own coming turn, given in return.
    const given = coming.find((i) => i.personKey !== offered?.personKey);
    const offerer = people.get(offered?.personKey ?? '');
    const taker = people.get(given?.personKey ?? '');
    if (!offered || !given || !offerer?.email || !taker?.email) throw new Error('the demo has no two people with coming on-call turns');
    const a = await signIn(offerer.email);
    const b = await signIn(taker.email);
    expect((await a.form('/me/requests', { teamId: String(hubTeam), kind: 'swap', turnKey: offered.key, note: '' })).status).toBe(201);
    await call(s, 'hub.sync', { teamId: team.id });
    const local = (iso: string) => iso.slice(0, 16);
    const span = (i: Extract<PlanItem, { kind: 'oncall' }>, personId: number) => ({ start: local(i.body.startLocal), end: local(i.body.endLocal), personId });
    const rotationId = Number(/^o(\d+)-/.exec(offered.key)?.[1]);
    const swapOf = () => s.run('hub.requests', { teamId: team.id }).find((r) => r.kind === 'swap');
    // Offered, not taken yet: the turn as planned, and approving would be refused.
    expect(swapOf()?.swap).toEqual({ rotationId, turn: span(offered, offerer.id), takerId: null, inReturn: null, blocked: 'not_taken' });
    expect(() => s.run('hub.decide', { teamId: team.id, id: swapOf()?.id ?? 0, decision: 'approved' })).toThrow(/Nobody has taken this turn yet/);

    const offers = (await (await b.get('/api/me/requests')).json()) as { offers: { id: number; teamId: number }[] };
    const offer = offers.offers.find((o) => o.teamId === hubTeam);
    expect((await b.form(`/me/offers/${offer?.id}/accept`, { inReturnKey: given.key })).status).toBe(303);
    await call(s, 'hub.sync', { teamId: team.id });
    expect(swapOf()).toMatchObject({ personId: offerer.id, takerName: taker.name, swap: { rotationId, turn: span(offered, offerer.id), takerId: taker.id, inReturn: span(given, taker.id), blocked: null } });

    // The lead gives the offered turn to someone else meanwhile: the request says so, and approving it is refused.
    const third = [...people.values()].find((p) => p.id !== offerer.id && p.id !== taker.id);
    const override = s.run('oncall.addOverride', { rotationId, personId: third?.id ?? 0, start: local(offered.body.startLocal), end: local(offered.body.endLocal), note: '' });
    expect(swapOf()?.swap).toMatchObject({ turn: { personId: third?.id }, blocked: 'turn_not_theirs' });
    expect(s.dispatch('hub.decide', { teamId: team.id, id: swapOf()?.id ?? 0, decision: 'approved' })).toMatchObject({ ok: false, error: { code: 'not_their_turn' } });
    s.run('oncall.deleteOverride', { id: override.id });
    expect(swapOf()?.swap?.blocked).toBeNull();

    // Approved: one swap, each holds the other's turn; a decided request carries no swap plan any more.
    const decided = s.run('hub.decide', { teamId: team.id, id: swapOf()?.id ?? 0, decision: 'approved' });
    expect(decided).toMatchObject({ decision: 'approved', swap: null });
    const holder = (i: Extract<PlanItem, { kind: 'oncall' }>) => s.run('oncall.schedule', { teamId: team.id, rotationId, from: i.body.startLocal.slice(0, 10), to: i.body.startLocal.slice(0, 10) }).find((x) => x.startUtc === Date.parse(i.startsAt) / 1000)?.personId;
    expect([holder(offered), holder(given)]).toEqual([taker.id, offerer.id]);
    // Ctrl+Z takes the whole decision back: the turns and the waiting request.
    s.run('history.undo', {});
    expect([holder(offered), holder(given)]).toEqual([offerer.id, taker.id]);
    expect(swapOf()?.swap?.blocked).toBeNull();
    s.close();
  });

  it('keeps a leave request the planner cannot enter, with why, for the lead to decline', async () => {
    const { s, team, hubTeam, leadEmail } = await leadAndDemo();
    await call(s, 'hub.connect', { teamId: team.id, url: h.hub.url, email: leadEmail, password: PASSWORD });
    await call(s, 'hub.publish', { teamId: team.id, from: FROM, to: TO, baseVersion: 0 });
    const person = s.run('person.list', { teamId: team.id }).find((p) => p.email === 'zeynep.demir@example.com') ?? s.run('person.list', { teamId: team.id })[2];
    if (!person?.email) throw new Error('no third person with an email');
    const types = s.run('absenceType.list', { teamId: team.id });
    // The lead already entered leave on those days: the agent's request overlaps it.
    s.run('absence.create', { teamId: team.id, personId: person.id, typeId: types[0]?.id ?? 0, start: '2026-12-22', end: '2026-12-23', status: 'approved' });
    const agent = await h.join(person.email, 'agent').catch(async () => {
      const res = await fetch(`${h.hub.url}/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: person.email ?? '', password: PASSWORD }) });
      return browserOf(h.hub.url, /rd_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '');
    });
    expect((await agent.form('/me/requests', { teamId: String(hubTeam), kind: 'leave', typeId: String(types[0]?.id), firstDay: '2026-12-23', lastDay: '2026-12-24' })).status).toBe(201);
    expect(await call(s, 'hub.sync', { teamId: team.id })).toMatchObject({ received: 1, leave: 0 });
    const stuck = s.run('hub.requests', { teamId: team.id }).find((r) => r.kind === 'leave');
    expect(stuck).toMatchObject({ absenceId: null, decision: null, body: { problem: expect.any(String) } });
    expect(() => s.run('hub.decide', { teamId: team.id, id: stuck?.id ?? 0, decision: 'approved' })).toThrow(/could not enter this leave/);
    expect(s.run('hub.decide', { teamId: team.id, id: stuck?.id ?? 0, decision: 'declined' })).toMatchObject({ decision: 'declined' });
    expect(s.run('hub.status', { teamId: team.id })).toMatchObject({ decisionsToSend: 1 });
    s.close();
  });
});
