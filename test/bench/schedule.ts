/**
 * Issue 7's figures: a draft for 4 weeks at 30-minute intervals, 3 channels, for 50 and 200
 * people. Run alone with `node --import tsx test/bench/schedule.ts [sizes…]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Temporal } from 'temporal-polyfill';
import { toCsv } from '../../core/csv';
import { openPlanner } from '../../db/open';
import { createService } from '../../db/service';

const header = ['name', 'email', 'phone', 'skills', 'contract_hours', 'hourly_rate'];

/** A team of `size` with six templates over three channels and four weeks of desk-shaped history. */
export function scheduleTeam(file: string, size: number, now: () => Temporal.Instant) {
  const s = createService(openPlanner(file), { appVersion: 'bench', now });
  const t = s.run('team.create', { name: `Schedule ${size}`, timeZone: 'Europe/Istanbul', country: 'TR' });
  const skillsOf = (i: number) => [['phone'], ['phone', 'chat'], ['chat', 'email'], ['email', 'phone']][i % 4] ?? ['phone'];
  s.run('person.import', { teamId: t.id, csv: toCsv([header, ...Array.from({ length: size }, (_, i) => [`Agent ${i}`, `s${i}@example.com`, '', skillsOf(i).join(';'), i % 5 === 0 ? 30 : 40, 30])]) });
  for (const [code, a, b, skill] of [['E', '07:00', '15:00', 'phone'], ['L', '15:00', '23:00', 'phone'], ['D', '09:00', '17:30', 'chat'], ['C', '13:00', '21:30', 'chat'], ['M', '08:00', '16:30', 'email'], ['N', '23:00', '07:00', 'phone']] as const) {
    s.run('template.create', { teamId: t.id, code, name: code, startLocal: a, endLocal: b, breakMinutes: 30, skill });
  }
  const rows = ['interval_start,channel,volume,aht_seconds'];
  const shape = (h: number) => Math.max(0, Math.sin(((h - 6) / 17) * Math.PI));
  for (let d = 0; d < 28; d += 1) {
    const day = Temporal.PlainDate.from('2026-10-26').add({ days: d });
    const weekday = day.dayOfWeek <= 5 ? 1 : 0.5;
    for (let i = 0; i < 48; i += 1) {
      const h = i / 2;
      for (const [channel, peak, aht] of [['phone', 0.9, 300], ['chat', 0.6, 420], ['email', 0.5, 600]] as const) {
        rows.push(`${day.toString()}T${String(Math.floor(h)).padStart(2, '0')}:${i % 2 ? '30' : '00'},${channel},${Math.round(size * peak * weekday * shape(h) * 10) / 10},${aht}`);
      }
    }
  }
  s.run('volume.import', { teamId: t.id, csv: rows.join('\n') });
  return { s, t };
}

/**
 * What makes people different in a real team, which splits the groups the model treats as one:
 * a week of approved leave for one in ten, a weekday one in five cannot work, nights one in ten
 * would rather not do.
 */
export function personalise(s: ReturnType<typeof scheduleTeam>['s'], teamId: number): void {
  const people = s.run('person.list', { teamId });
  const vacation = s.run('absenceType.list', { teamId }).find((x) => x.key === 'vacation');
  const night = s.run('template.list', { teamId }).find((x) => x.code === 'N');
  people.forEach((p, i) => {
    if (i % 10 === 3) {
      const start = ['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14'][i % 4] ?? '2026-11-23';
      s.run('absence.create', { teamId, personId: p.id, typeId: vacation?.id ?? 0, start, end: Temporal.PlainDate.from(start).add({ days: 6 }).toString(), status: 'approved' });
    }
    const preferences = [
      ...(i % 5 === 1 ? [{ weekday: (i % 7) + 1, templateId: null, kind: 'cannot' as const }] : []),
      ...(i % 10 === 7 && night ? [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, templateId: night.id, kind: 'prefer_not' as const })) : []),
    ];
    if (preferences.length) s.run('person.setPreferences', { personId: p.id, preferences });
  });
}

export async function scheduleBench(dir: string, now: () => Temporal.Instant, sizes: readonly number[] = [50, 200]): Promise<string[]> {
  const lines: string[] = [];
  for (const [size, personal] of sizes.flatMap((n) => [[n, false], [n, true]] as const)) {
    const { s, t } = scheduleTeam(path.join(dir, `schedule-${size}${personal ? '-personal' : ''}.rosterdesk`), size, now);
    if (personal) personalise(s, t.id);
    const t0 = performance.now();
    const r = await s.callAsync('schedule.generate', { teamId: t.id, from: '2026-11-23', to: '2026-12-20', timeLimitSeconds: size <= 50 ? 30 : 120 });
    const ms = performance.now() - t0;
    if (r.ok) {
      const x = r.value.summary;
      // Fairness: the spread of weekend days and night shifts per person who works any.
      const spread = (pick: (d: { day: string; code: string }) => boolean) => {
        const per = new Map<number, number>();
        for (const d of r.value.draft) per.set(d.personId, (per.get(d.personId) ?? 0) + (pick(d) ? 1 : 0));
        const counts = [...per.values()];
        return `${Math.min(...counts)}–${Math.max(...counts)}`;
      };
      const fairness = `weekend days ${spread((d) => Temporal.PlainDate.from(d.day).dayOfWeek >= 6)}, nights ${spread((d) => d.code === 'N')} per person`;
      const gap = x.lowerBoundAgentHours > 0 ? ((x.underStaffedAgentHours - x.lowerBoundAgentHours) / x.lowerBoundAgentHours) * 100 : 0;
      lines.push(`${`schedule ${size} people × 4 weeks × 3 channels${personal ? ', leave+prefs' : ''}`.padEnd(58)} ${ms.toFixed(0).padStart(9)} ms  (${x.shifts} shifts, ${x.violations} violations, under ${x.underStaffedAgentHours} h, bound ${x.lowerBoundAgentHours} h, +${gap.toFixed(1)} %, over ${x.overStaffedAgentHours} h, ${fairness}, ${x.status})`);
    } else lines.push(`schedule ${size}: ${r.error.message}`);
    s.close();
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosterdesk-bench-'));
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  for (const line of await scheduleBench(dir, () => Temporal.Instant.from('2026-11-22T09:00:00Z'), sizes.length ? sizes : undefined)) console.log(line);
}
