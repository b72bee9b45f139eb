import type { AbsenceTypeKey } from './absence';
import type { LayerInput } from './oncall';
import type { PersonCreate } from './person';
import { paletteColor } from './person';
import type { TeamCreate } from './team';
import type { ShiftTemplate } from './template';
import { poisson, seededRandom } from './random';
import { dayIntervals, epochSeconds, startOfWeek, Temporal } from './time';

/**
 * The demo team: a 14-person support desk in Istanbul with phone, chat and
 * email, shift templates and eight weeks of intraday ticket history ending
 * yesterday, so every screen has something real to show on first run.
 */

export const DEMO_TEAM_NAME = 'Support Desk Istanbul';
export const DEMO_HISTORY_WEEKS = 8;
export const DEMO_INTERVAL_MINUTES = 30;

export interface DemoVolume {
  channel: string;
  startUtc: number;
  intervalMinutes: number;
  volume: number;
  ahtSeconds: number;
}

export const DEMO_ROTA_WEEKS = 4;

export interface DemoRotaEntry {
  /** Index into `people`. */
  person: number;
  day: string;
  code: string;
}

export interface DemoData {
  team: Required<Omit<TeamCreate, 'name' | 'rules'>> & { name: string };
  people: Omit<PersonCreate, 'teamId'>[];
  templates: Omit<ShiftTemplate, 'id' | 'teamId'>[];
  volumes: DemoVolume[];
  /** This week and the next three, from the week's Monday. */
  rota: DemoRotaEntry[];
  /** A weekend escalation on-call rotation of the weekday staff, weekly from this Monday. */
  onCall: { name: string; layers: (Omit<LayerInput, 'participants'> & { participants: number[] })[] };
  /** Leave past and planned: a vacation, a training day, sick days last week, and one request to decide. */
  absences: { person: number; type: AbsenceTypeKey; start: string; end: string; status: 'approved' | 'requested'; note: string }[];
  /** Vacation days a year for everyone. */
  vacationDaysPerYear: number;
}

type Channel = 'phone' | 'chat' | 'email';

/**
 * Each person keeps one shift type (so rest between days is never short) and
 * works on fixed ISO weekdays, staggered so evenings and weekends are covered
 * and no one works more than five days in a row across week boundaries.
 */
const PEOPLE: { name: string; email: string; skills: Channel[]; hours: number; rate: number; phone: string; shift: string; workDays: number[] }[] = [
  { name: 'Ayşe Yılmaz', email: 'ayse.yilmaz', skills: ['phone', 'chat'], hours: 40, rate: 310, phone: '+90 532 410 21 01', shift: 'E', workDays: [1, 2, 3, 4, 5] },
  { name: 'Mehmet Kaya', email: 'mehmet.kaya', skills: ['phone'], hours: 40, rate: 290, phone: '+90 532 410 21 02', shift: 'L', workDays: [3, 4, 5, 6, 7] },
  { name: 'Zeynep Demir', email: 'zeynep.demir', skills: ['chat', 'email'], hours: 40, rate: 300, phone: '+90 532 410 21 03', shift: 'D', workDays: [1, 2, 3, 4, 5] },
  { name: 'Emre Şahin', email: 'emre.sahin', skills: ['phone', 'email'], hours: 30, rate: 285, phone: '+90 532 410 21 04', shift: 'E', workDays: [4, 5, 6, 7] },
  { name: 'Agnieszka Kowalska', email: 'agnieszka.kowalska', skills: ['phone', 'chat', 'email'], hours: 40, rate: 340, phone: '+48 601 220 301', shift: 'C', workDays: [7, 1, 2, 3, 4] },
  { name: 'Piotr Wiśniewski', email: 'piotr.wisniewski', skills: ['phone'], hours: 40, rate: 295, phone: '+48 601 220 302', shift: 'E', workDays: [5, 6, 7, 1, 2] },
  { name: 'Katarzyna Nowak', email: 'katarzyna.nowak', skills: ['chat'], hours: 32, rate: 290, phone: '+48 601 220 303', shift: 'D', workDays: [6, 7, 1, 2] },
  { name: 'Łukasz Zieliński', email: 'lukasz.zielinski', skills: ['email', 'chat'], hours: 40, rate: 300, phone: '+48 601 220 304', shift: 'M', workDays: [1, 2, 3, 4, 5] },
  { name: 'Reza Hosseini', email: 'reza.hosseini', skills: ['phone', 'chat'], hours: 40, rate: 305, phone: '+98 912 555 0101', shift: 'L', workDays: [1, 2, 3, 4, 5] },
  { name: 'Maryam Karimi', email: 'maryam.karimi', skills: ['chat', 'email'], hours: 40, rate: 300, phone: '+98 912 555 0102', shift: 'C', workDays: [2, 3, 4, 5, 6] },
  { name: 'Niloufar Rahimi', email: 'niloufar.rahimi', skills: ['phone'], hours: 24, rate: 280, phone: '+98 912 555 0103', shift: 'E', workDays: [1, 2, 3] },
  { name: 'Emily Carter', email: 'emily.carter', skills: ['phone', 'email'], hours: 40, rate: 320, phone: '+44 7700 900101', shift: 'L', workDays: [6, 7, 1, 2, 3] },
  { name: 'James Walker', email: 'james.walker', skills: ['phone', 'chat'], hours: 40, rate: 315, phone: '+44 7700 900102', shift: 'E', workDays: [2, 3, 4, 5, 6] },
  { name: 'Olivia Bennett', email: 'olivia.bennett', skills: ['email'], hours: 20, rate: 290, phone: '+44 7700 900103', shift: 'M', workDays: [3, 4, 5] },
];

const TEMPLATES: DemoData['templates'] = [
  { code: 'E', name: 'Early phone', startLocal: '07:00', endLocal: '15:00', breakMinutes: 30, color: '#4e79a7', skill: 'phone' },
  { code: 'L', name: 'Late phone', startLocal: '15:00', endLocal: '23:00', breakMinutes: 30, color: '#f28e2b', skill: 'phone' },
  { code: 'N', name: 'Night phone', startLocal: '23:00', endLocal: '07:00', breakMinutes: 30, color: '#2f2f6f', skill: 'phone' },
  { code: 'D', name: 'Day chat', startLocal: '09:00', endLocal: '17:30', breakMinutes: 30, color: '#59a14f', skill: 'chat' },
  { code: 'C', name: 'Evening chat', startLocal: '13:00', endLocal: '21:30', breakMinutes: 30, color: '#76b7b2', skill: 'chat' },
  { code: 'M', name: 'Mail desk', startLocal: '08:00', endLocal: '16:30', breakMinutes: 30, color: '#b07aa1', skill: 'email' },
];

/** Tickets per weekday (ISO 1 = Monday) on an average week. */
const DAILY_TOTAL: Record<Channel, number> = { phone: 260, chat: 190, email: 170 };
const WEEKDAY_FACTOR = [0, 1.18, 1.06, 1.0, 0.97, 0.9, 0.52, 0.4];
const AHT_SECONDS: Record<Channel, number> = { phone: 310, chat: 540, email: 720 };

/** Relative arrivals by local hour: phone peaks mid-morning and after lunch, chat later, email in office hours. */
const HOURLY_SHAPE: Record<Channel, number[]> = {
  phone: [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.6, 2.2, 5.0, 8.2, 9.6, 9.0, 7.0, 7.6, 8.4, 7.4, 6.2, 5.0, 3.8, 3.0, 2.4, 1.8, 1.0, 0.5],
  chat: [0.3, 0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 1.0, 2.8, 5.2, 6.6, 7.0, 6.4, 6.8, 7.2, 7.4, 7.0, 6.6, 6.2, 5.8, 5.0, 3.6, 2.0, 0.8],
  email: [1.0, 0.6, 0.4, 0.4, 0.4, 0.6, 1.4, 3.6, 6.4, 7.6, 7.8, 7.2, 5.8, 6.6, 7.0, 6.8, 6.0, 4.6, 3.0, 2.4, 2.0, 1.8, 1.6, 1.2],
};

export function demoData(now: Temporal.Instant = Temporal.Now.instant()): DemoData {
  const timeZone = 'Europe/Istanbul';
  const random = seededRandom(20261122);
  const today = now.toZonedDateTimeISO(timeZone).toPlainDate();
  const people = PEOPLE.map((p, i) => ({
    name: p.name,
    email: `${p.email}@example.com`,
    phone: p.phone,
    color: paletteColor(i),
    skills: [...p.skills],
    contractHoursPerWeek: p.hours,
    hourlyRate: p.rate,
    employmentStart: today.subtract({ years: 1, days: i * 23 }).toString(),
    employmentEnd: null,
    notes: '',
  }));

  const volumes: DemoVolume[] = [];
  const days = DEMO_HISTORY_WEEKS * 7;
  for (let back = days; back >= 1; back -= 1) {
    const day = today.subtract({ days: back });
    // A gentle upward trend: the newest week is about 6 % busier than the oldest.
    const trend = 1 + (0.06 * (days - back)) / days;
    for (const channel of ['phone', 'chat', 'email'] as const) {
      const shape = HOURLY_SHAPE[channel];
      const shapeSum = shape.reduce((a, b) => a + b, 0);
      const dailyMean = DAILY_TOTAL[channel] * (WEEKDAY_FACTOR[day.dayOfWeek] ?? 1) * trend;
      for (const start of dayIntervals(day, timeZone, DEMO_INTERVAL_MINUTES)) {
        const share = (shape[start.hour] ?? 0) / shapeSum / (60 / DEMO_INTERVAL_MINUTES);
        const volume = poisson(dailyMean * share, random);
        const ahtSeconds = Math.round(AHT_SECONDS[channel] * (0.9 + 0.2 * random()));
        volumes.push({ channel, startUtc: epochSeconds(start.toInstant()), intervalMinutes: DEMO_INTERVAL_MINUTES, volume, ahtSeconds });
      }
    }
  }

  const monday = startOfWeek(today, 'mon');
  const on = (days: number) => monday.add({ days }).toString();
  const absences: DemoData['absences'] = [
    { person: 6, type: 'sick', start: on(-6), end: on(-5), status: 'approved', note: '' },
    { person: 1, type: 'sick', start: on(-3), end: on(-3), status: 'approved', note: '' },
    { person: 2, type: 'vacation', start: on(14), end: on(18), status: 'approved', note: 'Kapadokya' },
    { person: 13, type: 'training', start: on(9), end: on(9), status: 'approved', note: 'Zendesk admin course' },
    { person: 11, type: 'vacation', start: on(7), end: on(8), status: 'requested', note: '' },
  ];
  // Nobody is rostered on approved leave: the lead planned around it.
  const away = (person: number, day: string) => absences.some((a) => a.status === 'approved' && a.person === person && day >= a.start && day <= a.end);

  const rota: DemoRotaEntry[] = [];
  for (let d = 0; d < DEMO_ROTA_WEEKS * 7; d += 1) {
    const day = monday.add({ days: d });
    PEOPLE.forEach((p, person) => {
      if (p.workDays.includes(day.dayOfWeek) && !away(person, day.toString())) rota.push({ person, day: day.toString(), code: p.shift });
    });
  }

  // Weekend daytime escalation by people who work weekdays only, so their daily rest holds
  // around it: Friday's shifts end by 17:30 and Monday's start at 07:00 at the earliest.
  const onCall = {
    name: 'Nöbet',
    layers: [
      {
        name: 'Weekend escalation',
        // Indexes into `people`.
        participants: [0, 2, 7, 10, 13],
        turnUnit: 'weeks' as const,
        turnLength: 1,
        startDay: monday.toString(),
        handoffTime: '09:00',
        restrictions: [{ fromDay: 6, fromTime: '08:00', toDay: 7, toTime: '20:00' }],
      },
    ],
  };

  return {
    rota,
    onCall,
    absences,
    vacationDaysPerYear: 20,
    team: {
      name: DEMO_TEAM_NAME,
      timeZone,
      locale: 'tr-TR',
      weekStart: 'mon',
      country: 'TR',
      currency: 'TRY',
      skills: ['phone', 'chat', 'email'],
    },
    people,
    templates: TEMPLATES.map((t) => ({ ...t })),
    volumes,
  };
}
