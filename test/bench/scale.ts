/**
 * Issue 9's scale figures: a planner file with five years of a 200-person team
 * (about 260 000 shifts, an on-call rotation) and about two million 15-minute
 * ticket-volume rows (the team's three channels and three more desks' history in
 * the same file). Prints how long opening, loading a week and a month's rule check
 * take. Run alone: node --import tsx test/bench/scale.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { time } from './timing';
import { Temporal } from 'temporal-polyfill';
import { toCsv } from '../../core/csv';
import { zoneClock } from '../../core/zone-clock';
import { rollingBackup } from '../../db/backup';
import { markClosedCleanly } from '../../db/integrity';
import { openPlanner } from '../../db/open';
import { createService } from '../../db/service';


const now = () => Temporal.Instant.from('2026-11-22T09:00:00Z');
const FIRST_DAY = '2022-01-03';
const LAST_DAY = '2026-12-31';
const PEOPLE = 200;
const CHANNELS = ['phone', 'chat', 'email'] as const;

/** Writes the five-year file: the team through the service, the years of rows in bulk as the app stores them. */
function buildFile(file: string): void {
  const s = createService(openPlanner(file), { appVersion: 'bench', now });
  const team = s.run('team.create', { name: 'Pięć lat', timeZone: 'Europe/Warsaw', country: 'PL', currency: 'PLN', skills: [...CHANNELS] });
  const skillsOf = (i: number) => (i % 5 === 0 ? 'chat' : i % 7 === 0 ? 'email' : 'phone');
  s.run('person.import', {
    teamId: team.id,
    csv: toCsv([['name', 'email', 'phone', 'skills', 'contract_hours', 'hourly_rate'], ...Array.from({ length: PEOPLE }, (_, i) => [`Agent ${i}`, `a${i}@example.com`, '', skillsOf(i), 40, 30])]),
  });
  const templates = [
    ['E', '07:00', '15:00', 'phone'],
    ['L', '14:00', '22:00', 'phone'],
    ['N', '22:00', '06:00', 'phone'],
    ['D', '09:00', '17:30', 'chat'],
    ['M', '08:00', '16:30', 'email'],
  ] as const;
  const ids = new Map<string, number>();
  for (const [code, a, b, skill] of templates) ids.set(code, s.run('template.create', { teamId: team.id, code, name: code, startLocal: a, endLocal: b, breakMinutes: 30, skill }).id);
  const people = s.run('person.list', { teamId: team.id });
  const group = (k: number) => people.slice(20 * k, 20 * k + 20).map((p) => p.id);
  s.run('rotation.create', {
    teamId: team.id,
    name: 'Dyżur',
    layers: [
      { name: 'Base', participants: group(0), turnUnit: 'weeks', turnLength: 1, startDay: FIRST_DAY, handoffTime: '09:00' },
      { name: 'Weekend', participants: group(1), turnUnit: 'days', turnLength: 1, startDay: FIRST_DAY, handoffTime: '08:00', restrictions: [{ fromDay: 6, fromTime: '00:00', toDay: 1, toTime: '00:00' }] },
    ],
  });
  const others = ['Kraków', 'Gdańsk', 'Poznań'].map((name) => s.run('team.create', { name, timeZone: 'Europe/Warsaw', country: 'PL', skills: [...CHANNELS] }).id);
  s.close();

  const { db, release } = openPlanner(file);
  const clock = zoneClock('Europe/Warsaw');
  const at = '2026-11-22T09:00:00Z';
  const insertShift = db.prepare(
    `INSERT INTO shift (team_id, person_id, roster_day, start_utc, end_utc, template_id, break_minutes, skill, locked, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 30, ?, 0, '', ?, ?)`,
  );
  const insertVolume = db.prepare('INSERT INTO volume_interval (team_id, channel, start_utc, interval_minutes, volume, aht_seconds) VALUES (?, ?, ?, 15, ?, ?)');
  db.transaction(() => {
    const days: string[] = [];
    for (let d = FIRST_DAY; d <= LAST_DAY; d = clock.addDays(d, 1)) days.push(d);
    // Day by day, all people each day: the order a rota grows in (week after week), which is also how the rows lie in the file.
    days.forEach((day, n) => {
      people.forEach((p, i) => {
        // Five on, two off, each person's week turned by their place; phone people rotate E, L, N by week.
        if ((n + i) % 7 >= 5) return;
        const skill = p.skills[0] ?? 'phone';
        const code = skill === 'chat' ? 'D' : skill === 'email' ? 'M' : (['E', 'L', 'N'] as const)[(Math.floor(n / 7) + i) % 3] ?? 'E';
        const [, a, b] = templates.find((t) => t[0] === code) ?? templates[0];
        const start = clock.at(day, a);
        const end = b > a ? clock.at(day, b) : clock.at(clock.addDays(day, 1), b);
        insertShift.run(team.id, p.id, day, start, end, ids.get(code) ?? null, skill, at, at);
      });
    });
    const first = clock.dayStart(FIRST_DAY);
    const last = clock.dayStart(clock.addDays(LAST_DAY, 1));
    for (const teamId of [team.id, ...others]) {
      for (let t = first; t < last; t += 900) {
        const hour = Math.floor(((t + 3600) % 86_400) / 3600);
        CHANNELS.forEach((c, k) => insertVolume.run(teamId, c, t, Math.max(0, Math.round((12 - Math.abs(hour - 13)) * (3 - k))), 240 + 60 * k));
      }
    }
  })();
  db.close();
  release();
}

console.log(`Rosterdesk scale bench — node ${process.version}, ${os.cpus().length} cores\n`);
// ROSTERDESK_SCALE_FILE keeps the built file (and reuses it) while working on the figures.
const kept = process.env.ROSTERDESK_SCALE_FILE;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosterdesk-scale-'));
const file = kept ?? path.join(dir, 'five-years.rosterdesk');
if (!kept || !fs.existsSync(kept)) {
  const t0 = performance.now();
  buildFile(file);
  console.log(`${'  (building the file, s)'.padEnd(58)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(9)}`);
}
{
  const { db, release } = openPlanner(file);
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  console.log(`${'  (shifts)'.padEnd(58)} ${String(count('SELECT count(*) FROM shift')).padStart(9)}`);
  console.log(`${'  (volume rows)'.padEnd(58)} ${String(count('SELECT count(*) FROM volume_interval')).padStart(9)}`);
  // As the app leaves a file it wrote to: marked closed cleanly (db/integrity.ts).
  markClosedCleanly(db);
  db.close();
  release();
  console.log(`${'  (file size, MB)'.padEnd(58)} ${(fs.statSync(file).size / 1e6).toFixed(0).padStart(9)}`);
}

// Opening as the app does: checks, pragmas, the service, and the first screen's calls. The
// window trusts a clean close (the full check then runs in the background); a command, or a
// file not closed cleanly, gets the full check first.
for (const [label, check] of [
  ['open the five-year file (to teams and undo state)', 'trust-clean-close'],
  ['  the same with the full check first (not closed cleanly)', 'full'],
] as const) {
  time(label, 5, () => {
    const s = createService(openPlanner(file, { check }), { appVersion: 'bench', now });
    s.run('app.info', {});
    s.run('team.list', {});
    s.run('history.state', {});
    s.close();
  });
}

const s = createService(openPlanner(file), { appVersion: 'bench', now });
const team = s.run('team.list', {}).find((t) => t.name === 'Pięć lat');
if (!team) throw new Error('the team is there');
// The first check after opening pays for the zone clock's caches (five years of on-call handovers).
time('first rule check for a month after opening (cold caches)', 1, () => s.run('roster.check', { teamId: team.id, from: '2026-11-01', to: '2026-11-30' }));
const weeks = ['2026-11-23', '2024-06-03', '2022-03-07'];
time('load a week of 200 people (shift.list)', 30, (i) => s.run('shift.list', { teamId: team.id, from: weeks[i % 3] ?? '', to: Temporal.PlainDate.from(weeks[i % 3] ?? '').add({ days: 6 }).toString() }));
time('the rota grid week (roster.week: shifts, leave, cost, rules)', 20, (i) => s.run('roster.week', { teamId: team.id, weekStart: weeks[i % 3] ?? '' }));
time('full rule check for a month (roster.check, on-call rest included)', 20, () => s.run('roster.check', { teamId: team.id, from: '2026-11-01', to: '2026-11-30' }));
time('coverage against the forecast requirement for a week', 5, () => s.run('coverage.range', { teamId: team.id, channel: null, from: '2026-11-23', to: '2026-11-29', intervalMinutes: 30 }));
time('daily ticket totals for a year', 5, () => s.run('volume.daily', { teamId: team.id, from: '2025-01-01', to: '2025-12-31' }));
{
  // The online backup API copies a hundred pages a step and lets the event loop run in between: the longest step is what the window waits for.
  let longestStepMs = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    longestStepMs = Math.max(longestStepMs, performance.now() - last);
    last = performance.now();
  }, 0);
  const t0 = performance.now();
  await rollingBackup(s.planner.db, file, new Date(), { force: true });
  const total = performance.now() - t0;
  clearInterval(ticker);
  console.log(`${'rolling backup of the file (just after open, once a day)'.padEnd(58)} ${total.toFixed(2).padStart(9)} ms`);
  console.log(`${'  (longest the event loop waited meanwhile)'.padEnd(58)} ${longestStepMs.toFixed(2).padStart(9)} ms`);
}
s.close();

// Issue 18, point 8: the window's own reads on this file through the slow-call log, slowest
// first. better-sqlite3 runs on the desktop app's main process, so any of these over 100 ms is a
// moment the window cannot answer.
{
  const slowest = new Map<string, number>();
  const logged = createService(openPlanner(file), { appVersion: 'bench', now, slowCallMs: 0, onSlowCall: (method, ms) => slowest.set(method, Math.max(ms, slowest.get(method) ?? 0)) });
  const id = team.id;
  const week = { teamId: id, from: '2026-11-23', to: '2026-11-29' };
  const month = { teamId: id, from: '2026-11-01', to: '2026-11-30' };
  const rotationId = logged.run('rotation.list', { teamId: id })[0]?.id ?? null;
  for (let round = 0; round < 3; round += 1) {
    logged.run('app.info', {});
    logged.run('team.list', {});
    logged.run('history.state', {});
    logged.run('person.list', { teamId: id });
    logged.run('template.list', { teamId: id });
    logged.run('roster.week', { teamId: id, weekStart: '2026-11-23' });
    logged.run('shift.list', week);
    logged.run('roster.costs', { ...month, by: 'week' });
    logged.run('oncall.schedule', { ...month, rotationId });
    logged.run('oncall.fairness', { ...month, rotationId });
    logged.run('rotation.list', { teamId: id });
    logged.run('absence.list', { ...month, personId: null, statuses: ['requested', 'approved'] });
    logged.run('absence.stats', month);
    logged.run('absence.conflicts', month);
    logged.run('absence.waiting', { teamId: id });
    logged.run('coverage.range', { ...week, channel: null, intervalMinutes: 30 });
    logged.run('forecast.run', { teamId: id, channel: 'phone', from: '2026-11-23', weeks: 1, intervalMinutes: 30 });
    logged.run('forecast.accuracy', { teamId: id, from: '2026-11-23' });
    logged.run('volume.weekly', { teamId: id, weeks: 12 });
  }
  logged.close();
  console.log('the window\'s reads on the five-year file, slowest of three (ms):');
  for (const [method, ms] of [...slowest].sort((a, b) => b[1] - a[1])) console.log(`${`  ${method}${ms > 100 ? '  (over 100 ms)' : ''}`.padEnd(58)} ${ms.toFixed(1).padStart(9)}`);
}
fs.rmSync(dir, { recursive: true, force: true });
