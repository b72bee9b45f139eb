import { createHash } from 'node:crypto';
import type { CalDavTarget, MethodOutput } from '../../core/contract';
import { UserError } from '../../core/errors';
import { writeEventResource, type IcsEvent } from '../../core/ics';
import { zoneClock } from '../../core/zone-clock';
import type { Language } from '../../core/contract';
import { calendarEvents, fileLanguage } from './calendar';
import type { HandlersOf, ServiceContext, StepsOf } from '../context';
import type { Db } from '../open';
import { dayRange } from '../../core/ranges';
import * as rotations from '../sql/rotations';

/**
 * Publishing to a CalDAV collection (RFC 4791: Nextcloud, Radicale, iCloud…): one
 * resource per event, named by its UID. What was sent is noted per target (the
 * content's hash and the ETag the server gave it), but the server is the truth: each
 * publish first lists the collection, sends what is missing there or changed in the
 * plan, and DELETEs what is gone from the plan. Every write is conditional (RFC 7232),
 * so an event someone edited on the server is never overwritten blindly. The password
 * comes with each publish and is never written to the planner file.
 */

interface TargetRow {
  id: number;
  teamId: number;
  url: string;
  username: string;
  personId: number | null;
  rotationId: number | null;
  absences: number;
}

const toTarget = (r: TargetRow): CalDavTarget => ({ ...r, absences: r.absences === 1 });
const COLUMNS = 'id, team_id AS teamId, url, username, person_id AS personId, rotation_id AS rotationId, absences';

function getTarget(db: Db, id: number): TargetRow | null {
  return (db.prepare(`SELECT ${COLUMNS} FROM caldav_target WHERE id = ?`).get(id) as TargetRow | undefined) ?? null;
}

export function caldavHandlers(ctx: ServiceContext): HandlersOf<'caldav.list' | 'caldav.save' | 'caldav.delete'> {
  const { db } = ctx;
  return {
    'caldav.list': ({ teamId }) => {
      ctx.requireTeam(teamId);
      return (db.prepare(`SELECT ${COLUMNS} FROM caldav_target WHERE team_id = ? ORDER BY id`).all(teamId) as TargetRow[]).map(toTarget);
    },
    'caldav.save': ({ teamId, id, url, username, personId, rotationId, absences }) => {
      const team = ctx.requireTeam(teamId);
      if (personId !== null && ctx.requirePerson(personId, ['personId']).teamId !== team.id) throw new UserError('not_found', `Person ${personId} is not in ${team.name}`, ['personId']);
      if (rotationId !== null && rotations.getRotation(db, rotationId)?.teamId !== team.id) throw new UserError('not_found', `There is no on-call rotation with id ${rotationId} in ${team.name}`, ['rotationId']);
      // A collection is a folder: its URL ends with a slash.
      const collection = url.endsWith('/') ? url : `${url}/`;
      const values = { teamId, url: collection, username, personId, rotationId, absences: absences ? 1 : 0 };
      if (id === null) {
        const info = db.prepare('INSERT INTO caldav_target (team_id, url, username, person_id, rotation_id, absences, created_at) VALUES (@teamId, @url, @username, @personId, @rotationId, @absences, @at)').run({ ...values, at: ctx.stamp() });
        return toTarget(getTarget(db, Number(info.lastInsertRowid)) as TargetRow);
      }
      const current = getTarget(db, id);
      if (!current || current.teamId !== teamId) throw new UserError('not_found', `There is no publishing target with id ${id} in ${team.name}`, ['id']);
      // Another collection or selection: what was published there is no longer ours to track.
      if (current.url !== collection || current.username !== username) db.prepare('DELETE FROM caldav_published WHERE target_id = ?').run(id);
      db.prepare('UPDATE caldav_target SET url = @url, username = @username, person_id = @personId, rotation_id = @rotationId, absences = @absences WHERE id = @id').run({ ...values, id });
      return toTarget(getTarget(db, id) as TargetRow);
    },
    'caldav.delete': ({ id }) => {
      if (!getTarget(db, id)) throw new UserError('not_found', `There is no publishing target with id ${id}`, ['id']);
      db.prepare('DELETE FROM caldav_published WHERE target_id = ?').run(id);
      db.prepare('DELETE FROM caldav_target WHERE id = ?').run(id);
      return { id };
    },
  };
}

/** What was noted when an event was last sent to the target. */
interface Note {
  uid: string;
  href: string;
  day: string;
  hash: string;
  /** The server's ETag for what was sent; null for notes from before schema 7. */
  etag: string | null;
}

/** An event the plan wants on the server now. */
interface Wanted {
  uid: string;
  href: string;
  day: string;
  summary: string;
  hash: string;
  /** Written only when it is sent: most events are unchanged on most publishes. */
  body: () => string;
  noted: Note | null;
}

export interface PublishPlan {
  target: CalDavTarget;
  wanted: Wanted[];
  /** Published before within the dates published now, gone from the plan since. */
  gone: Note[];
}

const hrefOf = (collection: string, uid: string) => new URL(`${encodeURIComponent(uid.replace(/[^A-Za-z0-9@._-]/g, '-'))}.ics`, collection).toString();

/** What a publish wants on the server, with what was noted of earlier ones (reads only). */
export function publishPlan(ctx: ServiceContext, targetId: number, from: string, to: string, productVersion: string, language: Language | null = null): PublishPlan {
  const { db } = ctx;
  dayRange(from, to);
  const row = getTarget(db, targetId);
  if (!row) throw new UserError('not_found', `There is no publishing target with id ${targetId}`, ['targetId']);
  const target = toTarget(row);
  const team = ctx.requireTeam(target.teamId);
  const { events } = calendarEvents(ctx, { team, from, to, personId: target.personId, rotationId: target.rotationId, absences: target.absences, language: fileLanguage(db, team, language) });
  const stamp = Math.floor(ctx.clock().epochMilliseconds / 1000);
  const known = new Map((db.prepare('SELECT uid, href, day, hash, etag FROM caldav_published WHERE target_id = ?').all(targetId) as Note[]).map((p) => [p.uid, p]));
  // The team's local day, as from and to are: a night shift at 01:00 in Istanbul is on that day, not UTC's day before.
  const clock = zoneClock(team.timeZone);
  const dayOf = (e: IcsEvent) => (typeof e.start === 'number' ? clock.dayOf(e.start) : e.start.day);
  const now = new Set<string>();
  const wanted = events.map((e): Wanted => {
    now.add(e.uid);
    const noted = known.get(e.uid) ?? null;
    // The content without DTSTAMP decides whether it changed (DTSTAMP changes every time).
    const hash = createHash('sha256').update(writeEventResource(e, 0, productVersion)).digest('hex');
    return { uid: e.uid, href: noted?.href ?? hrefOf(target.url, e.uid), day: dayOf(e), summary: e.summary, hash, body: () => writeEventResource(e, stamp, productVersion), noted };
  });
  // Gone from the plan within the dates published now: delete (events outside them stay).
  const gone = [...known.values()].filter((p) => !now.has(p.uid) && p.day >= from && p.day <= to);
  return { target, wanted, gone };
}

/** The counts and the events left alone, as the contract answers them. */
type CalDavResult = MethodOutput<'caldav.publish'>;

export interface SendOutcome {
  result: CalDavResult;
  /** Notes to write: events of ours the server now holds, with their new ETags. */
  noted: Note[];
  /** Notes to drop: events deleted, or found already gone from the server. */
  forgotten: string[];
  failure: UserError | null;
}

/** A resource's path, decoded, as the key both our hrefs and the server's listing reduce to. */
function pathKey(href: string, base: string): string {
  const { pathname } = new URL(href, base);
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

const xmlText = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim();

/**
 * The ETag of each resource in a PROPFIND Depth 1 multistatus, by path. A few patterns rather
 * than an XML parser: servers differ only in namespace prefixes here, and only two elements per
 * response are read. A response without an ETag (the collection itself on some servers) is skipped.
 */
export function parseListing(xml: string, collection: string): Map<string, string> {
  const tags = new Map<string, string>();
  const self = pathKey(collection, collection);
  for (const [, response = ''] of xml.matchAll(/<(?:[\w-]+:)?response\b[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?response>/g)) {
    const href = /<(?:[\w-]+:)?href\b[^>]*>([^<]*)</.exec(response)?.[1];
    const etag = /<(?:[\w-]+:)?getetag\b[^>]*>([^<]*)</.exec(response)?.[1];
    if (href === undefined || etag === undefined || xmlText(etag) === '') continue;
    const key = pathKey(xmlText(href), collection);
    if (key !== self) tags.set(key, xmlText(etag));
  }
  return tags;
}

const LIST_BODY = '<?xml version="1.0" encoding="utf-8"?><propfind xmlns="DAV:"><prop><getetag/></prop></propfind>';
/** RFC 7232: the precondition (If-Match / If-None-Match) did not hold — someone else wrote in between. */
const PRECONDITION_FAILED = 412;

/**
 * Brings the server's collection to the plan: lists it, then PUTs and DELETEs under conditions,
 * so an event edited there since the last publish, or while this one runs, is reported rather
 * than overwritten — unless `force`, which overwrites what the listing showed (still never an
 * edit made after it). Returns what to note, also after a failure part-way.
 */
export async function sendPlan(plan: PublishPlan, password: string, force = false, fetcher: typeof fetch = fetch): Promise<SendOutcome> {
  const collection = plan.target.url;
  const auth = `Basic ${Buffer.from(`${plan.target.username}:${password}`, 'utf8').toString('base64')}`;
  const request = (url: string, init: RequestInit) => fetcher(url, { ...init, headers: { Authorization: auth, ...(init.headers ?? {}) }, redirect: 'error', signal: AbortSignal.timeout(30_000) });
  const refused = (res: Response, what: string) =>
    new UserError(
      res.status === 401 || res.status === 403 ? 'caldav_auth' : 'caldav_refused',
      res.status === 401 || res.status === 403 ? `The calendar server at ${collection} did not accept user ${plan.target.username} and this password (HTTP ${res.status})` : `The calendar server refused ${what} (HTTP ${res.status} ${res.statusText})`,
      [],
    );
  const result: CalDavResult = { created: 0, updated: 0, deleted: 0, unchanged: 0, changedOnServer: [] };
  const noted: Note[] = [];
  // Sent, but the server's answer had no ETag: noted without one if the publish stops before the
  // tags are read, so the next publish takes the server's tag for it instead of sending it again.
  const untagged: Note[] = [];
  const forgotten: string[] = [];
  const done = (failure: UserError | null): SendOutcome => ({ result, noted: [...noted, ...untagged], forgotten, failure });
  const list = async (): Promise<Map<string, string> | Response> => {
    const res = await request(collection, { method: 'PROPFIND', headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' }, body: LIST_BODY });
    return res.ok ? parseListing(await res.text(), collection) : res;
  };
  try {
    // What the server holds (this also checks the login before anything is sent).
    let listing = await list();
    if (listing instanceof Response && listing.status === 404) {
      // No calendar there (never made, or deleted on the server): make it; everything is new to it.
      const made = await request(collection, { method: 'MKCALENDAR' });
      if (!made.ok) return done(refused(made, `to create the calendar ${collection}`));
      listing = new Map();
    }
    if (listing instanceof Response) return done(refused(listing, `to open ${collection}`));

    for (const w of plan.wanted) {
      const there = listing.get(pathKey(w.href, collection));
      const note = (etag: string | null): Note => ({ uid: w.uid, href: w.href, day: w.day, hash: w.hash, etag });
      const leftAlone = () => result.changedOnServer.push({ uid: w.uid, day: w.day, summary: w.summary, onForce: 'replace' });
      // A note from before ETags were kept is taken to be what the server has, once.
      const asWeLeftIt = w.noted !== null && (w.noted.etag === null || w.noted.etag === there);
      if (there !== undefined && asWeLeftIt && w.noted?.hash === w.hash) {
        result.unchanged += 1;
        if (w.noted.etag === null) noted.push(note(there));
        continue;
      }
      // Ours (by UID), but changed there since we sent it: the user decides.
      if (there !== undefined && w.noted !== null && !asWeLeftIt && !force) {
        leftAlone();
        continue;
      }
      // Missing there (never sent, or deleted on the server): create it, but not over one made meanwhile.
      // Present: replace exactly the version listed. (An event of ours the notes do not know — its PUT's
      // answer was lost, say — is replaced too: same UID, and not if it changed after the listing.)
      const condition: Record<string, string> = there === undefined ? { 'If-None-Match': '*' } : { 'If-Match': there };
      const res = await request(w.href, { method: 'PUT', headers: { 'Content-Type': 'text/calendar; charset=utf-8', ...condition }, body: w.body() });
      if (res.status === PRECONDITION_FAILED) {
        leftAlone();
        continue;
      }
      if (!res.ok) return done(refused(res, `the event ${w.uid}`));
      if (there === undefined) result.created += 1;
      else result.updated += 1;
      const sent = note(res.headers.get('ETag'));
      if (sent.etag === null) untagged.push(sent);
      else noted.push(sent);
    }
    for (const g of plan.gone) {
      const there = listing.get(pathKey(g.href, collection));
      if (there === undefined) {
        // Already gone there: nothing to delete, nothing to note.
        forgotten.push(g.uid);
        continue;
      }
      const leftAlone = () => result.changedOnServer.push({ uid: g.uid, day: g.day, summary: null, onForce: 'delete' });
      if (g.etag !== null && g.etag !== there && !force) {
        leftAlone();
        continue;
      }
      const res = await request(g.href, { method: 'DELETE', headers: { 'If-Match': there } });
      if (res.status === PRECONDITION_FAILED) {
        leftAlone();
        continue;
      }
      // 404: deleted by someone else since the listing; not ours to count, but gone all the same.
      if (!res.ok && res.status !== 404) return done(refused(res, `to delete the event ${g.uid}`));
      if (res.ok) result.deleted += 1;
      forgotten.push(g.uid);
    }
    // Some servers answer a PUT without an ETag (they rewrote the event): read the tags they list.
    if (untagged.length > 0) {
      const after = await list();
      if (!(after instanceof Response)) for (const n of untagged) n.etag = after.get(pathKey(n.href, collection)) ?? null;
    }
    return done(null);
  } catch (err) {
    const reason = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    return done(new UserError('caldav_unreachable', `Could not reach the calendar server at ${collection}: ${reason}`, []));
  }
}

/** Notes what the server now holds of ours (also after a failure part-way, so the next publish starts from there). */
export function recordSent(db: Db, targetId: number, outcome: Pick<SendOutcome, 'noted' | 'forgotten'>): void {
  const upsert = db.prepare('INSERT INTO caldav_published (target_id, uid, href, day, hash, etag) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (target_id, uid) DO UPDATE SET href = excluded.href, day = excluded.day, hash = excluded.hash, etag = excluded.etag');
  for (const n of outcome.noted) upsert.run(targetId, n.uid, n.href, n.day, n.hash, n.etag);
  const drop = db.prepare('DELETE FROM caldav_published WHERE target_id = ? AND uid = ?');
  for (const uid of outcome.forgotten) drop.run(targetId, uid);
}

/**
 * Passwords kept outside the planner file (the desktop app: encrypted with the OS keychain's key).
 * A store may answer later: the desktop app's service runs in its own process and asks the main
 * process, the only one with the keychain (electron/service-host.ts).
 */
export interface SecretStore {
  get(key: string): string | null | Promise<string | null>;
  set(key: string, value: string): void | Promise<void>;
  delete(key: string): void | Promise<void>;
}

/** Where a CalDAV target's password is kept: per planner file and target. */
export const caldavSecretKey = (filePath: string, targetId: unknown) => `caldav:${String(targetId)}@${filePath}`;

export interface PublishOptions {
  filePath: string;
  productVersion: string;
  /** The HTTP client (default: Node's fetch); a test uses it to time a colleague's edit. */
  fetch?: typeof fetch;
  /** Where a password that worked is remembered when asked (the desktop app's keychain); none in browser mode. */
  secrets?: SecretStore | null;
}

/**
 * Publishing in its steps: read what to send (one transaction), send it with no transaction
 * open while the network is slow, record what arrived (another). An empty password means the
 * remembered one; `remember` keeps one that worked; one the server refuses is forgotten.
 */
export function caldavSteps(ctx: ServiceContext, options: PublishOptions): StepsOf<'caldav.publish'> {
  return {
    'caldav.publish': {
      finish: async ({ targetId, from, to, password, language, force, remember }, tools) => {
        const key = caldavSecretKey(options.filePath, targetId);
        const stored = password === '' && options.secrets ? await options.secrets.get(key) : null;
        tools.clearMemo();
        const plan = tools.transaction(() => publishPlan(ctx, targetId, from, to, options.productVersion, language));
        const sent = await sendPlan(plan, stored ?? password, force, options.fetch);
        tools.transaction(() => recordSent(ctx.db, targetId, sent));
        if (sent.failure) {
          if (sent.failure.code === 'caldav_auth' && stored !== null) await options.secrets?.delete(key);
          throw sent.failure;
        }
        if (remember && password !== '') await options.secrets?.set(key, password);
        return { ok: true, value: sent.result, ...(sent.noted.length || sent.forgotten.length ? { changed: ['caldav_published'] } : {}) };
      },
    },
  };
}
