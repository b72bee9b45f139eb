import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { freshService } from '../helpers/service';
import { startOfWeek, todayIn } from '../../core/time';
import { tempDir, tempFile } from '../helpers/tmp';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'rosterdesk.mjs');

const PEOPLE_HEADER = 'name,email,phone,skills,contract_hours,hourly_rate';

describe('rosterdesk CLI', () => {
  it('init, team add, team list --json, import people, check: the happy path', async () => {
    const db = tempFile();
    expect((await cli('init', '--db', db)).code).toBe(0);
    const added = await cli('team', 'add', 'Wsparcie Warszawa', '--db', db, '--tz', 'Europe/Warsaw', '--country', 'pl', '--locale', 'pl-PL', '--week-start', 'mon', '--currency', 'PLN');
    expect(added).toMatchObject({ code: 0, err: '' });
    const csv = path.join(tempDir(), 'people.csv');
    fs.writeFileSync(csv, `${PEOPLE_HEADER},color\nAnna Nowak,anna@example.com,+48 600 100 200,phone;chat,40,"35,50",#336699\n"Wiśniewski, Piotr",piotr@example.com,,email,32,30,\n`);
    const imported = await cli('import', 'people', csv, '--db', db, '--team', 'wsparcie warszawa');
    expect(imported).toMatchObject({ code: 0, out: 'Imported 2 people into "Wsparcie Warszawa"\n' });

    const list = await cli('team', 'list', '--db', db, '--json');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out)).toEqual([
      expect.objectContaining({ name: 'Wsparcie Warszawa', timeZone: 'Europe/Warsaw', locale: 'pl-PL', weekStart: 'mon', country: 'PL', currency: 'PLN', skills: ['phone', 'chat', 'email'] }),
    ]);
    const check = await cli('check', '--db', db);
    expect(check.code).toBe(0);
    expect(check.out).toContain('integrity ok');
    expect(check.out).toContain('Wsparcie Warszawa: 2 people');
  });

  it('check lists rule violations, one line each (rule, person, day, message), and exits 1', async () => {
    const db = tempFile();
    await cli('init', '--db', db);
    await cli('team', 'add', 'Wsparcie', '--db', db, '--tz', 'Europe/Warsaw');
    const s = freshService(db);
    const team = s.run('team.list', {})[0];
    if (!team) throw new Error('no team');
    const anna = s.run('person.create', { teamId: team.id, name: 'Anna Nowak', skills: ['phone'], contractHoursPerWeek: 0 });
    s.run('template.create', { teamId: team.id, code: 'L', name: 'Late', startLocal: '14:00', endLocal: '22:00' });
    s.run('template.create', { teamId: team.id, code: 'E', name: 'Early', startLocal: '07:00', endLocal: '15:00' });
    s.run('shift.setCells', { teamId: team.id, entries: [{ personId: anna.id, day: '2026-11-23', value: { code: 'L' } }, { personId: anna.id, day: '2026-11-24', value: { code: 'E' } }] });
    s.close();
    const r = await cli('check', '--db', db, '--team', 'wsparcie', '--from', '2026-11-23', '--to', '2026-11-29');
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toContain('rest\tAnna Nowak\t2026-11-24\tAnna Nowak has only 9 h rest before 2026-11-24 (at least 11 h)');
    const json = JSON.parse((await cli('check', '--db', db, '--from', '2026-11-23', '--to', '2026-11-29', '--json')).out);
    expect(json.violations).toEqual([{ team: 'Wsparcie', rule: 'rest', person: 'Anna Nowak', day: '2026-11-24', message: expect.stringContaining('9 h rest') }]);
    expect((await cli('check', '--db', db, '--from', '2026-11-30', '--to', '2026-12-06')).code).toBe(0);
    expect((await cli('check', '--db', db, '--from', '2026-11-30')).code).toBe(2);
    const bad = await cli('check', '--db', db, '--from', '2026-12-06', '--to', '2026-11-30');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('ends (2026-11-30) before it starts');
  });

  it('check finds a broken reference, lists it and exits 1', async () => {
    const db = tempFile();
    await cli('init', '--db', db, '--demo');
    const raw = new Database(db);
    raw.pragma('foreign_keys = OFF');
    raw.prepare("INSERT INTO person (team_id, name, color, contract_hours, hourly_rate, created_at, updated_at) VALUES (999, 'Orphan', '#000000', 40, 1, 'x', 'x')").run();
    raw.close();
    const r = await cli('check', '--db', db, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ integrity: 'ok', problems: ['a row of person points to a missing team'], teams: [{ name: 'Support Desk Istanbul', people: 14 }] });
    // The broken reference, and the demo's own two rule problems next week (a short rest, a shift on leave).
    expect((JSON.parse(r.out) as { violations: { rule: string }[] }).violations.map((v) => v.rule)).toEqual(['rest', 'absence']);
    expect(r.err).toMatch(/3 problem\(s\) found/);
  });

  it('init --demo creates the demo team and refuses to overwrite a file', async () => {
    const db = tempFile();
    const r = await cli('init', '--db', db, '--demo');
    expect(r.code).toBe(0);
    expect(r.out).toContain('(14 people)');
    const again = await cli('init', '--db', db);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);
  });

  it('an import with bad lines reports each with its line number, exits 1 and imports nothing', async () => {
    const db = tempFile();
    await cli('init', '--db', db);
    await cli('team', 'add', 'Destek', '--db', db, '--tz', 'Europe/Istanbul');
    const csv = path.join(tempDir(), 'people.csv');
    fs.writeFileSync(csv, `${PEOPLE_HEADER}\nAyşe,ayse@example.com,,phone,40,10\nBad,bad-mail,,phone,40,10\nFax,fax@example.com,,fax,40,10\n`);
    const before = crypto.createHash('sha256').update(fs.readFileSync(db)).digest('hex');
    const r = await cli('import', 'people', csv, '--db', db, '--team', 'Destek');
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines[0]).toBe(`${csv}:3: email: Must be an email address such as ayse@example.com`);
    expect(lines[1]).toMatch(new RegExp(`^${csv.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: skills: fax`));
    expect(lines.at(-1)).toBe(`rosterdesk import people: 2 problem(s) in ${csv}; nothing was imported`);
    expect((await cli('team', 'list', '--db', db)).out).toContain('0 people');
    expect(crypto.createHash('sha256').update(fs.readFileSync(db)).digest('hex')).toBe(before);
  });

  it('user errors exit 1 with one line on stderr', async () => {
    const db = tempFile();
    await cli('init', '--db', db);
    const cases = [
      ['team', 'add', 'X', '--db', db, '--tz', 'Mars/Base'],
      ['import', 'people', '/no/such.csv', '--db', db, '--team', 'X'],
      ['team', 'list', '--db', path.join(tempDir(), 'missing', 'file.rosterdesk')],
    ];
    for (const argv of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.err.trim().split('\n'), argv.join(' ')).toHaveLength(1);
    }
    const notOurs = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(notOurs, 'hello');
    const r = await cli('check', '--db', notOurs);
    expect(r).toMatchObject({ code: 1 });
    expect(r.err).toContain('not a Rosterdesk planner file');
    expect(fs.readFileSync(notOurs, 'utf8')).toBe('hello');
  });

  it('bad usage exits 2 with the usage line', async () => {
    for (const argv of [[], ['frobnicate'], ['team'], ['team', 'add', '--db', 'x.rosterdesk', '--tz', 'UTC'], ['team', 'list'], ['team', 'list', '--db', 'x', '--bogus'], ['serve', '--db', 'x', '--port', 'eighty'], ['team', 'add', 'X', '--db', 'x', '--tz', 'UTC', '--week-start', 'fri']]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
    }
    expect((await cli('team', 'list')).err).toContain('Usage: rosterdesk team list --db FILE [--json]');
  });

  it('every command has --help', async () => {
    for (const argv of [['init'], ['serve'], ['team', 'add'], ['team', 'list'], ['import', 'people'], ['check'], ['hours']]) {
      const r = await cli(...argv, '--help');
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.out).toContain(`Usage: rosterdesk ${argv.join(' ')}`);
    }
    expect((await cli('--help')).out).toContain('rosterdesk import people FILE.csv');
  });

  it('runs as a real bin with the documented exit codes', () => {
    const db = tempFile();
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
    expect(run('init', '--db', db).status).toBe(0);
    expect(run('team', 'add', 'Tehran', '--db', db, '--tz', 'Asia/Tehran', '--week-start', 'sat', '--currency', 'IRR', '--locale', 'fa-IR').status).toBe(0);
    const bad = run('team', 'add', 'Tehran', '--db', db, '--tz', 'Asia/Tehran');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('rosterdesk team add: A team called "Tehran" already exists\n');
    expect(run('nonsense').status).toBe(2);
  });
});

describe('rosterdesk import roster / export roster', () => {
  it('round-trips a roster through CSV and XLSX files, and reports bad lines with their numbers', async () => {
    const db = tempFile();
    await cli('init', '--db', db, '--demo');
    const dir = tempDir();
    const csv = path.join(dir, 'rota.csv');
    const xlsx = path.join(dir, 'rota.xlsx');
    // The demo's rota runs from eight weeks back to three weeks ahead of this week: export this week and the next.
    const monday = startOfWeek(todayIn('Europe/Istanbul'), 'mon');
    const range = ['--from', monday.toString(), '--to', monday.add({ days: 13 }).toString()];
    const a = await cli('export', 'roster', '--db', db, '--team', 'Support Desk Istanbul', ...range, '--format', 'csv', '--out', csv);
    expect(a.code).toBe(0);
    // 66 shifts a week; next week's leave (Niloufar's Saturday) is the shift the lead has yet to notice, so it is still there.
    expect(a.out).toBe(`Wrote 132 shifts to ${csv}\n`);
    const b = await cli('export', 'roster', '--db', db, '--team', 'Support Desk Istanbul', ...range, '--out', xlsx);
    expect(b.code).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');

    const other = tempFile();
    await cli('init', '--db', other, '--demo');
    const s = freshService(other);
    const team = s.run('team.list', {})[0];
    s.run('shift.clearRange', { teamId: team?.id ?? 0, from: range[1] ?? '', to: range[3] ?? '' });
    s.close();
    const imported = await cli('import', 'roster', xlsx, '--db', other, '--team', 'Support Desk Istanbul');
    expect(imported.code).toBe(0);
    const again = path.join(dir, 'again.csv');
    await cli('export', 'roster', '--db', other, '--team', 'Support Desk Istanbul', ...range, '--out', again);
    expect(fs.readFileSync(again, 'utf8')).toBe(fs.readFileSync(csv, 'utf8'));

    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'person,date,code\nNobody,2026-11-23,E\nAyşe Yılmaz,2026-13-01,E\n');
    expect(imported.out).toBe('Imported 132 shifts into "Support Desk Istanbul" (0 replaced)\n');
    const r = await cli('import', 'roster', bad, '--db', other, '--team', 'Support Desk Istanbul');
    expect(r.code).toBe(1);
    expect(r.err.split('\n').slice(0, 2)).toEqual([`${bad}:2: person: nobody in Support Desk Istanbul is called or has the email Nobody`, `${bad}:3: date: "2026-13-01" is not a real date written YYYY-MM-DD or DD.MM.YYYY`]);
    expect((await cli('export', 'roster', '--db', other, '--team', 'Support Desk Istanbul', ...range, '--format', 'pdf', '--out', bad)).code).toBe(2);
  });
});

describe('rosterdesk export ics', () => {
  it("writes the team's, a person's and a rotation's calendar files that ical.js reads", async () => {
    const db = tempFile();
    await cli('init', '--db', db, '--demo');
    const dir = tempDir();
    const monday = startOfWeek(todayIn('Europe/Istanbul'), 'mon');
    const range = ['--from', monday.toString(), '--to', monday.add({ days: 13 }).toString()];
    const base = ['export', 'ics', '--db', db, '--team', 'Support Desk Istanbul', ...range];
    const events = (file: string) => new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

    const team = path.join(dir, 'team.ics');
    expect(await cli(...base, '--out', team)).toMatchObject({ code: 0, out: `Wrote 132 events to ${team}\n` });
    expect(events(team)).toHaveLength(132);

    const ayse = path.join(dir, 'ayse.ics');
    expect((await cli(...base, '--person', 'AYSE.YILMAZ@example.com', '--absences', '--out', ayse)).code).toBe(0);
    const hers = events(ayse);
    expect(hers.length).toBeGreaterThan(0);
    expect(hers.every((e) => !e.summary.startsWith('Ayşe'))).toBe(true);

    const rota = path.join(dir, 'nobet.ics');
    expect((await cli(...base, '--oncall', 'nöbet', '--out', rota)).code).toBe(0);
    // The demo speaks Turkish: the rotation's name says it is on-call (nöbet) already.
    expect(events(rota).every((e) => /^Nöbet · \S/.test(e.summary))).toBe(true);

    const nobody = await cli(...base, '--person', 'nobody@example.com', '--out', path.join(dir, 'x.ics'));
    expect(nobody).toMatchObject({ code: 1, err: expect.stringContaining('--person: nobody in "Support Desk Istanbul" has the email nobody@example.com') });
    expect(fs.existsSync(path.join(dir, 'x.ics'))).toBe(false);
    expect((await cli(...base, '--oncall', 'Gece', '--out', rota)).code).toBe(1);
    expect((await cli('export', 'ics', '--db', db, '--team', 'Support Desk Istanbul', '--from', monday.toString(), '--out', rota)).code).toBe(2);
  });
});

describe('rosterdesk oncall', () => {
  it('prints the demo rotation as JSON and CSV with ISO 8601 instants carrying the offset', async () => {
    const db = tempFile();
    await cli('init', '--db', db, '--demo');
    const monday = startOfWeek(todayIn('Europe/Istanbul'), 'mon');
    const args = ['--db', db, '--team', 'Support Desk Istanbul', '--from', monday.toString(), '--to', monday.add({ days: 6 }).toString()];
    const json = await cli('oncall', ...args, '--rotation', 'nöbet');
    expect(json.code).toBe(0);
    const blocks = JSON.parse(json.out) as { rotation: string; person: string; start: string; end: string; layer: string }[];
    // The weekend escalation: Saturday 08:00 to Sunday 20:00, one block. The rotation started with the
    // rota eight weeks ago, so this week is the fourth of its five people's turn (8 mod 5 = 3, from 0).
    expect(blocks).toEqual([{ rotation: 'Nöbet', person: 'James Walker', start: `${monday.add({ days: 5 }).toString()}T08:00:00+03:00`, end: `${monday.add({ days: 6 }).toString()}T20:00:00+03:00`, layer: 'Weekend escalation' }]);
    const csv = await cli('oncall', ...args, '--format', 'csv');
    expect(csv.out.split('\r\n')[0]).toBe('rotation,person,start,end,layer');
    expect(csv.out.split('\r\n')).toHaveLength(3);
    expect((await cli('oncall', ...args, '--rotation', 'Nope')).err).toContain('rotations: Nöbet');
    expect((await cli('oncall', ...args, '--format', 'xml')).code).toBe(2);
  });
});

describe('rosterdesk import absences', () => {
  it('imports a CSV of absences, then refuses a broken one line by line without changing the file', async () => {
    const db = tempFile();
    await cli('init', '--db', db);
    await cli('team', 'add', 'Destek', '--db', db, '--tz', 'Europe/Istanbul', '--country', 'TR', '--locale', 'tr-TR');
    const people = path.join(tempDir(), 'people.csv');
    fs.writeFileSync(people, `${PEOPLE_HEADER}\nAyşe Yılmaz,ayse@example.com,,phone,40,100\nMehmet Kaya,,,chat,40,100\n`);
    await cli('import', 'people', people, '--db', db, '--team', 'Destek');
    const good = path.join(tempDir(), 'absences.csv');
    fs.writeFileSync(good, 'person,type,start,end,hours,status\nayse@example.com,vacation,2026-12-07,2026-12-11,,\nMehmet Kaya,Hastalık izni,2026-12-08,2026-12-08,4,requested\n');
    expect(await cli('import', 'absences', good, '--db', db, '--team', 'destek')).toMatchObject({ code: 0, out: 'Imported 2 absences into "Destek"\n' });

    const before = crypto.createHash('sha256').update(fs.readFileSync(db)).digest('hex');
    const bad = path.join(tempDir(), 'bad.csv');
    fs.writeFileSync(bad, 'person,type,start,end\nAyşe Yılmaz,vacation,2026-12-31,2026-12-01\nNobody,sick,2026-12-01,2026-12-01\n');
    const r = await cli('import', 'absences', bad, '--db', db, '--team', 'Destek');
    expect(r.code).toBe(1);
    expect(r.err.split('\n').filter(Boolean)).toEqual([
      `${bad}:2: end: ends (2026-12-01) before it starts (2026-12-31)`,
      `${bad}:3: person: nobody in Destek is called or has the email Nobody`,
      `rosterdesk import absences: 2 problem(s) in ${bad}; nothing was imported`,
    ]);
    expect(crypto.createHash('sha256').update(fs.readFileSync(db)).digest('hex')).toBe(before);
    const s = freshService(db);
    expect(s.run('absence.list', { teamId: 1, from: '2026-12-01', to: '2026-12-31' }).map((a) => [a.personName, a.status])).toEqual([
      ['Ayşe Yılmaz', 'approved'],
      ['Mehmet Kaya', 'requested'],
    ]);
    s.close();
  });
});

describe('rosterdesk staffing', () => {
  it('prints one JSON object for the worked example, evaluates a given number of agents, and refuses bad numbers', async () => {
    const args = ['staffing', '--calls', '100', '--interval-minutes', '30', '--aht-seconds', '180', '--target-sl', '0.8', '--target-seconds', '20'];
    const r = await cli(...args, '--shrinkage', '0.3');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ traffic: 10, agents: 14, scheduled: 20, serviceLevel: 0.88835, probWait: 0.174132, asa: 7.835937, occupancy: 0.714286 });
    expect(JSON.parse((await cli(...args, '--agents', '13')).out)).toMatchObject({ agents: 13, serviceLevel: 0.795595 });
    const a = JSON.parse((await cli(...args, '--patience-seconds', '120')).out) as Record<string, number>;
    expect(Object.keys(a)).toEqual(['traffic', 'agents', 'scheduled', 'serviceLevel', 'probWait', 'asa', 'occupancy', 'abandonRate']);
    expect(a.agents).toBeLessThanOrEqual(14);
    const bad = await cli(...args.slice(0, 7), '--target-sl', '80', '--target-seconds', '20');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--target-sl must be a number above 0 and below 1, not "80"');
    expect((await cli('staffing', '--calls', '100')).err).toContain('--interval-minutes is required');
    expect((await cli(...args, '--agents', '2.5')).code).toBe(2);
  });
});

describe('rosterdesk staffing with callers who hang up (issue 17, point 10)', () => {
  const issue = ['staffing', '--calls', '240', '--interval-minutes', '60', '--aht-seconds', '900', '--target-sl', '0.8', '--target-seconds', '120', '--patience-seconds', '45'];

  it('answers enough agents that at most 5 % hang up, and shows the service level and the hang-ups together', async () => {
    // Before: 20 agents, "serviceLevel 0.816" with two callers in three hanging up.
    const r = JSON.parse((await cli(...issue)).out) as Record<string, unknown>;
    expect(r).toMatchObject({ traffic: 60, agents: 65, serviceLevel: 0.956736, abandonRate: 0.043256 });
    expect(r.belowLoadReason).toBeUndefined();
    // 20 agents answer a third of the callers in time, not 81.6 %.
    expect(JSON.parse((await cli(...issue, '--agents', '20')).out)).toMatchObject({ serviceLevel: 0.325476, abandonRate: 0.668352 });
    // A channel that tolerates hang-ups gets fewer agents than Erlangs, and is told why.
    const loose = JSON.parse((await cli(...issue, '--max-abandon-rate', '1')).out) as Record<string, unknown>;
    expect(loose).toMatchObject({ agents: 51, belowLoadReason: '51 agents for 60 Erlangs: fewer agents than the offered load keep up only because 18.8 % of callers hang up (the channel allows up to 100 %)' });
    // Hang-ups within 5 s are not offered calls: fewer count against the 5 %.
    expect(JSON.parse((await cli(...issue, '--short-abandon-seconds', '5')).out)).toMatchObject({ agents: 62 });
    const big = JSON.parse((await cli('staffing', '--calls', '24000', '--interval-minutes', '60', '--aht-seconds', '300', '--target-sl', '0.95', '--target-seconds', '10', '--patience-seconds', '20')).out) as Record<string, unknown>;
    expect(big).toMatchObject({ traffic: 2000, agents: 1907, serviceLevel: 0.950005, abandonRate: 0.049994 });
    expect(big.belowLoadReason).toContain('1907 agents for 2000 Erlangs');
    const without = await cli('staffing', ...issue.slice(1, 11), '--max-abandon-rate', '0.05');
    expect(without.code).toBe(2);
    expect(without.err).toContain('--max-abandon-rate needs --patience-seconds');
  });
});

describe('rosterdesk import volume and forecast', () => {
  const bank = path.resolve(import.meta.dirname, '../fixtures/bank/anonymous_bank_1999_02_calls.csv');

  it('forecasts from a history file: interval_start,volume rows with offsets, or the backtest table', async () => {
    const r = await cli('forecast', '--history', bank, '--from', '1999-03-01', '--weeks', '1', '--interval', '60');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\r\n');
    expect(lines[0]).toBe('interval_start,volume');
    expect(lines).toHaveLength(1 + 7 * 24);
    expect(lines[11]).toMatch(/^1999-03-01T10:00:00\+02:00,\d+(\.\d+)?$/);
    const table = (await cli('forecast', '--history', bank, '--from', '1999-03-01', '--weeks', '1', '--interval', '60', '--backtest', '--format', 'json')).out;
    const accuracy = JSON.parse(table) as { method: string; wape: number; chosen: boolean }[];
    expect(accuracy.map((a) => a.method)).toEqual(['seasonal-naive', 'weekday-profile', 'trend-profile']);
    expect(accuracy.filter((a) => a.chosen)).toHaveLength(1);
    expect((await cli('forecast', '--history', bank, '--from', '1999-03-01', '--weeks', '13', '--interval', '60')).code).toBe(2);
    expect((await cli('forecast', '--history', bank, '--from', '1999-02-03', '--weeks', '1', '--interval', '60')).err).toContain('at least one week of history');
  });

  it('reads a history file a piece at a time: the same forecast from UTF-16, and a bad line named with its number', async () => {
    const utf8 = await cli('forecast', '--history', bank, '--from', '1999-03-01', '--weeks', '1', '--interval', '60');
    // The same file as Excel's "Unicode text" (UTF-16 LE with a byte-order mark): the zone is read from its first piece.
    const utf16 = path.join(path.dirname(tempFile()), `bank-utf16-${process.pid}.csv`);
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fs.readFileSync(bank, 'utf8'), 'utf16le')]));
    const r = await cli('forecast', '--history', utf16, '--from', '1999-03-01', '--weeks', '1', '--interval', '60');
    expect(r.code).toBe(0);
    expect(r.out).toBe(utf8.out);
    // A broken timestamp far beyond the first piece: refused with its line number, nothing forecast.
    const lines = fs.readFileSync(bank, 'utf8').split(/\r?\n/);
    const broken = path.join(path.dirname(utf16), `bank-broken-${process.pid}.csv`);
    fs.writeFileSync(broken, [...lines.slice(0, 5000), lines[5000]?.replace(/\d{4}-\d{2}-\d{2}/, '1999-13-45'), ...lines.slice(5001)].join('\n'));
    const bad = await cli('forecast', '--history', broken, '--from', '1999-03-01', '--weeks', '1', '--interval', '60');
    expect(bad.code).not.toBe(0);
    expect(bad.out).toBe('');
    expect(bad.err).toContain(`${broken}:5001:`);
  });

  it('imports a ticket export into a team and forecasts its channel from the planner file', async () => {
    const db = tempFile();
    await cli('init', '--db', db);
    await cli('team', 'add', 'Bank', '--db', db, '--tz', 'Asia/Jerusalem', '--week-start', 'sun');
    const imported = await cli('import', 'volume', bank, '--db', db, '--team', 'Bank');
    expect(imported).toMatchObject({ code: 0, out: 'Imported 33066 tickets into "Bank" as 1823 intervals (phone) from 1999-02-01 to 1999-02-28\n' });
    const again = await cli('import', 'volume', bank, '--db', db, '--team', 'Bank');
    expect(again.out).toContain('replacing 1823 stored intervals');
    const f = await cli('forecast', '--db', db, '--team', 'bank', '--channel', 'phone', '--from', '1999-03-01', '--weeks', '1', '--interval', '30', '--format', 'json');
    expect(f.code).toBe(0);
    expect(JSON.parse(f.out)).toHaveLength(7 * 48);
    const bad = path.join(tempDir(), 'bad.csv');
    fs.writeFileSync(bad, 'created_at,channel\n1999-02-30T09:00:00,phone\n');
    const refused = await cli('import', 'volume', bad, '--db', db, '--team', 'Bank', '--tz', 'Asia/Jerusalem');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`${bad}:2: created_at: "1999-02-30T09:00:00" is not a date and time`);
  });
});

describe('rosterdesk schedule', () => {
  it('prints the JSON summary of a draft for the demo week, writing it only without --dry-run', async () => {
    const db = tempFile();
    await cli('init', '--db', db, '--demo');
    const monday = startOfWeek(todayIn('Europe/Istanbul'), 'mon').add({ weeks: 1 });
    const args = ['schedule', '--db', db, '--team', 'Support Desk Istanbul', '--from', monday.toString(), '--to', monday.add({ days: 6 }).toString(), '--time-limit', '20'];
    const dry = await cli(...args, '--dry-run');
    expect(dry.code).toBe(0);
    const summary = JSON.parse(dry.out) as Record<string, number>;
    expect(Object.keys(summary)).toEqual(['shifts', 'underStaffedIntervals', 'underStaffedAgentHours', 'overStaffedAgentHours', 'lowerBoundAgentHours', 'violations', 'seconds', 'startSpreadMeanHours', 'startSpreadMaxHours']);
    expect(summary.violations).toBe(0);
    expect(summary.shifts).toBeGreaterThan(40);
    expect(summary.underStaffedAgentHours).toBeGreaterThanOrEqual(summary.lowerBoundAgentHours ?? 0);
    const s = freshService(db);
    const team = s.run('team.list', {})[0];
    const before = s.run('shift.list', { teamId: team?.id ?? 0, from: monday.toString(), to: monday.add({ days: 6 }).toString() }).length;
    s.close();
    const wet = await cli(...args);
    expect(wet.code).toBe(0);
    const s2 = freshService(db);
    expect(s2.run('shift.list', { teamId: team?.id ?? 0, from: monday.toString(), to: monday.add({ days: 6 }).toString() }).length).toBe((JSON.parse(wet.out) as { shifts: number }).shifts);
    expect(before).toBeGreaterThan(0);
    s2.close();
    expect((await cli(...args, '--time-limit', '0')).code).toBe(2);
  }, 60_000);
});

describe('rosterdesk hours', () => {
  it('shows each channel’s opening hours, sets one, and names the day and window a bad one fails on', async () => {
    const db = tempFile();
    await cli('init', '--db', db, '--demo');
    const base = ['hours', '--db', db, '--team', 'Support Desk Istanbul'];
    expect(await cli(...base)).toMatchObject({
      code: 0,
      out: 'phone\tmon-fri 08:00-20:00; sat 09:00-14:00 (closed on public holidays)\nchat\tmon-fri 08:00-22:00; sat-sun 12:00-18:00\nemail\tmon-fri 08:00-20:00\n',
    });
    const set = await cli(...base, '--channel', 'email', '--set', 'mon-fri 07:00-21:00; sat 10:00-14:00 15:00-18:00', '--holidays', 'closed');
    expect(set.code).toBe(0);
    expect(set.out.split('\n')[2]).toBe('email\tmon-fri 07:00-21:00; sat 10:00-14:00 15:00-18:00 (closed on public holidays)');
    expect((await cli(...base, '--channel', 'chat', '--always')).out.split('\n')[1]).toBe('chat\taround the clock');
    expect((await cli(...base, '--channel', 'chat', '--set', 'closed')).out.split('\n')[1]).toBe('chat\tclosed');

    const before = await cli(...base);
    const backwards = await cli(...base, '--channel', 'phone', '--set', 'mon-tue 20:00-08:00');
    expect(backwards.code).toBe(1);
    expect(backwards.err).toContain('--set mon 20:00-08:00: Closes at 08:00, not after it opens at 20:00');
    expect(await cli(...base, '--channel', 'phone', '--set', 'someday 08:00-09:00')).toMatchObject({ code: 2, err: expect.stringContaining('"someday" is not a weekday') });
    expect(await cli(...base, '--channel', 'fax', '--always')).toMatchObject({ code: 1, err: expect.stringContaining('--channel: "fax" is not a channel') });
    expect((await cli(...base, '--set', 'mon 08:00-09:00')).code).toBe(2);
    // Nothing was written by the refused calls.
    expect((await cli(...base)).out).toBe(before.out);
  });
});
