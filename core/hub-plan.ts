import { z } from 'zod';

/**
 * A team's plan as the lead's planner publishes it to a department hub: a list of items, each
 * owned by the planner and named by a key that stays the same from one publish to the next
 * (`s42` is shift 42 of the planner file). The hub stores them as they come and never edits one;
 * a publish sends only the items whose fingerprint differs from what the hub holds, and the keys
 * it no longer has (see `planDiff`).
 *
 * Only what people of the department may see is published: no hourly rates, notes or phone
 * numbers. Costs go as team totals per month (`cost`), never per person.
 */

/** Years a plan can hold: anything else is a mistake, and PostgreSQL would refuse some of them half-way through a publish. */
const realYear = (s: string) => {
  const year = Number(s.slice(0, 4));
  return year >= 1900 && year <= 2200 && !Number.isNaN(Date.parse(s));
};
const isoInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'Must be an ISO 8601 instant with its offset')
  .refine(realYear, 'Must be a real instant between the years 1900 and 2200');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Must be a date written YYYY-MM-DD').refine(realYear, 'Must be a real date between the years 1900 and 2200');
/** Text without control characters or lone surrogates (PostgreSQL's JSON refuses both, and neither belongs in a name). */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !/[\u0000-\u001f\u007f]|\p{Cs}/u.test(s), 'Must not contain control characters or half of a surrogate pair');
/** `p` and the planner's person id: the key every dated item names its person by. */
export const personKey = z.string().regex(/^p\d{1,15}$/, 'Must be a person key such as p12');
export type PersonKey = z.infer<typeof personKey>;

/** The team as a whole: its name, time zone and where its days fall. */
const TeamItem = z.strictObject({
  kind: z.literal('team'),
  key: z.literal('team'),
  body: z.strictObject({
    name: text(200),
    timeZone: text(64),
    country: text(2),
    weekStartsOn: z.number().int().min(1).max(7),
    /** The absence types an agent may ask for, by the planner's ids. */
    leaveTypes: z.array(z.strictObject({ id: z.number().int().positive(), name: text(120), key: text(40).nullable() })).max(100),
    /** The shift types (templates) an agent may say they cannot or would rather not work, by the planner's ids. */
    shiftTypes: z.array(z.strictObject({ id: z.number().int().positive(), name: text(120), startLocal: text(16), endLocal: text(16) })).max(200),
  }),
});

/** A member of the team; agents find themselves by their email. */
const PersonItem = z.strictObject({
  kind: z.literal('person'),
  key: personKey,
  body: z.strictObject({ name: text(120), email: text(254).nullable(), skills: z.array(text(40)).max(50), contractHoursPerWeek: z.number().min(0).max(168), color: text(16) }),
});

/** A shift, with its local wall-clock times for showing and its instants for sorting and calendars. */
const ShiftItem = z.strictObject({
  kind: z.literal('shift'),
  key: z.string().regex(/^s\d{1,15}$/),
  personKey,
  startsAt: isoInstant,
  endsAt: isoInstant,
  body: z.strictObject({ day, startLocal: text(16), endLocal: text(16), code: text(40).nullable(), skill: text(40).nullable(), paidMinutes: z.number().int().min(0).max(2880) }),
});

/**
 * An on-call turn's key, `o<rotation id>-<start in epoch seconds>`: the planner makes it when it
 * publishes, agents name a turn by it in swaps, and the planner and the window read the rotation
 * and the start back out of it.
 */
const TURN_KEY = /^o(\d{1,15})-(\d{1,15})$/;
export const turnKey = (rotationId: number, startUtc: number): string => `o${rotationId}-${startUtc}`;
export function parseTurnKey(key: string): { rotationId: number; startUtc: number } | null {
  const m = TURN_KEY.exec(key);
  return m ? { rotationId: Number(m[1]), startUtc: Number(m[2]) } : null;
}
const turnKeyText = z.string().regex(TURN_KEY);

/** One person's turn of an on-call rotation. */
const OnCallItem = z.strictObject({
  kind: z.literal('oncall'),
  key: turnKeyText,
  personKey,
  startsAt: isoInstant,
  endsAt: isoInstant,
  body: z.strictObject({ rotation: text(120), startLocal: text(32), endLocal: text(32) }),
});

/**
 * An absence the planner holds for a person, in any status (a rejected or cancelled request stays
 * visible as such). `hours`: hours a day of a part-day absence, null for whole days, as the planner
 * stores it; how many days of allowance it uses is the `balance` item's figure, not the leave's.
 */
const LeaveItem = z.strictObject({
  kind: z.literal('leave'),
  key: z.string().regex(/^a\d{1,15}$/),
  personKey,
  body: z.strictObject({ firstDay: day, lastDay: day, type: text(120), typeKey: text(40).nullable(), status: z.enum(['requested', 'approved', 'rejected', 'cancelled']), hours: z.number().min(0).max(24).nullable(), hubRequestId: z.number().int().positive().nullable() }),
});

/**
 * A person's allowance of one absence type for a year, as the Absences page's balance table shows
 * it, in the allowance's unit (days or hours): `taken` is approved up to the day of publishing,
 * `planned` approved after it, `requested` asked for and not yet decided; `left` is allowance plus
 * carry-over less taken and planned.
 */
const BalanceItem = z.strictObject({
  kind: z.literal('balance'),
  key: z.string().regex(/^b\d{1,15}-\d{1,15}-\d{4}$/),
  personKey,
  body: z.strictObject({ year: z.number().int(), type: text(120), typeKey: text(40).nullable(), unit: z.enum(['days', 'hours']), allowance: z.number(), carryOver: z.number(), taken: z.number(), planned: z.number(), requested: z.number(), left: z.number() }),
});

/**
 * A week's coverage of one channel against the forecast requirement, as the Forecast page's
 * coverage (30-minute intervals) counts it, in agent-hours while the channel is open: needed,
 * on shift (breaks and leave taken out), and short (per interval, so a surplus in one does not
 * make up for a gap in another).
 */
const CoverageItem = z.strictObject({
  kind: z.literal('coverage'),
  key: z.string().regex(/^c\d{4}-\d{2}-\d{2}-[a-z0-9_-]{1,40}$/),
  body: z.strictObject({ weekStart: day, channel: text(40), requiredHours: z.number(), onShiftHours: z.number(), shortHours: z.number() }),
});

/**
 * A (Gregorian) month's labour cost of the team against its budget, as the hours-and-cost report
 * shows the team's line: `cost` is the total with on-call standby pay, `standby` that part of it.
 * `absenceRate` is the team's rate of the absence statistics for the month (planned leave that
 * draws on an allowance is not absence there).
 */
const CostItem = z.strictObject({
  kind: z.literal('cost'),
  key: z.string().regex(/^m\d{4}-\d{2}$/),
  body: z.strictObject({ month: z.string().regex(/^\d{4}-\d{2}$/), cost: z.number(), standby: z.number(), budget: z.number().nullable(), currency: text(3), absenceRate: z.number().min(0).max(1) }),
});

export const PlanItem = z.discriminatedUnion('kind', [TeamItem, PersonItem, ShiftItem, OnCallItem, LeaveItem, BalanceItem, CoverageItem, CostItem]);
export type PlanItem = z.infer<typeof PlanItem>;
export type PlanKind = PlanItem['kind'];
export const PLAN_KINDS = ['team', 'person', 'shift', 'oncall', 'leave', 'balance', 'coverage', 'cost'] as const satisfies readonly PlanKind[];

/** Where an item stands in time, for the hub's indexes: the shift's or turn's instants, else none. */
export function itemSpan(item: PlanItem): { startsAt: string; endsAt: string } | null {
  return item.kind === 'shift' || item.kind === 'oncall' ? { startsAt: item.startsAt, endsAt: item.endsAt } : null;
}

/** The person an item belongs to, or null for the team's own items. */
export function itemPerson(item: PlanItem): PersonKey | null {
  if (item.kind === 'person') return item.key;
  return 'personKey' in item ? item.personKey : null;
}

/** JSON with keys in sorted order, so equal items have equal text whoever built them. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * A 64-bit fingerprint of an item (two 32-bit FNV-1a lanes over its canonical JSON, as hex). The
 * planner and the hub compare fingerprints of the item at the same key, so a chance collision
 * would need 2^64 tries for one change to go unsent; core has no crypto, and it needs none here.
 */
export function itemFingerprint(item: PlanItem): string {
  const s = canonicalJson(item);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c ^ (i & 0xff), 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** `kind/key`: an item's name, unique within a team's plan. */
export const itemName = (item: Pick<PlanItem, 'kind' | 'key'>): string => `${item.kind}/${item.key}`;

/** What a publish sends: the items that are new or changed, and the names of those gone. */
export interface PlanDiff {
  upserts: PlanItem[];
  deletes: string[];
  unchanged: number;
}

/** The difference between what the hub holds (name → fingerprint) and the plan now. */
export function planDiff(held: ReadonlyMap<string, string>, items: readonly PlanItem[]): PlanDiff {
  const upserts: PlanItem[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  for (const item of items) {
    const name = itemName(item);
    seen.add(name);
    if (held.get(name) === itemFingerprint(item)) unchanged += 1;
    else upserts.push(item);
  }
  const deletes = [...held.keys()].filter((name) => !seen.has(name)).sort();
  return { upserts, deletes, unchanged };
}

/** A publish as it travels: the diff against the hub's version `baseVersion`, named by `publishId` so a repeat changes nothing. */
export const PublishBody = z.strictObject({
  publishId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'Must be a publish id of 16 to 64 letters, digits, - or _'),
  baseVersion: z.number().int().min(0),
  upserts: z.array(PlanItem).max(200_000),
  deletes: z.array(z.string().regex(/^[a-z]{1,16}\/[A-Za-z0-9-]{1,64}$/)).max(200_000),
  /** The lead's decisions on requests pulled from the hub since the last publish (the lead owns this field of a request). */
  decisions: z.array(z.strictObject({ requestId: z.number().int().positive(), decision: z.enum(['approved', 'declined']) })).max(100_000).default([]),
});
export type PublishBody = z.infer<typeof PublishBody>;

/**
 * What agents ask of their lead through the hub. The agent owns `body` (and may withdraw while it
 * waits); a colleague owns the acceptance of a swap offer; the lead owns the decision.
 */
export const PREFERENCE_KINDS = ['cannot', 'prefer_not'] as const;
export const LeaveRequestBody = z.strictObject({ typeId: z.number().int().positive(), firstDay: day, lastDay: day, note: text(500) });
export const PreferencesRequestBody = z.strictObject({
  preferences: z.array(z.strictObject({ weekday: z.number().int().min(1).max(7), templateId: z.number().int().positive().nullable(), kind: z.enum(PREFERENCE_KINDS) })).max(100),
  note: text(500),
});
/** An on-call turn offered to the team; whoever accepts covers it (or gives their own turn `inReturnKey` for it). */
export const SwapRequestBody = z.strictObject({ turnKey: turnKeyText, note: text(500) });

export const HubRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('leave'), body: LeaveRequestBody }),
  z.object({ kind: z.literal('preferences'), body: PreferencesRequestBody }),
  z.object({ kind: z.literal('swap'), body: SwapRequestBody }),
]);
export type HubRequestKind = z.infer<typeof HubRequest>['kind'];

/** A request as the lead's app pulls it (the hub's answer, checked again on arrival). */
export const PulledRequest = z.object({
  id: z.number().int().positive(),
  personKey,
  kind: z.enum(['leave', 'preferences', 'swap']),
  body: z.union([LeaveRequestBody, PreferencesRequestBody, SwapRequestBody]),
  state: z.enum(['pending', 'withdrawn']),
  /** Swaps: the colleague who accepted, and the turn they give in return (null: they just cover it). */
  takerKey: personKey.nullable(),
  inReturnKey: turnKeyText.nullable(),
  decision: z.enum(['approved', 'declined']).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PulledRequest = z.infer<typeof PulledRequest>;
