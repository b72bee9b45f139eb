import fs from 'node:fs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import { freshService } from '../helpers/service';
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

/** The collection's events as the server has them. */
async function onServer(collection: string): Promise<{ href: string; summary: string; start: number }[]> {
  const auth = `Basic ${Buffer.from(`${server.user}:${server.password}`).toString('base64')}`;
  const res = await fetch(collection, { method: 'PROPFIND', headers: { Authorization: auth, Depth: '1' } });
  const xml = await res.text();
  const hrefs = [...xml.matchAll(/<(?:\w+:)?href>([^<]+\.ics)<\/(?:\w+:)?href>/g)].map((m) => m[1] ?? '');
  return Promise.all(
    hrefs.map(async (href) => {
      const text = await (await fetch(new URL(href, collection), { headers: { Authorization: auth } })).text();
      const e = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent') as ICAL.Component);
      return { href, summary: e.summary, start: e.startDate.toUnixTime() };
    }),
  ).then((list) => list.sort((a, b) => a.start - b.start));
}

describe('publishing to a CalDAV server (Radicale)', () => {
  it('creates the calendar, then updates moved events and deletes removed ones; the password is never in the file', async () => {
    const { s, t, shifts, file } = team();
    const url = `${server.base}${server.user}/rota`;
    const target = s.run('caldav.save', { teamId: t.id, url, username: server.user });
    expect(target).toMatchObject({ url: `${url}/`, username: server.user, personId: null, absences: false });
    const publish = () => s.callAsync('caldav.publish', { targetId: target.id, from: '2026-11-23', to: '2026-11-29', password: server.password });

    expect(await publish()).toEqual({ ok: true, value: { created: 3, updated: 0, deleted: 0, unchanged: 0 }, changed: ['caldav_published'] });
    let events = await onServer(target.url);
    expect(events.map((e) => e.summary)).toEqual(['Anna Nowak · R · phone · 07:00–15:00', 'Anna Nowak · R · phone · 07:00–15:00', 'Anna Nowak · R · phone · 07:00–15:00']);

    // Nothing changed: nothing sent.
    expect(await publish()).toEqual({ ok: true, value: { created: 0, updated: 0, deleted: 0, unchanged: 3 } });

    const [first, second] = shifts;
    if (!first || !second) throw new Error('shifts');
    s.run('shift.update', { id: first.id, startUtc: first.startUtc + 7200, endUtc: first.endUtc + 7200 });
    s.run('shift.delete', { id: second.id });
    expect(await publish()).toEqual({ ok: true, value: { created: 0, updated: 1, deleted: 1, unchanged: 1 }, changed: ['caldav_published'] });
    events = await onServer(target.url);
    expect(events).toHaveLength(2);
    // Moved by hand, the shift is no longer the template's: no code.
    expect(events[0]?.summary).toBe('Anna Nowak · Shift · phone · 09:00–17:00');
    expect(events[0]?.start).toBe(first.startUtc + 7200);

    s.close();
    expect(fs.readFileSync(file).includes(Buffer.from(server.password))).toBe(false);
    for (const extra of ['-wal', '-shm']) if (fs.existsSync(file + extra)) expect(fs.readFileSync(file + extra).includes(Buffer.from(server.password))).toBe(false);
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
    const run = async (...argv: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
      return { code, out, err };
    };
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
});
