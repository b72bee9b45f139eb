import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { foldLine } from '../../core/ics';
import { freshService } from '../helpers/service';
import { tempDir } from '../helpers/tmp';

/**
 * Calendar files, read back by two independent parsers: ical.js, and Debian's
 * python3-icalendar (through the system Python, where apt installs it).
 */

const ZONE = 'Europe/Warsaw';

function team() {
  const s = freshService();
  s.run('settings.set', { language: 'tr' });
  const t = s.run('team.create', { name: 'Destek, Gece; Ekip', timeZone: ZONE, locale: 'tr-TR', skills: ['phone', 'chat'] });
  const ayse = s.run('person.create', { teamId: t.id, name: 'Yılmaz, Ayşe; Jr.', email: 'ayse@example.com', skills: ['phone', 'chat'] });
  const zahra = s.run('person.create', { teamId: t.id, name: 'زهرا احمدی‌نژاد', email: 'zahra@example.com', skills: ['phone'] });
  s.run('template.create', { teamId: t.id, code: 'N', name: 'Gece, uzun', startLocal: '22:00', endLocal: '06:00', breakMinutes: 30, skill: 'phone' });
  s.run('template.create', { teamId: t.id, code: 'G', name: 'Gündüz', startLocal: '09:00', endLocal: '17:00', skill: 'chat' });
  // Nights over the spring (29 March) and autumn (25 October) clock changes: 7 h and 9 h.
  const set = s.run('shift.setCells', {
    teamId: t.id,
    entries: [
      { personId: ayse.id, day: '2026-03-28', value: { code: 'N' } },
      { personId: ayse.id, day: '2026-10-24', value: { code: 'N' } },
      { personId: zahra.id, day: '2026-10-26', value: { code: 'G' } },
    ],
  });
  return { s, t, ayse, zahra, shifts: set.shifts };
}

interface Parsed {
  uid: string;
  sequence: number;
  summary: string;
  description: string;
  start: number | string;
  end: number | string;
}

function withIcalJs(text: string): Parsed[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    const at = (t: ICAL.Time) => (t.isDate ? t.toString() : t.toUnixTime());
    return { uid: e.uid, sequence: e.sequence, summary: e.summary, description: e.description, start: at(e.startDate), end: at(e.endDate) };
  });
}

const PYTHON = `
import icalendar, json, sys, datetime
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for e in cal.walk('VEVENT'):
    def at(v):
        d = v.dt
        return int(d.timestamp()) if isinstance(d, datetime.datetime) else d.isoformat()
    assert e.get('DTSTAMP') is not None
    out.append({'uid': str(e['UID']), 'sequence': int(e['SEQUENCE']), 'summary': str(e['SUMMARY']), 'description': str(e['DESCRIPTION']), 'start': at(e['DTSTART']), 'end': at(e['DTEND'])})
print(json.dumps(out, ensure_ascii=False))
`;

function withPython(text: string): Parsed[] {
  const file = path.join(tempDir(), 'x.ics');
  fs.writeFileSync(file, text);
  // Debian's python3-icalendar lives with the system Python (.ci/run installs it).
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', PYTHON, file], { encoding: 'utf8' })) as Parsed[];
}

/** Every physical line: CRLF-ended, at most 75 octets, valid UTF-8 on its own. */
function checkLines(text: string): void {
  expect(text.endsWith('\r\n')).toBe(true);
  const bytes = Buffer.from(text, 'utf8');
  let start = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] === 0x0a) {
      expect(bytes[i - 1], `a bare LF at octet ${i}`).toBe(0x0d);
      const line = bytes.subarray(start, i - 1);
      expect(line.length).toBeLessThanOrEqual(75);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(line)).not.toThrow();
      start = i + 1;
    }
  }
}

describe('calendar files', () => {
  it('folds at 75 octets without splitting a character', () => {
    const persian = `SUMMARY:${'زهرا احمدی‌نژاد · '.repeat(8)}`;
    const folded = foldLine(persian);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(persian);
    expect(foldLine('A'.repeat(75))).toBe('A'.repeat(75));
    expect(foldLine('A'.repeat(76))).toBe(`${'A'.repeat(75)}\r\n A`);
  });

  it("exports the team's shifts; both parsers read names with commas and semicolons, Turkish and Persian, and nights over clock changes", () => {
    const { s, t } = team();
    const r = s.run('calendar.export', { teamId: t.id, from: '2026-01-01', to: '2026-12-31' });
    expect(r).toMatchObject({ mime: 'text/calendar', encoding: 'utf8', events: 3, filename: 'Destek-Gece-Ekip-team-2026-01-01-2026-12-31.ics' });
    checkLines(r.data);
    expect(r.data.match(/^DTSTAMP:\d{8}T\d{6}Z\r$/gm)).toHaveLength(3);
    expect(r.data).toContain('SUMMARY:Yılmaz\\, Ayşe\\; Jr. · N · telefon · 22:00–06:00');

    const js = withIcalJs(r.data);
    const py = withPython(r.data);
    expect(py).toEqual(js);
    const spring = js[0];
    const autumn = js[1];
    expect(spring?.summary).toBe('Yılmaz, Ayşe; Jr. · N · telefon · 22:00–06:00');
    expect(((spring?.end as number) - (spring?.start as number)) / 3600).toBe(7);
    expect(((autumn?.end as number) - (autumn?.start as number)) / 3600).toBe(9);
    // 22:00 in Warsaw on 24 October (summer time) is 20:00 UTC.
    expect(autumn?.start).toBe(Date.UTC(2026, 9, 24, 20) / 1000);
    expect(autumn?.description).toBe(
      ['Vardiya: N (Gece, uzun)', 'Kişi: Yılmaz, Ayşe; Jr.', 'Kanal: telefon', `Saat: 2026-10-24 22:00–06:00 (${ZONE})`, 'Molalar: 30 dk ücretsiz', 'Ekip: Destek, Gece; Ekip'].join('\n'),
    );
    expect(js[2]?.summary).toBe('زهرا احمدی‌نژاد · G · sohbet · 09:00–17:00');
  });

  it('keeps UIDs across exports and raises SEQUENCE when a shift changes', () => {
    const { s, t, shifts } = team();
    const read = () => withIcalJs(s.run('calendar.export', { teamId: t.id, from: '2026-01-01', to: '2026-12-31' }).data);
    const before = read();
    const moved = shifts.find((x) => x.day === '2026-10-26');
    if (!moved) throw new Error('no shift');
    s.run('shift.update', { id: moved.id, startUtc: moved.startUtc + 3600, endUtc: moved.endUtc + 3600 });
    const after = read();
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(after.map((e) => e.sequence)).toEqual([0, 0, 1]);
    expect(after[2]?.summary).toContain('10:00–18:00');
    // A placed break is in the description: another revision.
    s.run('shift.setActivities', { id: moved.id, activities: [{ kind: 'break', startLocal: '13:00', endLocal: '13:30' }] });
    expect(read()[2]).toMatchObject({ sequence: 2, description: expect.stringContaining('Mola 13:00–13:30') });
  });

  it("a person's file holds their shifts, on-call turns and approved leave (all-day); a rotation's file its turns", () => {
    const { s, t, ayse, zahra } = team();
    const rotation = s.run('rotation.create', { teamId: t.id, name: 'Nöbet', layers: [{ name: 'Hafta', participants: [ayse.id, zahra.id], turnUnit: 'weeks', turnLength: 1, startDay: '2026-10-19', handoffTime: '09:00' }] });
    const vacation = s.run('absenceType.list', { teamId: t.id }).find((x) => x.key === 'vacation');
    s.run('absence.create', { teamId: t.id, personId: ayse.id, typeId: vacation?.id ?? 0, start: '2026-10-28', end: '2026-10-30', status: 'approved' });
    s.run('absence.create', { teamId: t.id, personId: ayse.id, typeId: vacation?.id ?? 0, start: '2026-11-02', end: '2026-11-02' });

    const mine = s.run('calendar.export', { teamId: t.id, personId: ayse.id, from: '2026-10-19', to: '2026-11-01', absences: true });
    checkLines(mine.data);
    const events = withPython(mine.data);
    expect(withIcalJs(mine.data)).toEqual(events);
    const kinds = events.map((e) => e.uid.split('-')[0]);
    // The autumn night, her on-call week (the 19th to the 26th: the second turn is Zahra's), the approved leave; not the request.
    expect(kinds.sort()).toEqual(['absence', 'oncall', 'shift']);
    const leave = events.find((e) => e.uid.startsWith('absence'));
    expect(leave).toMatchObject({ start: '2026-10-28', end: '2026-10-31', summary: 'Yıllık izin' });
    const turn = events.find((e) => e.uid.startsWith('oncall'));
    expect(turn?.summary).toBe('Nöbet');
    expect(((turn?.end as number) - (turn?.start as number)) / 3600).toBe(7 * 24 + 1);

    const rota = s.run('calendar.export', { teamId: t.id, rotationId: rotation.id, from: '2026-10-19', to: '2026-11-01' });
    expect(withPython(rota.data).map((e) => e.summary)).toEqual(['Nöbet · Yılmaz, Ayşe; Jr.', 'Nöbet · زهرا احمدی‌نژاد']);
    expect(rota.filename).toBe('Destek-Gece-Ekip-Nöbet-2026-10-19-2026-11-01.ics');
  });

  it('refuses a person of another team, an unknown rotation and a reversed range', () => {
    const { s, t } = team();
    const other = s.run('team.create', { name: 'Other', timeZone: ZONE });
    const stranger = s.run('person.create', { teamId: other.id, name: 'Jan' });
    expect(s.call('calendar.export', { teamId: t.id, personId: stranger.id, from: '2026-01-01', to: '2026-01-31' })).toMatchObject({ ok: false, error: { code: 'not_found', path: ['personId'] } });
    expect(s.call('calendar.export', { teamId: t.id, rotationId: 999, from: '2026-01-01', to: '2026-01-31' })).toMatchObject({ ok: false, error: { code: 'not_found', path: ['rotationId'] } });
    expect(s.call('calendar.export', { teamId: t.id, from: '2026-02-01', to: '2026-01-31' })).toMatchObject({ ok: false, error: { code: 'reversed_range' } });
  });
});
