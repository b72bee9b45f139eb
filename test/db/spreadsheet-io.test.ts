import { describe, expect, it } from 'vitest';
import type { Service } from '../../db/service';
import type { CsvDialect } from '../../core/spreadsheet-format';
import { dataHash } from '../helpers/dbhash';
import { freshService } from '../helpers/service';

/** Windows code-page bytes of known text, through the inverse of the platform's own decoder. */
function encodeLegacy(text: string, encoding: string): Buffer {
  const decoder = new TextDecoder(encoding);
  const byteOf = new Map<string, number>();
  for (let b = 0; b < 256; b += 1) byteOf.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => byteOf.get(ch) ?? 0x3f));
}
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
/** What a renderer sends: the file's bytes, not its text. */
const asBytes = (text: string) => b64(Buffer.from(text, 'utf8'));

const LOCALE = { en: 'en-GB', tr: 'tr-TR', pl: 'pl-PL', fa: 'fa-IR' } as const;
const ZONE = { en: 'Europe/London', tr: 'Europe/Istanbul', pl: 'Europe/Warsaw', fa: 'Asia/Tehran' } as const;
type Lang = keyof typeof LOCALE;

function teamOf(s: Service, lang: Lang, name: string) {
  const t = s.run('team.create', { name, timeZone: ZONE[lang], locale: LOCALE[lang], skills: ['phone', 'chat'] });
  s.run('template.create', { teamId: t.id, code: 'E', name: 'Early', startLocal: '07:00', endLocal: '15:30', breakMinutes: 30, skill: 'phone' });
  return t;
}

/** A team with people whose names, rates and hours need the dialect: Turkish, Polish and Persian letters, decimals, quotes, the separators themselves. */
function source(s: Service, lang: Lang) {
  const t = teamOf(s, lang, `Kaynak ${lang}`);
  const people = [
    { name: 'Şükrü Öztürk', email: 'sukru@example.com', phone: '+90 532 000 00 00', skills: ['phone', 'chat'], contractHoursPerWeek: 37.5, hourlyRate: 1234.56, employmentStart: '2026-03-21', notes: 'Gece; "hafta sonu", evet' },
    { name: 'Łukasz Żółć', email: 'lukasz@example.com', phone: '', skills: ['chat'], contractHoursPerWeek: 20.25, hourlyRate: 0.5, employmentEnd: '2027-01-31', notes: 'tab\there' },
    { name: 'سارا محمدزاده', email: 'sara@example.com', phone: '0912', skills: ['phone'], contractHoursPerWeek: 40, hourlyRate: 95000.5, notes: '' },
  ].map((p) => s.run('person.create', { teamId: t.id, ...p }));
  const [sukru, lukasz, sara] = people;
  if (!sukru || !lukasz || !sara) throw new Error('people');
  s.run('roster.import', { teamId: t.id, format: 'csv', data: 'person,date,code,start,end,break_minutes,skill\nsukru@example.com,2026-11-23,E,,,,\nlukasz@example.com,2026-11-24,,22:00,06:15,45,chat\nsara@example.com,2026-11-25,,09:00,13:30,0,phone\n' });
  const types = s.run('absenceType.list', { teamId: t.id });
  const typeId = (i: number) => types[i]?.id ?? 0;
  s.run('absence.create', { teamId: t.id, personId: sukru.id, typeId: typeId(0), start: '2026-11-30', end: '2026-12-02', status: 'approved', note: 'Aile; düğün' });
  s.run('absence.create', { teamId: t.id, personId: sara.id, typeId: typeId(1), start: '2026-11-26', end: '2026-11-26', hours: 2.5, status: 'requested' });
  return t;
}

const peopleOf = (s: Service, teamId: number) =>
  s.run('person.list', { teamId, includeArchived: true }).map((p) => [p.name, p.email, p.phone, p.skills, p.contractHoursPerWeek, p.hourlyRate, p.color, p.employmentStart, p.employmentEnd, p.notes]);
const shiftsOf = (s: Service, teamId: number) => {
  const email = new Map(s.run('person.list', { teamId, includeArchived: true }).map((p) => [p.id, p.email]));
  return s.run('shift.list', { teamId, from: '2026-11-01', to: '2026-12-31' }).map((x) => [email.get(x.personId), x.day, x.code, x.startLocal, x.endLocal, x.breakMinutes, x.skill, x.paidMinutes]).sort((a, b) => String(a[1]).localeCompare(String(b[1])));
};
const absencesOf = (s: Service, teamId: number) => {
  const email = new Map(s.run('person.list', { teamId, includeArchived: true }).map((p) => [p.id, p.email]));
  return s.run('absence.list', { teamId, from: '2026-11-01', to: '2026-12-31' }).map((a) => [email.get(a.personId), a.typeName, a.start, a.end, a.hours, a.status, a.note]);
};

const CHOICES: { label: string; csv: CsvDialect | null }[] = [
  { label: "the language's own", csv: null },
  { label: 'comma, decimal point', csv: { separator: ',', decimal: '.' } },
  { label: 'semicolon, decimal comma', csv: { separator: ';', decimal: ',' } },
  { label: 'tab, decimal comma', csv: { separator: '\t', decimal: ',' } },
];

describe('spreadsheets: export → import holds in every language and separator', () => {
  for (const lang of ['en', 'tr', 'pl', 'fa'] as const) {
    it(`${lang}: people, roster and absences come back as they were`, () => {
      const s = freshService();
      s.run('settings.set', { language: lang });
      const from = source(s, lang);
      CHOICES.forEach(({ label, csv }, i) => {
        const to = teamOf(s, lang, `Hedef ${lang} ${i}`);
        const people = s.run('person.export', { teamId: from.id, csv });
        const roster = s.run('roster.export', { teamId: from.id, from: '2026-11-01', to: '2026-12-31', format: 'csv', csv });
        const absences = s.run('report.export', { teamId: from.id, report: 'absences', from: '2026-11-01', to: '2026-12-31', format: 'csv', csv });
        const dialect = csv ?? (lang === 'tr' || lang === 'pl' ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' });
        for (const file of [people, roster, absences]) {
          expect(file.data.startsWith('\ufeff'), label).toBe(true);
          expect(file.data.split('\r\n')[0]?.includes(dialect.separator), label).toBe(true);
        }
        // A Persian window writes its days in Solar Hijri: Nowruz 1405 for 2026-03-21, 2 Azar for 2026-11-23.
        if (lang === 'fa') {
          expect(people.data, label).toContain('1405/01/01');
          expect(roster.data, label).toContain('1405/09/02');
          expect(roster.data, label).not.toContain('2026-11-23');
        } else expect(roster.data, label).toContain('2026-11-23');
        // Numbers as numbers: the dialect's decimal mark, never quoted, never grouped.
        expect(people.data, label).toContain(`${dialect.separator}37${dialect.decimal}5${dialect.separator}1234${dialect.decimal}56${dialect.separator}`);
        s.run('person.import', { teamId: to.id, bytes: asBytes(people.data) });
        s.run('roster.import', { teamId: to.id, format: 'csv', bytes: asBytes(roster.data) });
        s.run('absence.import', { teamId: to.id, bytes: asBytes(absences.data) });
        expect(peopleOf(s, to.id), label).toEqual(peopleOf(s, from.id));
        expect(shiftsOf(s, to.id), label).toEqual(shiftsOf(s, from.id));
        expect(absencesOf(s, to.id), label).toEqual(absencesOf(s, from.id));
      });
      s.close();
    });
  }
});

describe('dates in the calendar of the window', () => {
  it("a Persian window's Solar Hijri export imports into a Turkish team; chosen Gregorian, it writes ISO days", () => {
    const s = freshService();
    s.run('settings.set', { language: 'fa' });
    const from = source(s, 'fa');
    const roster = s.run('roster.export', { teamId: from.id, from: '2026-11-01', to: '2026-12-31', format: 'csv', csv: null });
    expect(roster.data).toContain('1405/09/02');
    const turkish = teamOf(s, 'tr', 'Istanbul');
    s.run('person.import', { teamId: turkish.id, bytes: asBytes(s.run('person.export', { teamId: from.id, csv: null }).data) });
    s.run('roster.import', { teamId: turkish.id, format: 'csv', bytes: asBytes(roster.data) });
    expect(shiftsOf(s, turkish.id)).toEqual(shiftsOf(s, from.id));
    s.run('settings.set', { calendar: 'gregorian' });
    const gregorian = s.run('roster.export', { teamId: from.id, from: '2026-11-01', to: '2026-12-31', format: 'csv', csv: null });
    expect(gregorian.data).toContain('2026-11-23');
    expect(gregorian.data).not.toContain('1405/');
    s.close();
  });
});

const PEOPLE_HEADER = 'name,email,phone,skills,contract_hours,hourly_rate';

describe('files people bring are read as they are', () => {
  it('a Windows-1254 people file in a Turkish team: Şükrü Öztürk and Çağla Iğdır, not U+FFFD', () => {
    const s = freshService();
    const t = teamOf(s, 'tr', 'Destek');
    const text = `${PEOPLE_HEADER}\r\nŞükrü Öztürk,sukru@example.com,,phone,40,100\r\nÇağla Iğdır,cagla@example.com,,chat,"37,5","120,5"\r\n`;
    expect(s.run('person.import', { teamId: t.id, bytes: b64(encodeLegacy(text, 'windows-1254')) })).toEqual({ created: 2 });
    expect(s.run('person.list', { teamId: t.id }).map((p) => [p.name, p.contractHoursPerWeek, p.hourlyRate])).toEqual([
      ['Çağla Iğdır', 37.5, 120.5],
      ['Şükrü Öztürk', 40, 100],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    s.close();
  });

  it('Windows-1250, UTF-16 LE and BE with a mark, semicolons with decimal commas, Persian digits and Solar Hijri dates', () => {
    const s = freshService();
    const pl = teamOf(s, 'pl', 'Wsparcie');
    s.run('person.import', { teamId: pl.id, bytes: b64(encodeLegacy(`name;email;phone;skills;contract_hours;hourly_rate;employment_start\r\nŁukasz Żółć;lukasz@example.com;;phone,chat;37,5;1.234,50;01.03.2026\r\n`, 'windows-1250')) });
    expect(s.run('person.list', { teamId: pl.id }).map((p) => [p.name, p.skills, p.contractHoursPerWeek, p.hourlyRate, p.employmentStart])).toEqual([['Łukasz Żółć', ['phone', 'chat'], 37.5, 1234.5, '2026-03-01']]);

    const tr = teamOf(s, 'tr', 'Destek');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${PEOPLE_HEADER.replaceAll(',', '\t')}\r\nŞükrü Öztürk\tsukru@example.com\t\tphone\t40\t100\r\n`, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`${PEOPLE_HEADER}\r\nÇağla Iğdır,cagla@example.com,,chat,40,100\r\n`, 'utf16le').swap16()]);
    s.run('person.import', { teamId: tr.id, bytes: b64(le) });
    s.run('person.import', { teamId: tr.id, bytes: b64(be) });
    expect(s.run('person.list', { teamId: tr.id }).map((p) => p.name).sort()).toEqual(['Çağla Iğdır', 'Şükrü Öztürk'].sort());

    const fa = teamOf(s, 'fa', 'پشتیبانی');
    s.run('person.import', { teamId: fa.id, bytes: asBytes(`${PEOPLE_HEADER},employment_start\nسارا محمدزاده,sara@example.com,۰۹۱۲۰۰۰۰۰۰۰,phone,۳۷٫۵,۹۵۰۰۰,۱۴۰۵/۰۱/۰۱\n`) });
    expect(s.run('person.list', { teamId: fa.id }).map((p) => [p.phone, p.contractHoursPerWeek, p.hourlyRate, p.employmentStart])).toEqual([['09120000000', 37.5, 95000, '2026-03-21']]);
    const sara = s.run('person.list', { teamId: fa.id })[0]?.id ?? 0;
    s.run('roster.import', { teamId: fa.id, format: 'csv', bytes: asBytes('person;date;start;end\nsara@example.com;۱۴۰۵/۰۹/۰۷;۰۹:۰۰;۱۳:۳۰\n') });
    expect(s.run('shift.list', { teamId: fa.id, from: '2026-11-28', to: '2026-11-28' }).map((x) => [x.personId, x.startLocal, x.endLocal])).toEqual([[sara, '09:00', '13:30']]);
    const leave = s.run('absenceType.list', { teamId: fa.id })[0]?.name ?? '';
    s.run('absence.import', { teamId: fa.id, bytes: asBytes(`person;type;start;end;hours\nsara@example.com;${leave};1405/09/10;1405/09/10;۲٫۵\n`) });
    expect(s.run('absence.list', { teamId: fa.id, from: '2026-12-01', to: '2026-12-01' }).map((a) => [a.start, a.hours])).toEqual([['2026-12-01', 2.5]]);
    s.close();
  });

  it('a file that cannot be decoded is refused with its line named, and nothing changes', () => {
    const s = freshService();
    const t = teamOf(s, 'tr', 'Destek');
    const before = dataHash(s.planner.db);
    const bytes = Buffer.concat([Buffer.from(`${PEOPLE_HEADER}\nAyşe,ayse@example.com,,phone,40,100\n`), Buffer.from([0x41, 0xc3, 0x28, 0x0a])]);
    const r = s.call('person.import', { teamId: t.id, bytes: b64(bytes), encoding: 'utf-8' });
    expect(r).toMatchObject({ ok: false, error: { code: 'undecodable', lines: [{ line: 3 }] } });
    // Text a browser already garbled is refused too, never stored with U+FFFD.
    expect(s.call('person.import', { teamId: t.id, csv: `${PEOPLE_HEADER}\n\ufffd\ufffdkr\ufffd,x@example.com,,phone,40,100\n` })).toMatchObject({ ok: false, error: { code: 'undecodable', lines: [{ line: 2 }] } });
    expect(dataHash(s.planner.db)).toBe(before);
    s.close();
  });
});
