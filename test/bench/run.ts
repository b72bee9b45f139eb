/**
 * `npm run bench`: prints figures, decides nothing (DESIGN.md "Tests and measurements").
 * Each figure is the median of several runs on a fresh temp planner file. With `-- --base <ref>`,
 * another commit's figures from the same run are printed under each (against.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, time } from './timing';
import { Temporal } from 'temporal-polyfill';
import { toCsv } from '../../core/csv';
import { requiredAgents } from '../../core/erlang';
import { openPlanner } from '../../db/open';
import { createService } from '../../db/service';

// `npm run bench -- --base <ref>`: that commit's bench, then this one's, each figure with its earlier value.
const baseAt = process.argv.indexOf('--base');
if (baseAt >= 0) {
  const { benchAgainst } = await import('./against');
  await benchAgainst(process.argv[baseAt + 1] ?? 'HEAD~1');
  process.exit(0);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosterdesk-bench-'));
const now = () => Temporal.Instant.from('2026-11-22T09:00:00Z');

console.log(`Rosterdesk bench — node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB\n`);

const demoFile = path.join(dir, 'demo.rosterdesk');
time('create planner file + demo team (14 people, 8 weeks history)', 5, (i) => {
  const file = path.join(dir, `demo-${i}.rosterdesk`);
  const s = createService(openPlanner(file), { appVersion: 'bench', now });
  s.run('demo.create', {});
  s.close();
  if (i === 0) fs.copyFileSync(file, demoFile);
});
time('open an existing planner file (checks + pragmas)', 20, () => openPlanner(demoFile).db.close());

const s = createService(openPlanner(path.join(dir, 'big.rosterdesk')), { appVersion: 'bench', now });
const team = s.run('team.create', { name: 'Bench', timeZone: 'Europe/Warsaw' });
const header = ['name', 'email', 'phone', 'skills', 'contract_hours', 'hourly_rate'];
const csv = toCsv([header, ...Array.from({ length: 10_000 }, (_, i) => [`Person ${i}`, `p${i}@example.com`, '+48 600 000 000', 'phone;chat', 40, 35.5])]);
time('import people: 10 000-row CSV, one transaction', 1, () => s.run('person.import', { teamId: team.id, csv }));
time('list people of a 10 000-person team', 10, () => s.run('person.list', { teamId: team.id }));
time('search people ("person 99") in 10 000', 10, () => s.run('person.list', { teamId: team.id, query: 'person 99' }));
time('undo the 10 000-person import', 1, () => s.run('history.undo', {}));
time('redo it', 1, () => s.run('history.redo', {}));

const demo = createService(openPlanner(demoFile), { appVersion: 'bench', now });
const demoTeam = demo.run('team.list', {})[0];
if (demoTeam) time('weekly ticket totals, 8 weeks × 3 channels (demo)', 20, () => demo.run('volume.weekly', { teamId: demoTeam.id, weeks: 8 }));
demo.close();
s.close();

// Shift planning at 200 people: pattern application and the full rule check.
const big = createService(openPlanner(path.join(dir, 'rota-200.rosterdesk')), { appVersion: 'bench', now });
const bigTeam = big.run('team.create', { name: 'Two hundred', timeZone: 'Europe/Warsaw', country: 'PL', currency: 'PLN' });
big.run('person.import', {
  teamId: bigTeam.id,
  csv: toCsv([header, ...Array.from({ length: 200 }, (_, i) => [`Agent ${i}`, `a${i}@example.com`, '', 'phone;chat', 40, 30])]),
});
for (const [code, a, b] of [['E', '07:00', '15:00'], ['L', '14:00', '22:00'], ['N', '22:00', '06:00']] as const) {
  big.run('template.create', { teamId: bigTeam.id, code, name: code, startLocal: a, endLocal: b, breakMinutes: 30, skill: 'phone' });
}
const personIds = big.run('person.list', { teamId: bigTeam.id }).map((p) => p.id);
const cycle = ['E', 'E', 'L', 'L', 'N', 'N', '-', '-', '-'];
let firstApply = true;
time('apply a 9-day pattern to 200 people × 12 weeks (16 800 days)', 3, () => {
  big.run('pattern.apply', { teamId: bigTeam.id, cycle, personIds, start: '2026-11-23', weeks: 12, stagger: 1, replace: !firstApply });
  firstApply = false;
});
const shiftCount = big.run('shift.list', { teamId: bigTeam.id, from: '2026-11-23', to: '2027-02-14' }).length;
console.log(`${'  (shifts in those 12 weeks)'.padEnd(58)} ${String(shiftCount).padStart(9)}`);
time('full rule check, 200 people × 4 weeks (service call)', 20, () => big.run('roster.check', { teamId: bigTeam.id, from: '2026-11-23', to: '2026-12-20' }));
time('roster.week for 200 people (grid data: shifts, cost, rules)', 20, () => big.run('roster.week', { teamId: bigTeam.id, weekStart: '2026-11-30' }));

// On-call at scale (issue 4): 3 layers × 20 people over a year with 200 overrides.
const evenings = [1, 2, 3, 4, 5].map((d) => ({ fromDay: d, fromTime: '18:00', toDay: d === 5 ? 6 : d + 1, toTime: '09:00' }));
const weekends = [{ fromDay: 6, fromTime: '00:00', toDay: 1, toTime: '00:00' }];
const group = (k: number) => personIds.slice(20 * k, 20 * k + 20);
const rotation = big.run('rotation.create', {
  teamId: bigTeam.id,
  name: 'Dyżur',
  layers: [
    { name: 'Base', participants: group(0), turnUnit: 'weeks', turnLength: 1, startDay: '2026-01-05', handoffTime: '09:00' },
    { name: 'Evenings', participants: group(1), turnUnit: 'days', turnLength: 1, startDay: '2026-01-05', handoffTime: '18:00', restrictions: evenings, skipHolidays: true },
    { name: 'Weekend halves', participants: group(2), turnUnit: 'hours', turnLength: 12, startDay: '2026-01-03', handoffTime: '08:00', restrictions: weekends },
  ],
});
const pad = (n: number) => String(n).padStart(2, '0');
for (let i = 0; i < 200; i += 1) {
  const day = Temporal.PlainDate.from('2027-01-01').add({ days: (i * 37) % 360 });
  big.run('oncall.addOverride', { rotationId: rotation.id, personId: personIds[60 + (i % 40)] ?? 0, start: `${day.toString()}T${pad(6 + (i % 8))}:00`, end: `${day.toString()}T${pad(8 + (i % 8) + (i % 7))}:30` });
}
let blocks = 0;
time('on-call final schedule, 3 layers × 20 people, a year, 200 overrides', 10, () => {
  blocks = big.run('oncall.schedule', { teamId: bigTeam.id, rotationId: rotation.id, from: '2027-01-01', to: '2027-12-31' }).length;
});
console.log(`${'  (blocks in that year)'.padEnd(58)} ${String(blocks).padStart(9)}`);
time('on-call fairness over that year', 5, () => big.run('oncall.fairness', { teamId: bigTeam.id, rotationId: rotation.id, from: '2027-01-01', to: '2027-12-31' }));
time('full rule check 200 × 4 weeks, rest around on-call included', 20, () => big.run('roster.check', { teamId: bigTeam.id, from: '2026-11-23', to: '2026-12-20' }));

// Absences at 200 people: a week of leave for each person somewhere in the 12 weeks.
big.run('absence.import', {
  teamId: bigTeam.id,
  csv: toCsv([['person', 'type', 'start', 'end'], ...personIds.map((_, i) => [`a${i}@example.com`, 'vacation', Temporal.PlainDate.from('2026-11-23').add({ weeks: i % 12 }).toString(), Temporal.PlainDate.from('2026-11-27').add({ weeks: i % 12 }).toString()])]),
});
time('roster.week for 200 people with leave (uncovered shifts marked)', 20, () => big.run('roster.week', { teamId: bigTeam.id, weekStart: '2026-11-30' }));
time('absence statistics, 200 people × 12 weeks', 10, () => big.run('absence.stats', { teamId: bigTeam.id, from: '2026-11-23', to: '2027-02-14' }));
big.close();

// Issue 6: staffing, ticket import and forecasting at scale.
{
  const intervals = Array.from({ length: 10_000 }, (_, i) => ({ calls: (i * 37) % 300, intervalMinutes: 30, ahtSeconds: 240 + (i % 120), targetServiceLevel: 0.8, targetSeconds: 20, shrinkage: 0.3, maxOccupancy: 0.9 }));
  time('Erlang C requirement for 10 000 intervals', 5, () => {
    for (const x of intervals) requiredAgents(x);
  });
  const f = createService(openPlanner(path.join(dir, 'forecast.rosterdesk')), { appVersion: 'bench', now });
  const ft = f.run('team.create', { name: 'Volume', timeZone: 'Europe/Istanbul', country: 'TR' });
  const lines = ['created_at,channel'];
  const channels = ['phone', 'chat', 'email'];
  const start = Date.parse('2025-11-24T00:00:00+03:00');
  for (let i = 0; i < 1_000_000; i += 1) {
    // A million tickets over a year, about 2 740 a day.
    const at = new Date(start + Math.floor((i / 1_000_000) * 364 * 86_400_000) + ((i * 7919) % 3_600_000));
    lines.push(`${at.toISOString().slice(0, 19)}Z,${channels[i % 3] ?? 'phone'}`);
  }
  const csvText = lines.join('\n');
  console.log(`${'  (ticket export size, MB)'.padEnd(58)} ${(csvText.length / 1e6).toFixed(1).padStart(9)}`);
  time('import 1 000 000 ticket rows (15-minute intervals)', 1, () => f.run('volume.import', { teamId: ft.id, csv: csvText }));
  const intervalLines = ['interval_start,channel,volume,aht_seconds'];
  for (let i = 0; i < 67_200; i += 1) {
    const at = new Date(Date.UTC(2024, 0, 1) + i * 900_000).toISOString().slice(0, 16);
    for (const c of channels) intervalLines.push(`${at}Z,${c},${(i % 17) + 1},240`);
  }
  const it = f.run('team.create', { name: 'Intervals', timeZone: 'Europe/Istanbul', country: 'TR' });
  time('import 201 600 interval rows (two years, 15 min, 3 channels)', 1, () => f.run('volume.import', { teamId: it.id, csv: intervalLines.join('\n') }));
  time('forecast 12 weeks at 15 min from a year of history, backtest included', 3, () =>
    f.run('forecast.run', { teamId: ft.id, channel: 'phone', from: '2026-11-23', weeks: 12, intervalMinutes: 15 }),
  );
  f.close();
}

// Issue 19, point 4: a million tickets imported from a file, beside the sqlite3 shell.
{
  const { importFileBench } = await import('./import-file');
  for (const line of await importFileBench(dir)) console.log(line);
}

// Issue 7: auto-scheduling 4 weeks at 30-minute intervals, 3 channels.
{
  const { scheduleBench } = await import('./schedule');
  for (const line of await scheduleBench(dir, now)) console.log(line);
}

// Issue 9: a five-year planner file (its own script, also runnable alone).
{
  console.log('\nDepartment hub (issue 20): a hub process over a throwaway PostgreSQL 15 on loopback');
  const { hubBench } = await import('./hub');
  for (const line of await hubBench()) console.log(line);
}
console.log('');
await import('./scale');

if (fs.existsSync('/usr/bin/chromium') || process.env.CHROMIUM_PATH) {
  // The grid in Chromium: "next week" (its data read while the week before was shown) and a jump to a
  // week not read yet. test/bench/grid.ts runs these alone, and against another commit with --base.
  const { gridRenderMs, rotaPlanner } = await import('./grid-render');
  const rota1000 = path.join(dir, 'rota-1000.rosterdesk');
  rotaPlanner(rota1000, 1000);
  for (const [people, file] of [[200, path.join(dir, 'rota-200.rosterdesk')], [1000, rota1000]] as const) {
    for (const mode of ['next', 'jump'] as const) {
      const figures = await gridRenderMs(file, { mode });
      const label = mode === 'next' ? `render the ${people}-person week grid in Chromium (next week →)` : `  the same, going to a week not read yet`;
      console.log(`${label.padEnd(58)} ${median(figures).toFixed(2).padStart(9)} ms  (median of ${figures.length})`);
    }
  }
}
fs.rmSync(dir, { recursive: true, force: true });
