import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { startOfWeek } from '../../core/time';
import { freshService, FIXED_NOW } from '../helpers/service';
import { startRadicale, type Radicale } from '../helpers/radicale';
import { tempDir, tempFile } from '../helpers/tmp';

/**
 * Calendar files follow the language chosen for them (the UI sends its own), not the team's
 * locale: the demo team is Turkish, and a file downloaded from an English window said
 * "Vardiya:" and "Molalar: 30 dk ücretsiz". Built-in names in them (leave types, channels, the
 * demo's templates and rotation) follow the same language unless the lead renamed them.
 */

const monday = startOfWeek(FIXED_NOW.toZonedDateTimeISO('Europe/Istanbul').toPlainDate(), 'mon');
const nextWeek = { from: monday.add({ days: 7 }).toString(), to: monday.add({ days: 13 }).toString() };

interface Read {
  summary: string;
  description: string;
  categories: string[];
}
const read = (ics: string): Read[] =>
  new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => ({
    summary: String(v.getFirstPropertyValue('summary')),
    description: String(v.getFirstPropertyValue('description')),
    categories: v.getAllProperties('categories').flatMap((p) => p.getValues().map(String)),
  }));

function demo(file = tempFile()) {
  const s = freshService(file);
  const team = s.run('demo.create', {});
  const people = s.run('person.list', { teamId: team.id });
  const id = (name: string) => people.find((p) => p.name === name)?.id ?? 0;
  return { s, team, id, file };
}

describe('calendar files in the chosen language', () => {
  it('from an English window the Turkish demo team gets an English file, built-in names included', () => {
    const { s, team, id } = demo();
    // Niloufar: phone shifts, an approved vacation (Yıllık izin) next Saturday.
    const file = s.run('calendar.export', { teamId: team.id, personId: id('Niloufar Rahimi'), ...nextWeek, absences: true, language: 'en' });
    const text = read(file.data);
    const all = text.map((e) => `${e.summary}\n${e.description}\n${e.categories.join(',')}`).join('\n');
    expect(all).toContain('Shift: E (Early phone)');
    expect(all).toContain('Channel: phone');
    expect(all).toContain('Breaks: 30 min unpaid');
    expect(text.some((e) => e.summary === 'Vacation')).toBe(true);
    for (const turkish of ['Vardiya', 'Molalar', 'Kanal', 'Yıllık izin', 'ücretsiz', 'Ekip:']) expect(all).not.toContain(turkish);
  });

  it('in Persian: Persian words, channel and leave type; the demo rotation reads کشیک', () => {
    const { s, team, id } = demo();
    const mine = read(s.run('calendar.export', { teamId: team.id, personId: id('Niloufar Rahimi'), ...nextWeek, absences: true, language: 'fa' }).data);
    const all = mine.map((e) => `${e.summary}\n${e.description}`).join('\n');
    expect(all).toContain('شیفت: E (تلفن صبح)');
    // Times and days as a Persian screen writes them: Persian digits, the Solar Hijri day.
    expect(all).toMatch(/ساعت: ۱۴۰۵\/۰۹\/[۰-۹]{2} ۰۸:۰۰–۱۶:۳۰ \(Europe\/Istanbul\)/);
    expect(all).toContain('۳۰ دقیقه بدون حقوق');
    expect(all).not.toMatch(/[0-9]/);
    expect(all).toContain('کانال: تلفن');
    expect(mine.some((e) => e.summary === 'مرخصی استحقاقی')).toBe(true);
    const rotation = s.run('rotation.list', { teamId: team.id })[0];
    const rota = s.run('calendar.export', { teamId: team.id, rotationId: rotation?.id ?? 0, ...nextWeek, language: 'fa' });
    expect(read(rota.data).every((e) => e.summary.startsWith('کشیک · '))).toBe(true);
    expect(rota.data).not.toContain('Nöbet');
    expect(rota.filename).toContain('کشیک');
  });

  it('without a language: the saved UI language, else the team locale (the CLI default)', () => {
    const { s, team, id } = demo();
    const ask = () => read(s.run('calendar.export', { teamId: team.id, personId: id('Niloufar Rahimi'), ...nextWeek }).data)[0]?.description ?? '';
    expect(ask()).toContain('Vardiya: E (Sabah telefon)');
    s.run('settings.set', { language: 'pl' });
    expect(ask()).toContain('Zmiana: E (Telefon rano)');
  });

  it("a renamed leave type or template keeps the lead's name in every language", () => {
    const { s, team, id } = demo();
    const vacation = s.run('absenceType.list', { teamId: team.id }).find((t) => t.key === 'vacation');
    if (!vacation) throw new Error('no vacation type');
    s.run('absenceType.update', { id: vacation.id, name: 'Yıllık izin (ücretli)' });
    const early = s.run('template.list', { teamId: team.id }).find((t) => t.code === 'E');
    if (!early) throw new Error('no template E');
    s.run('template.update', { id: early.id, name: 'Sabahçı' });
    for (const language of ['en', 'fa'] as const) {
      const text = read(s.run('calendar.export', { teamId: team.id, personId: id('Niloufar Rahimi'), ...nextWeek, absences: true, language }).data);
      expect(text.some((e) => e.summary === 'Yıllık izin (ücretli)')).toBe(true);
      expect(text.map((e) => e.description).join('\n')).toContain('E (Sabahçı)');
    }
  });

  it('rejects a language the app does not have', () => {
    const { s, team } = demo();
    expect(s.call('calendar.export', { teamId: team.id, ...nextWeek, language: 'de' as never })).toMatchObject({ ok: false, error: { path: ['language'] } });
  });
});

describe('rosterdesk export ics --language', () => {
  it('writes English with --language en; by default the language saved in the app, else the team locale', async () => {
    const { s, file } = demo();
    s.close();
    const dir = tempDir();
    const args = ['export', 'ics', '--db', file, '--team', 'Support Desk Istanbul', '--person', 'niloufar.rahimi@example.com', '--absences', '--from', nextWeek.from, '--to', nextWeek.to];
    const en = path.join(dir, 'en.ics');
    expect(await cli(...args, '--language', 'en', '--out', en)).toMatchObject({ code: 0 });
    const english = fs.readFileSync(en, 'utf8');
    expect(read(english)[0]?.description).toContain('Shift: E (Early phone)');
    expect(english).not.toContain('Vardiya');
    expect(english).not.toContain('Yıllık izin');

    const byDefault = path.join(dir, 'default.ics');
    expect((await cli(...args, '--out', byDefault)).code).toBe(0);
    expect(read(fs.readFileSync(byDefault, 'utf8'))[0]?.description).toContain('Vardiya: E (Sabah telefon)');

    expect(await cli(...args, '--language', 'de', '--out', path.join(dir, 'x.ics'))).toMatchObject({ code: 2, err: expect.stringContaining('--language must be one of en, tr, pl, fa') });
  });
});

describe('CalDAV publishing in the chosen language', () => {
  let server: Radicale;
  beforeAll(async () => {
    server = await startRadicale();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('publishes in the language asked for; another language sends the changed words again', async () => {
    const { s, team, id } = demo();
    const target = s.run('caldav.save', { teamId: team.id, url: `${server.base}${server.user}/niloufar`, username: server.user, personId: id('Niloufar Rahimi'), absences: true });
    const publish = (language: 'en' | 'fa') => s.callAsync('caldav.publish', { targetId: target.id, ...nextWeek, password: server.password, language });
    const first = await publish('en');
    expect(first).toMatchObject({ ok: true, value: { updated: 0, deleted: 0 } });
    const created = first.ok ? first.value.created : 0;
    expect(created).toBeGreaterThan(1);
    expect(await publish('en')).toMatchObject({ ok: true, value: { created: 0, updated: 0, unchanged: created } });
    expect(await publish('fa')).toMatchObject({ ok: true, value: { created: 0, updated: created } });
    // What the server has now reads Persian.
    const auth = `Basic ${Buffer.from(`${server.user}:${server.password}`).toString('base64')}`;
    const listing = await (await fetch(target.url, { method: 'PROPFIND', headers: { Authorization: auth, Depth: '1' } })).text();
    const href = [...listing.matchAll(/<(?:\w+:)?href>([^<]+\.ics)<\/(?:\w+:)?href>/g)].map((m) => m[1] ?? '').find((h) => h.includes('absence'));
    expect(href).toBeDefined();
    const body = await (await fetch(new URL(href ?? '', target.url), { headers: { Authorization: auth } })).text();
    expect(read(body)[0]?.summary).toBe('مرخصی استحقاقی');
  });
});
