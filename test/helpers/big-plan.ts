import type { PlanItem } from '../../core/hub-plan';

const DAY_MS = 86_400_000;
const dayAfter = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * A team's four weeks as a planner would publish them, for load and crash tests: `people` people
 * (person<N>@<team>.example), five shifts a week each, a nightly on-call turn, a leave balance
 * each, coverage per week and channel, and the month's cost. `variant` moves every shift by an
 * hour, so a plan of another variant differs in every shift.
 */
export function bigTeamPlan(people: number, monday: string, variant: number, team = 'team'): PlanItem[] {
  const items: PlanItem[] = [
    { kind: 'team', key: 'team', body: { name: `Ekip ${team}`, timeZone: 'Europe/Istanbul', country: 'TR', weekStartsOn: 1, leaveTypes: [{ id: 1, name: 'Yıllık izin', key: 'vacation' }], shiftTypes: [{ id: 1, name: 'Sabah', startLocal: '08:00', endLocal: '16:00' }] } },
  ];
  let shiftId = 1;
  for (let p = 1; p <= people; p += 1) {
    const personKey = `p${p}`;
    items.push({ kind: 'person', key: personKey, body: { name: `Kişi ${p}`, email: `person${p}@${team}.example`, skills: ['phone', 'chat'], contractHoursPerWeek: 40, color: '#2255aa' } });
    items.push({ kind: 'balance', key: `b${p}-1-2030`, personKey, body: { year: 2030, type: 'Yıllık izin', typeKey: 'vacation', unit: 'days', allowance: 14, carryOver: 0, taken: p % 5, planned: 1, requested: 0, left: 13 - (p % 5) } });
    for (let d = 0; d < 28; d += 1) {
      if ((d + p) % 7 >= 5) continue;
      const day = dayAfter(monday, d);
      const startHour = 5 + ((p + variant) % 4);
      const startsAt = `${day}T${String(startHour).padStart(2, '0')}:00:00Z`;
      const endsAt = `${day}T${String(startHour + 8).padStart(2, '0')}:00:00Z`;
      const local = (h: number) => `${String(h + 3).padStart(2, '0')}:00`;
      items.push({ kind: 'shift', key: `s${shiftId}`, personKey, startsAt, endsAt, body: { day, startLocal: local(startHour), endLocal: local(startHour + 8), code: 'S', skill: p % 2 ? 'phone' : 'chat', paidMinutes: 450 } });
      shiftId += 1;
    }
  }
  for (let d = 0; d < 28; d += 1) {
    const day = dayAfter(monday, d);
    const startUtc = Date.parse(`${day}T15:00:00Z`) / 1000;
    items.push({ kind: 'oncall', key: `o1-${startUtc}`, personKey: `p${((d + variant) % people) + 1}`, startsAt: `${day}T15:00:00Z`, endsAt: `${dayAfter(day, 1)}T05:00:00Z`, body: { rotation: 'Nöbet', startLocal: `${day}T18:00`, endLocal: `${dayAfter(day, 1)}T08:00` } });
  }
  for (let w = 0; w < 4; w += 1) {
    for (const channel of ['phone', 'chat', 'email']) {
      const weekStart = dayAfter(monday, 7 * w);
      items.push({ kind: 'coverage', key: `c${weekStart}-${channel}`, body: { weekStart, channel, requiredHours: 2000 + variant, onShiftHours: 1900, shortHours: 100 + variant } });
    }
  }
  items.push({ kind: 'cost', key: `m${monday.slice(0, 7)}`, body: { month: monday.slice(0, 7), cost: 500_000 + variant, standby: 20_000, budget: 520_000, currency: 'TRY', absenceRate: 0.04 } });
  return items;
}
