import fs from 'node:fs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { parseListing } from '../../db/handlers/caldav';
import { openPlanner } from '../../db/open';
import { createService } from '../../db/service';
import { FIXED_NOW, freshService } from '../helpers/service';
import { startRadicale, type Radicale } from '../helpers/radicale';
import { tempFile } from '../helpers/tmp';

let server: Radicale;
beforeAll(async () => {
  server = await startRadicale();
});
afterAll(async () => {
  await server.stop();
});

function team(file = tempFile()) {
  const s = freshService(file);
  const t = s.run('team.create', { name: 'Wsparcie', timeZone: 'Europe/Warsaw', skills: ['phone'] });
  const anna = s.run('person.create', { teamId: t.id, name: 'Anna Nowak', skills: ['phone'] });
  s.run('template.create', { teamId: t.id, code: 'R', name: 'Rano', startLocal: '07:00', endLocal: '15:00', skill: 'phone' });
  const set = s.run('shift.setCells', { teamId: t.id, entries: ['2026-11-23', '2026-11-24', '2026-11-25'].map((day) => ({ personId: anna.id, day, value: { code: 'R' } })) });
  return { s, t, anna, shifts: set.shifts, file };
}

const auth = () => `Basic ${Buffer.from(`${server.user}:${server.password}`).toString('base64')}`;

/** The hrefs of the collection's events as the server lists them. */
async function listed(collection: string): Promise<string[]> {
  const res = await fetch(collection, { method: 'PROPFIND', headers: { Authorization: auth(), Depth: '1' } });
  const xml = await res.text();
  return [...xml.matchAll(/<(?:\w+:)?href>([^<]+\.ics)<\/(?:\w+:)?href>/g)].map((m) => m[1] ?? '');
}

/** The collection's events as the server has them. */
async function onServer(collection: string): Promise<{ href: string; summary: string; start: number }[]> {
  const hrefs = await listed(collection);
  return Promise.all(
    hrefs.map(async (href) => {
      const text = await (await fetch(new URL(href, collection), { headers: { Authorization: auth() } })).text();
      const e = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent') as ICAL.Component);
      return { href, summary: e.summary, start: e.startDate.toUnixTime() };
    }),
  ).then((list) => list.sort((a, b) => a.start - b.start));
}

/** Someone edits an event in their calendar app: the server takes it as it comes, no conditions. */
async function editOnServer(href: string, summary: string): Promise<void> {
  const text = await (await fetch(href, { headers: { Authorization: auth() } })).text();
  const res = await fetch(href, { method: 'PUT', headers: { Authorization: auth(), 'Content-Type': 'text/calendar; charset=utf-8' }, body: text.replace(/^SUMMARY:.*$/m, `SUMMARY:${summary}`) });
  if (!res.ok) throw new Error(`edit ${href}: ${res.status}`);
}

async function removeOnServer(url: string): Promise<void> {
  const res = await fetch(url, { method: 'DELETE', headers: { Authorization: auth() } });
  if (!res.ok) throw new Error(`delete ${url}: ${res.status}`);
}

/** Anna and Piotr on the early shift every day for 32 days: 64 events, as in the issue. */
function bigTeam() {
  const s = freshService();
  const t = s.run('team.create', { name: 'Wsparcie', timeZone: 'Europe/Warsaw', skills: ['phone'] });
  const people = ['Anna Nowak', 'Piotr Zieliński'].map((name) => s.run('person.create', { teamId: t.id, name, skills: ['phone'] }));
  s.run('template.create', { teamId: t.id, code: 'R', name: 'Rano', startLocal: '07:00', endLocal: '15:00', skill: 'phone' });
  const days = Array.from({ length: 32 }, (_, i) => new Date(Date.UTC(2026, 10, 23 + i)).toISOString().slice(0, 10));
  s.run('shift.setCells', { teamId: t.id, entries: people.flatMap((p) => days.map((day) => ({ personId: p.id, day, value: { code: 'R' } }))) });
  return { s, t, from: days[0] ?? '', to: days[31] ?? '' };
}

const none = { changedOnServer: [] };

describe('publishing to a CalDAV server (Radicale)', () => {
  it('creates the calendar, then updates moved events and deletes removed ones; the password is never in the file', async () => {
    const { s, t, shifts, file } = team();
    const url = `${server.base}${server.user}/rota`;
    const target = s.run('caldav.save', { teamId: t.id, url, username: server.user });
    expect(target).toMatchObject({ url: `${url}/`, username: server.user, personId: null, absences: false });
    const publish = () => s.callAsync('caldav.publish', { targetId: target.id, from: '2026-11-23', to: '2026-11-29', password: server.password });

    expect(await publish()).toEqual({ ok: true, value: { created: 3, updated: 0, deleted: 0, unchanged: 0, ...none }, changed: ['caldav_published'] });
    let events = await onServer(target.url);
    expect(events.map((e) => e.summary)).toEqual(['Anna Nowak · R · phone · 07:00–15:00', 'Anna Nowak · R · phone · 07:00–15:00', 'Anna Nowak · R · phone · 07:00–15:00']);

    // Nothing changed: nothing sent.
    expect(await publish()).toEqual({ ok: true, value: { created: 0, updated: 0, deleted: 0, unchanged: 3, ...none } });

    const [first, second] = shifts;
    if (!first || !second) throw new Error('shifts');
    s.run('shift.update', { id: first.id, startUtc: first.startUtc + 7200, endUtc: first.endUtc + 7200 });
    s.run('shift.delete', { id: second.id });
    expect(await publish()).toEqual({ ok: true, value: { created: 0, updated: 1, deleted: 1, unchanged: 1, ...none }, changed: ['caldav_published'] });
    events = await onServer(target.url);
    expect(events).toHaveLength(2);
    // Moved by hand, the shift is no longer the template's: no code.
    expect(events[0]?.summary).toBe('Anna Nowak · Shift · phone · 09:00–17:00');
    expect(events[0]?.start).toBe(first.startUtc + 7200);

    s.close();
    expect(fs.readFileSync(file).includes(Buffer.from(server.password))).toBe(false);
    for (const extra of ['-wal', '-shm']) if (fs.existsSync(file + extra)) expect(fs.readFileSync(file + extra).includes(Buffer.from(server.password))).toBe(false);
  });

  it('a calendar deleted on the server is made again and filled: 64 new, 64 there', async () => {
    const { s, t, from, to } = bigTeam();
    const target = s.run('caldav.save', { teamId: t.id, url: `${server.base}${server.user}/gone`, username: server.user });
    const publish = () => s.callAsync('caldav.publish', { targetId: target.id, from, to, password: server.password });
    expect(await publish()).toMatchObject({ ok: true, value: { created: 64, updated: 0, deleted: 0, unchanged: 0, ...none } });
    expect(await listed(target.url)).toHaveLength(64);

    await removeOnServer(target.url);
    // Before: the calendar came back empty and the publish said "64 unchanged".
    expect(await publish()).toMatchObject({ ok: true, value: { created: 64, updated: 0, deleted: 0, unchanged: 0, ...none } });
    expect(await listed(target.url)).toHaveLength(64);
    expect(await publish()).toMatchObject({ ok: true, value: { created: 0, updated: 0, deleted: 0, unchanged: 64, ...none } });
  });

  it('an event deleted on the server is sent again: 1 new, and the server holds what the counts say', async () => {
    const { s, t } = team();
    const target = s.run('caldav.save', { teamId: t.id, url: `${server.base}${server.user}/holes`, username: server.user });
    const publish = () => s.callAsync('caldav.publish', { targetId: target.id, from: '2026-11-23', to: '2026-11-29', password: server.password });
    await publish();
    const [, middle] = await onServer(target.url);
    await removeOnServer(new URL(middle?.href ?? '', target.url).toString());
    expect(await onServer(target.url)).toHaveLength(2);

    const r = await publish();
    expect(r).toMatchObject({ ok: true, value: { created: 1, updated: 0, deleted: 0, unchanged: 2, ...none } });
    const events = await onServer(target.url);
    expect(events).toHaveLength(r.ok ? r.value.created + r.value.updated + r.value.unchanged : -1);
    expect(events.map((e) => e.href)).toContain(middle?.href);
  });

  it('an event edited on the server is reported and left as it is there, until the publish is forced', async () => {
    const { s, t, shifts } = team();
    const target = s.run('caldav.save', { teamId: t.id, url: `${server.base}${server.user}/edited`, username: server.user });
    const publish = (force?: boolean) => s.callAsync('caldav.publish', { targetId: target.id, from: '2026-11-23', to: '2026-11-29', password: server.password, ...(force === undefined ? {} : { force }) });
    await publish();
    const [first, second, third] = await onServer(target.url);
    const [one, , three] = shifts;
    if (!first || !second || !third || !one || !three) throw new Error('events');
    await editOnServer(new URL(first.href, target.url).toString(), 'Anna · swapped with Piotr');
    await editOnServer(new URL(third.href, target.url).toString(), 'Anna · half day');
    // The plan moves the first shift too and drops the third: still, neither is overwritten or deleted unasked.
    s.run('shift.update', { id: one.id, startUtc: one.startUtc + 3600, endUtc: one.endUtc + 3600 });
    s.run('shift.delete', { id: three.id });

    const left = {
      ok: true,
      value: {
        created: 0,
        updated: 0,
        deleted: 0,
        unchanged: 1,
        changedOnServer: [
          { uid: expect.stringMatching(new RegExp(`^shift-${one.id}@`)), day: '2026-11-23', summary: 'Anna Nowak · Shift · phone · 08:00–16:00', onForce: 'replace' },
          { uid: expect.stringMatching(new RegExp(`^shift-${three.id}@`)), day: '2026-11-25', summary: null, onForce: 'delete' },
        ],
      },
    };
    expect(await publish()).toEqual(left);
    expect((await onServer(target.url)).map((e) => e.summary)).toEqual(['Anna · swapped with Piotr', second.summary, 'Anna · half day']);
    // Asked again, the same answer: the edits stay reported until the user decides.
    expect(await publish(false)).toEqual(left);

    expect(await publish(true)).toMatchObject({ ok: true, value: { created: 0, updated: 1, deleted: 1, unchanged: 1, ...none } });
    const events = await onServer(target.url);
    expect(events.map((e) => e.summary)).toEqual(['Anna Nowak · Shift · phone · 08:00–16:00', second.summary]);
    expect(await publish()).toMatchObject({ ok: true, value: { created: 0, updated: 0, deleted: 0, unchanged: 2, ...none } });
  });

  it('an edit on the server between the listing and the sending is refused by the server (412) and reported, not overwritten', async () => {
    const file = tempFile();
    const { s: setup, t, shifts } = team(file);
    const target = setup.run('caldav.save', { teamId: t.id, url: `${server.base}${server.user}/race`, username: server.user });
    const input = { targetId: target.id, from: '2026-11-23', to: '2026-11-29', password: server.password };
    await setup.callAsync('caldav.publish', input);
    const [one] = shifts;
    if (!one) throw new Error('shift');
    setup.run('shift.update', { id: one.id, startUtc: one.startUtc + 3600, endUtc: one.endUtc + 3600 });
    setup.close();

    // The real server and the real HTTP client; only the moment is chosen: a colleague saves the
    // event in their calendar app just after Rosterdesk listed the collection and before its PUT.
    let raced = 0;
    const racing: typeof fetch = async (url, init) => {
      if (init?.method === 'PUT' && raced === 0) {
        raced += 1;
        await editOnServer(String(url), 'Anna · edited at the same moment');
      }
      return fetch(url, init);
    };
    const s = createService(openPlanner(file), { appVersion: 'test', now: () => FIXED_NOW, fetch: racing });
    const r = await s.callAsync('caldav.publish', input);
    expect(raced).toBe(1);
    expect(r).toEqual({ ok: true, value: { created: 0, updated: 0, deleted: 0, unchanged: 2, changedOnServer: [{ uid: expect.stringMatching(new RegExp(`^shift-${one.id}@`)), day: '2026-11-23', summary: 'Anna Nowak · Shift · phone · 08:00–16:00', onForce: 'replace' }] } });
    expect((await onServer(target.url)).map((e) => e.summary)[0]).toBe('Anna · edited at the same moment');
    s.close();
  });

  it('an edit on the server just before a DELETE is refused too (412): the event stays there and is reported', async () => {
    const file = tempFile();
    const { s: setup, t, shifts } = team(file);
    const target = setup.run('caldav.save', { teamId: t.id, url: `${server.base}${server.user}/race-delete`, username: server.user });
    const input = { targetId: target.id, from: '2026-11-23', to: '2026-11-29', password: server.password };
    await setup.callAsync('caldav.publish', input);
    const [, two] = shifts;
    if (!two) throw new Error('shift');
    setup.run('shift.delete', { id: two.id });
    setup.close();

    const racing: typeof fetch = async (url, init) => {
      if (init?.method === 'DELETE') await editOnServer(String(url), 'Anna · still coming in');
      return fetch(url, init);
    };
    const s = createService(openPlanner(file), { appVersion: 'test', now: () => FIXED_NOW, fetch: racing });
    expect(await s.callAsync('caldav.publish', input)).toEqual({ ok: true, value: { created: 0, updated: 0, deleted: 0, unchanged: 2, changedOnServer: [{ uid: expect.stringMatching(new RegExp(`^shift-${two.id}@`)), day: '2026-11-24', summary: null, onForce: 'delete' }] } });
    expect((await onServer(target.url)).map((e) => e.summary)).toContain('Anna · still coming in');
    s.close();
  });

  it('a server that answers a PUT without an ETag (as Sabre/Nextcloud may when it altered the event): the tags are read from a listing', async () => {
    const file = tempFile();
    const { s: setup, t } = team(file);
    const target = setup.run('caldav.save', { teamId: t.id, url: `${server.base}${server.user}/untagged`, username: server.user });
    setup.close();
    // The real server's answer, less its ETag header.
    const untagged: typeof fetch = async (url, init) => {
      const res = await fetch(url, init);
      if (init?.method !== 'PUT') return res;
      const headers = new Headers(res.headers);
      headers.delete('ETag');
      return new Response(await res.text(), { status: res.status, statusText: res.statusText, headers });
    };
    const s = createService(openPlanner(file), { appVersion: 'test', now: () => FIXED_NOW, fetch: untagged });
    const input = { targetId: target.id, from: '2026-11-23', to: '2026-11-29', password: server.password };
    expect(await s.callAsync('caldav.publish', input)).toMatchObject({ ok: true, value: { created: 3, ...none } });
    expect(s.planner.db.prepare('SELECT count(*) FROM caldav_published WHERE etag IS NOT NULL').pluck().get()).toBe(3);
    // So a later edit on the server is still told from our own write.
    const [first] = await onServer(target.url);
    await editOnServer(new URL(first?.href ?? '', target.url).toString(), 'Anna · edited');
    expect(await s.callAsync('caldav.publish', input)).toMatchObject({ ok: true, value: { unchanged: 2, changedOnServer: [{ day: '2026-11-23', onForce: 'replace' }] } });
    s.close();
  });

  it('notes from before ETags were kept (schema 5) take the server\'s tags once; an edit after that is reported', async () => {
    const { s, t } = team();
    const target = s.run('caldav.save', { teamId: t.id, url: `${server.base}${server.user}/older`, username: server.user });
    const publish = () => s.callAsync('caldav.publish', { targetId: target.id, from: '2026-11-23', to: '2026-11-29', password: server.password });
    await publish();
    s.planner.db.prepare('UPDATE caldav_published SET etag = NULL').run();
    expect(await publish()).toEqual({ ok: true, value: { created: 0, updated: 0, deleted: 0, unchanged: 3, ...none }, changed: ['caldav_published'] });
    expect(s.planner.db.prepare('SELECT count(*) FROM caldav_published WHERE etag IS NULL').pluck().get()).toBe(0);
    const [first] = await onServer(target.url);
    await editOnServer(new URL(first?.href ?? '', target.url).toString(), 'Anna · edited');
    expect(await publish()).toMatchObject({ ok: true, value: { unchanged: 2, changedOnServer: [{ day: '2026-11-23', onForce: 'replace' }] } });
  });

  it('a wrong password or an unreachable server is a clear error, and records nothing as sent', async () => {
    const { s, t } = team();
    const url = `${server.base}${server.user}/other`;
    const target = s.run('caldav.save', { teamId: t.id, url, username: server.user });
    const wrong = await s.callAsync('caldav.publish', { targetId: target.id, from: '2026-11-23', to: '2026-11-29', password: 'nope' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'caldav_auth', message: expect.stringContaining(`did not accept user ${server.user}`) } });
    // Then with the right one, everything is new: nothing was recorded by the failed try.
    expect(await s.callAsync('caldav.publish', { targetId: target.id, from: '2026-11-23', to: '2026-11-29', password: server.password })).toMatchObject({ ok: true, value: { created: 3 } });

    const gone = s.run('caldav.save', { teamId: t.id, url: 'http://127.0.0.1:9/nowhere', username: 'x' });
    expect(await s.callAsync('caldav.publish', { targetId: gone.id, from: '2026-11-23', to: '2026-11-29', password: 'x' })).toMatchObject({ ok: false, error: { code: 'caldav_unreachable' } });
    // Bad targets are refused before anything is stored.
    expect(s.call('caldav.save', { teamId: t.id, url: 'file:///etc/passwd', username: 'x' })).toMatchObject({ ok: false });
    expect(s.call('caldav.save', { teamId: t.id, url: 'javascript:alert(1)', username: 'x' })).toMatchObject({ ok: false });
    expect(s.run('caldav.list', { teamId: t.id }).map((x) => x.url)).toEqual([`${url}/`, 'http://127.0.0.1:9/nowhere/']);
    // The synchronous door cannot publish.
    expect(s.call('caldav.publish', { targetId: target.id, from: '2026-11-23', to: '2026-11-29', password: 'x' })).toMatchObject({ ok: false, error: { code: 'needs_async' } });
  });
});

describe('rosterdesk publish', () => {
  it('publishes with the password from ROSTERDESK_CALDAV_PASSWORD, and a second run sends only changes', async () => {
    const { s, file } = team();
    s.close();
    const url = `${server.base}${server.user}/cli`;
    const args = ['publish', '--db', file, '--team', 'wsparcie', '--url', url, '--user', server.user, '--from', '2026-11-23', '--to', '2026-11-29'];
    const run = cli;
    delete process.env.ROSTERDESK_CALDAV_PASSWORD;
    expect(await run(...args)).toMatchObject({ code: 2, err: expect.stringContaining('ROSTERDESK_CALDAV_PASSWORD') });
    process.env.ROSTERDESK_CALDAV_PASSWORD = server.password;
    try {
      expect(await run(...args)).toEqual({ code: 0, out: `Published 2026-11-23 – 2026-11-29 to ${url}/: 3 new, 0 changed, 0 deleted, 0 unchanged\n`, err: '' });
      expect(await run(...args)).toMatchObject({ code: 0, out: expect.stringContaining('0 new, 0 changed, 0 deleted, 3 unchanged') });
      expect(await onServer(`${url}/`)).toHaveLength(3);
      process.env.ROSTERDESK_CALDAV_PASSWORD = 'wrong';
      expect(await run(...args)).toMatchObject({ code: 1, err: expect.stringContaining(`did not accept user ${server.user}`) });
    } finally {
      delete process.env.ROSTERDESK_CALDAV_PASSWORD;
    }
  });

  it('reports events edited on the server with exit status 1, and --force overwrites them', async () => {
    const { s, file } = team();
    s.close();
    const url = `${server.base}${server.user}/cli-edited`;
    const args = ['publish', '--db', file, '--team', 'wsparcie', '--url', url, '--user', server.user, '--from', '2026-11-23', '--to', '2026-11-29'];
    const run = cli;
    process.env.ROSTERDESK_CALDAV_PASSWORD = server.password;
    try {
      expect(await run(...args)).toMatchObject({ code: 0 });
      const [first] = await onServer(`${url}/`);
      await editOnServer(new URL(first?.href ?? '', `${url}/`).toString(), 'Anna · at the dentist');
      const left = await run(...args);
      expect(left).toEqual({
        code: 1,
        out: `Published 2026-11-23 – 2026-11-29 to ${url}/: 0 new, 0 changed, 0 deleted, 2 unchanged\n`,
        err: expect.stringMatching(/^1 event was changed on the calendar server since the last publish and was left as it is there:\n {2}2026-11-23 Anna Nowak · R · phone · 07:00–15:00 \(shift-\d+@[^)]+\)\nPublish again with --force to overwrite it with the plan\.\n$/),
      });
      expect((await onServer(`${url}/`))[0]?.summary).toBe('Anna · at the dentist');
      expect(await run(...args, '--force')).toEqual({ code: 0, out: `Published 2026-11-23 – 2026-11-29 to ${url}/: 0 new, 1 changed, 0 deleted, 2 unchanged\n`, err: '' });
      expect((await onServer(`${url}/`))[0]?.summary).toBe('Anna Nowak · R · phone · 07:00–15:00');
    } finally {
      delete process.env.ROSTERDESK_CALDAV_PASSWORD;
    }
  });
});

describe('reading a collection listing', () => {
  it('takes each event\'s ETag by path from a Nextcloud-style answer (prefixed, entities, the collection without a tag, absolute and encoded hrefs)', () => {
    const collection = 'https://cloud.example.com/remote.php/dav/calendars/ayse/rota/';
    const xml = `<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns">
 <d:response><d:href>/remote.php/dav/calendars/ayse/rota/</d:href><d:propstat><d:prop/><d:status>HTTP/1.1 200 OK</d:status></d:propstat><d:propstat><d:prop><d:getetag/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat></d:response>
 <d:response><d:href>/remote.php/dav/calendars/ayse/rota/shift-1%40abc.ics</d:href><d:propstat><d:prop><d:getetag>&quot;5f2c&quot;</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
 <d:response><d:href>https://cloud.example.com/remote.php/dav/calendars/ayse/rota/shift-2@abc.ics</d:href><d:propstat><d:prop><d:getetag>W/"77"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
</d:multistatus>`;
    expect([...parseListing(xml, collection)]).toEqual([
      ['/remote.php/dav/calendars/ayse/rota/shift-1@abc.ics', '"5f2c"'],
      ['/remote.php/dav/calendars/ayse/rota/shift-2@abc.ics', 'W/"77"'],
    ]);
  });
});
