import type { AbsenceTypeKey } from './absence';
import { publicHolidays } from './holidays';
import type { LayerInput } from './oncall';
import type { ChannelHoursInput } from './opening-hours';
import type { PersonCreate } from './person';
import { paletteColor } from './person';
import type { TeamCreate } from './team';
import type { ShiftTemplate } from './template';
import { poisson, seededRandom } from './random';
import { dayIntervals, epochSeconds, startOfWeek, Temporal } from './time';

/**
 * The demo team: a 14-person support desk in Istanbul with phone, chat and
 * email, opening hours, shift templates, eight weeks of intraday ticket
 * history ending yesterday and a rota from eight weeks back to four weeks
 * ahead, so every screen (and every month report) has something real to show.
 *
 * The desk is planned to fit its volumes: in the coming week nearly every
 * open interval meets its service-level target. A lead still has a few things
 * to fix, on purpose, all in the coming week (see DEMO_PROBLEMS).
 */

export const DEMO_TEAM_NAME = 'Support Desk Istanbul';
export const DEMO_HISTORY_WEEKS = 8;
export const DEMO_INTERVAL_MINUTES = 30;
/** Whole weeks of rota before this week: with the four below, every month report of the history is whole. */
export const DEMO_ROTA_PAST_WEEKS = 8;
/** This week and the next three. */
export const DEMO_ROTA_WEEKS = 4;

/** What is wrong in the demo's coming week on purpose: the problems a lead is meant to find. */
export const DEMO_PROBLEMS = {
  /** Agnieszka swapped Wednesday's evening chat for Łukasz's day chat: 10 h rest after Tuesday's evening. */
  rest: { person: 'Agnieszka Kowalska', day: 2 },
  /** Niloufar's Saturday phone shift on her approved leave: nobody really covers Saturday's phones. */
  uncovered: { person: 'Niloufar Rahimi', day: 5 },
  /** Emily asked for Monday and Tuesday off; the request waits for the lead. */
  request: { person: 'Emily Carter', day: 0 },
  /** James moved to the early shift on Tuesday: two on the phones that evening instead of three. */
  shortEvening: { channel: 'phone', day: 1, from: '16:30' },
} as const;

export interface DemoVolume {
  channel: string;
  startUtc: number;
  intervalMinutes: number;
  volume: number;
  ahtSeconds: number;
}

export interface DemoRotaEntry {
  /** Index into `people`. */
  person: number;
  day: string;
  code: string;
  /**
   * Set when the template's channel is closed that day (a public holiday): the same hours on the
   * person's other skill, as a lead would send the phone team to the mail queue.
   */
  skill: string | null;
  /** Where the break is placed (local HH:MM), staggered so a channel never loses two people at once. */
  breakLocal: string | null;
}

export interface DemoStaffing {
  channel: string;
  model: 'erlang' | 'workload';
  targetServiceLevel: number;
  targetSeconds: number;
  responseMinutes: number;
}

export interface DemoData {
  team: Required<Omit<TeamCreate, 'name' | 'rules'>> & { name: string };
  people: Omit<PersonCreate, 'teamId'>[];
  templates: Omit<ShiftTemplate, 'id' | 'teamId'>[];
  volumes: DemoVolume[];
  /** Opening hours per channel (no teamId: the demo's team is made first). */
  openingHours: Omit<ChannelHoursInput, 'teamId'>[];
  /** Service-level targets per channel where they differ from the defaults. */
  staffing: DemoStaffing[];
  /** From the Monday eight weeks before this week's to the end of the third week after it. */
  rota: DemoRotaEntry[];
  /** A weekend escalation on-call rotation of the weekday staff, weekly over the rota's weeks. */
  onCall: { name: string; layers: (Omit<LayerInput, 'participants'> & { participants: number[] })[] };
  /** Leave past and planned: sick days, a vacation, a training day, one leave the rota missed, and one request to decide. */
  absences: { person: number; type: AbsenceTypeKey; start: string; end: string; status: 'approved' | 'requested'; note: string }[];
  /** Vacation days a year for everyone. */
  vacationDaysPerYear: number;
}

type Channel = 'phone' | 'chat' | 'email';

/** A week's plan per person: ISO weekday → template code. */
type Week = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, string>>;
const fiveDays = (code: string): Week => ({ 1: code, 2: code, 3: code, 4: code, 5: code });

/**
 * Who works what. Per weekday the phones have three early and three late shifts (two on
 * Saturday morning), chat two day and two evening shifts (two weekend shifts), e-mail one
 * morning and one afternoon shift. Every week keeps each contract within its tolerance, at
 * least 11 h between shifts and at most five days in a row; the on-call participants work
 * weekdays only, so their rest holds around the weekend standby.
 */
const PEOPLE: { name: string; email: string; skills: Channel[]; hours: number; rate: number; phone: string; week: Week }[] = [
  { name: 'Ayşe Yılmaz', email: 'ayse.yilmaz', skills: ['phone', 'chat'], hours: 40, rate: 310, phone: '+90 532 410 21 01', week: fiveDays('E') },
  { name: 'Mehmet Kaya', email: 'mehmet.kaya', skills: ['phone', 'email'], hours: 40, rate: 290, phone: '+90 532 410 21 02', week: fiveDays('L') },
  { name: 'Zeynep Demir', email: 'zeynep.demir', skills: ['chat', 'email'], hours: 40, rate: 300, phone: '+90 532 410 21 03', week: fiveDays('D') },
  { name: 'Emre Şahin', email: 'emre.sahin', skills: ['phone', 'chat', 'email'], hours: 30, rate: 285, phone: '+90 532 410 21 04', week: { 4: 'C', 5: 'C', 6: 'W', 7: 'W' } },
  { name: 'Agnieszka Kowalska', email: 'agnieszka.kowalska', skills: ['phone', 'chat', 'email'], hours: 40, rate: 340, phone: '+48 601 220 301', week: fiveDays('C') },
  { name: 'Piotr Wiśniewski', email: 'piotr.wisniewski', skills: ['phone', 'email'], hours: 40, rate: 295, phone: '+48 601 220 302', week: { 2: 'E', 3: 'E', 4: 'E', 5: 'E', 6: 'S' } },
  { name: 'Katarzyna Nowak', email: 'katarzyna.nowak', skills: ['chat'], hours: 32, rate: 290, phone: '+48 601 220 303', week: { 1: 'D', 2: 'D', 4: 'D', 5: 'D' } },
  { name: 'Łukasz Zieliński', email: 'lukasz.zielinski', skills: ['email', 'chat'], hours: 40, rate: 300, phone: '+48 601 220 304', week: { 1: 'M', 2: 'M', 3: 'D', 4: 'A', 5: 'A' } },
  { name: 'Reza Hosseini', email: 'reza.hosseini', skills: ['phone', 'chat'], hours: 40, rate: 305, phone: '+98 912 555 0101', week: fiveDays('L') },
  { name: 'Maryam Karimi', email: 'maryam.karimi', skills: ['chat', 'email'], hours: 36, rate: 300, phone: '+98 912 555 0102', week: { 1: 'C', 2: 'C', 3: 'C', 6: 'W', 7: 'W' } },
  { name: 'Niloufar Rahimi', email: 'niloufar.rahimi', skills: ['phone'], hours: 28, rate: 280, phone: '+98 912 555 0103', week: { 1: 'E', 2: 'E', 3: 'E', 6: 'S' } },
  { name: 'Emily Carter', email: 'emily.carter', skills: ['phone', 'email'], hours: 40, rate: 320, phone: '+44 7700 900101', week: { 1: 'A', 2: 'A', 3: 'A', 4: 'L', 5: 'L' } },
  { name: 'James Walker', email: 'james.walker', skills: ['phone', 'chat'], hours: 40, rate: 315, phone: '+44 7700 900102', week: { 1: 'L', 2: 'L', 3: 'L', 4: 'E', 5: 'E' } },
  { name: 'Olivia Bennett', email: 'olivia.bennett', skills: ['email', 'phone'], hours: 32, rate: 290, phone: '+44 7700 900103', week: { 1: 'E', 3: 'M', 4: 'M', 5: 'M' } },
];

const TEMPLATES: DemoData['templates'] = [
  { code: 'E', name: 'Early phone', startLocal: '08:00', endLocal: '16:30', breakMinutes: 30, color: '#4e79a7', skill: 'phone' },
  { code: 'L', name: 'Late phone', startLocal: '11:30', endLocal: '20:00', breakMinutes: 30, color: '#f28e2b', skill: 'phone' },
  { code: 'S', name: 'Saturday phone', startLocal: '09:00', endLocal: '14:00', breakMinutes: 0, color: '#2f2f6f', skill: 'phone' },
  { code: 'D', name: 'Day chat', startLocal: '08:00', endLocal: '16:30', breakMinutes: 30, color: '#59a14f', skill: 'chat' },
  { code: 'C', name: 'Evening chat', startLocal: '13:30', endLocal: '22:00', breakMinutes: 30, color: '#76b7b2', skill: 'chat' },
  { code: 'W', name: 'Weekend chat', startLocal: '12:00', endLocal: '18:00', breakMinutes: 0, color: '#9c755f', skill: 'chat' },
  { code: 'M', name: 'Mail desk', startLocal: '08:00', endLocal: '16:30', breakMinutes: 30, color: '#b07aa1', skill: 'email' },
  { code: 'A', name: 'Afternoon mail', startLocal: '11:30', endLocal: '20:00', breakMinutes: 30, color: '#ff9da7', skill: 'email' },
];

/**
 * Break starts per template, handed out in turn to the people on it that day: each falls while
 * the channel's other shift overlaps (early and late phone from 11:30 to 16:30, day and evening
 * chat from 13:30 to 16:30, the two mail shifts from 11:30 to 16:30), so a break never leaves a
 * channel uncovered. Short shifts have none.
 */
const BREAKS: Record<string, string[]> = {
  E: ['12:00', '12:30', '13:00', '11:30'],
  L: ['14:30', '15:00', '15:30', '16:00'],
  D: ['13:30', '14:00', '14:30'],
  C: ['15:30', '16:00', '15:00'],
  M: ['12:30', '13:00'],
  A: ['14:00', '14:30'],
};

const weekdays = (from: number, to: number, openLocal: string, closeLocal: string) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ weekday: from + i, windows: [{ openLocal, closeLocal }] }));

/** Phones on weekdays and Saturday morning, closed on public holidays; chat into the evening every day; the mail desk on weekdays. */
const OPENING_HOURS: DemoData['openingHours'] = [
  { channel: 'phone', weekdays: [...weekdays(1, 5, '08:00', '20:00'), ...weekdays(6, 6, '09:00', '14:00')], closedOnHolidays: true },
  { channel: 'chat', weekdays: [...weekdays(1, 5, '08:00', '22:00'), ...weekdays(6, 7, '12:00', '18:00')], closedOnHolidays: false },
  { channel: 'email', weekdays: weekdays(1, 5, '08:00', '20:00'), closedOnHolidays: false },
];

/** Chat is answered within a minute (agents type while the customer reads); phones 80 % in 20 s and e-mail within 4 h are the defaults. */
const STAFFING: DemoStaffing[] = [{ channel: 'chat', model: 'erlang', targetServiceLevel: 0.8, targetSeconds: 60, responseMinutes: 240 }];

/**
 * Expected contacts per half-hour (00:00, 00:30, …) on an ordinary weekday. Shaped to the
 * staffing above with room for a busy Monday and forecast error: phones peak late morning and
 * after lunch, chat in the afternoon, e-mail arrives around the clock. Contacts outside
 * opening hours still arrive; the coverage view counts them.
 */
// prettier-ignore
const HALF_HOURLY: Record<Channel, number[]> = {
  phone: [
    0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.2, 0.3, 0.4, 0.6, 1.0,
    3.0, 4.2, 4.8, 5.0, 5.2, 5.2, 5.2, 7.0, 9.0, 9.0, 9.0, 10.0, 10.0, 9.5, 9.0, 8.5,
    8.0, 5.5, 5.2, 5.0, 4.6, 4.0, 3.2, 2.4, 1.5, 1.0, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1,
  ],
  chat: [
    0.3, 0.2, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.2, 0.3, 0.4, 0.5, 0.7,
    0.8, 1.1, 1.3, 1.4, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 3.0, 3.2, 3.4, 3.4, 3.2,
    3.0, 1.6, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.4, 1.4, 1.3, 1.2, 0.8, 0.6, 0.5, 0.4,
  ],
  email: [
    1.0, 0.8, 0.7, 0.6, 0.5, 0.5, 0.5, 0.5, 0.6, 0.6, 0.7, 0.8, 1.0, 1.4, 2.0, 2.6,
    3.4, 4.0, 4.4, 4.6, 4.6, 4.4, 4.2, 4.0, 3.6, 3.8, 4.0, 4.2, 4.2, 4.0, 3.8, 3.6,
    3.4, 3.0, 2.8, 2.6, 2.4, 2.2, 2.0, 1.9, 1.8, 1.7, 1.6, 1.5, 1.4, 1.3, 1.2, 1.1,
  ],
};
/** Busier on Monday, quiet at the weekend (ISO weekday 1 = Monday). */
const WEEKDAY_FACTOR: Record<Channel, number[]> = {
  phone: [0, 1.08, 1.0, 1.0, 0.96, 0.92, 0.3, 0.2],
  chat: [0, 1.05, 1.0, 1.0, 1.0, 0.96, 0.5, 0.45],
  email: [0, 1.15, 1.0, 0.98, 0.96, 0.94, 0.5, 0.45],
};
const AHT_SECONDS: Record<Channel, number> = { phone: 300, chat: 480, email: 600 };

export function demoData(now: Temporal.Instant = Temporal.Now.instant()): DemoData {
  const timeZone = 'Europe/Istanbul';
  const country = 'TR';
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
    // A gentle upward trend: the newest week is about 4 % busier than the oldest.
    const trend = 0.97 + (0.04 * (days - back)) / days;
    for (const channel of ['phone', 'chat', 'email'] as const) {
      const factor = (WEEKDAY_FACTOR[channel][day.dayOfWeek] ?? 1) * trend;
      for (const start of dayIntervals(day, timeZone, DEMO_INTERVAL_MINUTES)) {
        const slot = start.hour * 2 + (start.minute >= 30 ? 1 : 0);
        const volume = poisson((HALF_HOURLY[channel][slot] ?? 0) * factor, random);
        const ahtSeconds = Math.round(AHT_SECONDS[channel] * (0.9 + 0.2 * random()));
        volumes.push({ channel, startUtc: epochSeconds(start.toInstant()), intervalMinutes: DEMO_INTERVAL_MINUTES, volume, ahtSeconds });
      }
    }
  }

  const monday = startOfWeek(today, 'mon');
  const on = (days: number) => monday.add({ days }).toString();
  const person = (name: string) => PEOPLE.findIndex((p) => p.name === name);
  // The coming week: the rota's problems are where the lead looks first.
  const next = 7;
  const absences: DemoData['absences'] = [
    { person: person('Katarzyna Nowak'), type: 'sick', start: on(-7), end: on(-6), status: 'approved', note: '' },
    { person: person('Mehmet Kaya'), type: 'sick', start: on(-3), end: on(-3), status: 'approved', note: '' },
    { person: person(DEMO_PROBLEMS.request.person), type: 'vacation', start: on(next + DEMO_PROBLEMS.request.day), end: on(next + DEMO_PROBLEMS.request.day + 1), status: 'requested', note: '' },
    // Approved after the rota was made, and the shift is still there: nobody covers Saturday's phones.
    { person: person(DEMO_PROBLEMS.uncovered.person), type: 'vacation', start: on(next + DEMO_PROBLEMS.uncovered.day), end: on(next + DEMO_PROBLEMS.uncovered.day), status: 'approved', note: 'Family wedding' },
    { person: person('Zeynep Demir'), type: 'vacation', start: on(14), end: on(18), status: 'approved', note: 'Kapadokya' },
    { person: person('Olivia Bennett'), type: 'training', start: on(21), end: on(21), status: 'approved', note: 'Zendesk admin course' },
  ];
  const uncovered = absences[3];
  // Leave is planned around (no shift), except the one the lead has yet to notice.
  const away = (p: number, day: string) => absences.some((a) => a !== uncovered && a.status === 'approved' && a.person === p && day >= a.start && day <= a.end);

  // A channel closed on a public holiday sends its shifts to the person's other skill.
  const firstDay = monday.subtract({ weeks: DEMO_ROTA_PAST_WEEKS });
  const lastDay = monday.add({ weeks: DEMO_ROTA_WEEKS }).subtract({ days: 1 });
  const holidays = new Set(publicHolidays(country, '', timeZone, firstDay.toString(), lastDay.toString()).map((h) => h.day));
  const closedOnHolidays = new Set(OPENING_HOURS.filter((h) => h.closedOnHolidays).map((h) => h.channel));

  const rota: DemoRotaEntry[] = [];
  for (let day = firstDay; Temporal.PlainDate.compare(day, lastDay) <= 0; day = day.add({ days: 1 })) {
    const date = day.toString();
    const codes = PEOPLE.map((p) => p.week[day.dayOfWeek as keyof Week] ?? null);
    if (date === on(next + DEMO_PROBLEMS.rest.day)) {
      // Agnieszka takes Łukasz's day chat, he takes her evening: she starts 10 h after Tuesday's evening.
      codes[person(DEMO_PROBLEMS.rest.person)] = 'D';
      codes[person('Łukasz Zieliński')] = 'C';
    }
    if (date === on(next + DEMO_PROBLEMS.shortEvening.day)) codes[person('James Walker')] = 'E';
    const breaksGiven = new Map<string, number>();
    codes.forEach((code, p) => {
      if (code === null || away(p, date)) return;
      const template = TEMPLATES.find((t) => t.code === code);
      const channel = template?.skill ?? null;
      const moved = channel !== null && holidays.has(date) && closedOnHolidays.has(channel) ? (PEOPLE[p]?.skills.find((s) => !closedOnHolidays.has(s)) ?? null) : null;
      const n = breaksGiven.get(code) ?? 0;
      breaksGiven.set(code, n + 1);
      const slots = BREAKS[code] ?? [];
      rota.push({ person: p, day: date, code, skill: moved, breakLocal: slots.length ? (slots[n % slots.length] ?? null) : null });
    });
  }

  // Weekend daytime escalation by people who work weekdays only, so their daily rest holds
  // around it: Friday's shifts end by 20:00 and Monday's start at 08:00 at the earliest.
  const onCall = {
    name: 'Nöbet',
    layers: [
      {
        name: 'Weekend escalation',
        // Indexes into `people`.
        participants: [person('Ayşe Yılmaz'), person('Zeynep Demir'), person('Łukasz Zieliński'), person('James Walker'), person('Olivia Bennett')],
        turnUnit: 'weeks' as const,
        turnLength: 1,
        startDay: firstDay.toString(),
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
      country,
      currency: 'TRY',
      skills: ['phone', 'chat', 'email'],
    },
    people,
    templates: TEMPLATES.map((t) => ({ ...t })),
    volumes,
    openingHours: OPENING_HOURS.map((h) => ({ ...h, weekdays: h.weekdays?.map((d) => ({ ...d, windows: d.windows.map((w) => ({ ...w })) })) ?? null })),
    staffing: STAFFING.map((s) => ({ ...s })),
  };
}
