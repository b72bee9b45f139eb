import { z } from 'zod';
import { id, label, plainDate } from '../validators';
import { Language } from './app';
import { type MethodSpec } from './inputs';

/** The contract's methods that put the plan in people's calendars: an iCalendar file, and publishing to CalDAV servers. */

const CalDavTarget = z.object({ id: z.number(), teamId: z.number(), url: z.string(), username: z.string(), personId: z.number().nullable(), rotationId: z.number().nullable(), absences: z.boolean() });
export type CalDavTarget = z.output<typeof CalDavTarget>;

/**
 * An event someone changed on the calendar server since Rosterdesk last published it, left as it
 * is there: `summary` is the plan's (null when the plan no longer has the event), `onForce` what
 * a forced publish does to it (put the plan's version in its place, or delete it).
 */
const ServerChange = z.object({ uid: z.string(), day: z.string(), summary: z.string().nullable(), onForce: z.enum(['replace', 'delete']) });
export type ServerChange = z.output<typeof ServerChange>;

export const publishingMethods = {
  /**
   * An iCalendar file (RFC 5545) of local days [from, to]: the team's shifts, one person's (with
   * their on-call turns), or one rotation's turns; approved leave as all-day events if asked.
   * Its words are in `language` (null: the saved UI language, else the team locale's).
   */
  'calendar.export': {
    input: z.strictObject({ teamId: id, from: plainDate, to: plainDate, personId: id.nullable().default(null), rotationId: id.nullable().default(null), absences: z.boolean().default(false), language: Language.nullable().default(null) }),
    output: z.object({ filename: z.string(), mime: z.literal('text/calendar'), encoding: z.literal('utf8'), data: z.string(), events: z.number() }),
    undo: null,
  },
  'caldav.list': { input: z.strictObject({ teamId: id }), output: z.array(CalDavTarget), undo: null },
  /** Adds (id null) or changes where events are published. The password is not part of it. */
  'caldav.save': {
    input: z.strictObject({
      teamId: id,
      id: id.nullable().default(null),
      url: z.url({ protocol: /^https?$/ }).max(2000),
      username: label(200),
      personId: id.nullable().default(null),
      rotationId: id.nullable().default(null),
      absences: z.boolean().default(false),
    }),
    output: CalDavTarget,
    undo: 'Save calendar publishing',
  },
  'caldav.delete': { input: z.strictObject({ id }), output: z.object({ id: z.number() }), undo: 'Remove calendar publishing' },
  /**
   * Publishes local days [from, to] to the target's collection. It first lists what the server
   * holds (with each event's ETag), then PUTs what is missing there or changed in the plan and
   * DELETEs events published before that are gone from the plan; every PUT and DELETE is
   * conditional (If-None-Match / If-Match), so nothing edited on the server is overwritten
   * blindly. Events edited on the server since the last publish (or while this one ran) are left
   * as they are there and listed in `changedOnServer`, unless `force` (then they take the plan's
   * version). The counts are what the server holds afterwards. Async door only (it speaks HTTP).
   * Words in `language` as calendar.export's; events whose words changed are sent again.
   */
  'caldav.publish': {
    input: z.strictObject({ targetId: id, from: plainDate, to: plainDate, password: z.string().max(1000), language: Language.nullable().default(null), force: z.boolean().default(false), remember: z.boolean().default(false) }),
    output: z.object({ created: z.number(), updated: z.number(), deleted: z.number(), unchanged: z.number(), changedOnServer: z.array(ServerChange) }),
    undo: null,
  },
} as const satisfies Record<string, MethodSpec>;
