import { createHash } from 'node:crypto';
import type { CalDavTarget } from '../core/contract';
import { UserError } from '../core/errors';
import { writeEventResource, type IcsEvent } from '../core/ics';
import { zoneClock } from '../core/zone-clock';
import type { Language } from '../core/contract';
import { calendarEvents, fileLanguage } from './calendar-export';
import type { HandlersOf, ServiceContext } from './context';
import type { Db } from './open';
import { dayRange } from './ranges';
import * as rotations from './rotations';

/**
 * Publishing to a CalDAV collection (RFC 4791: Nextcloud, Radicale, iCloud…): one
 * resource per event, named by its UID. What was sent is remembered per target, so
 * the next publish PUTs only what is new or changed and DELETEs what is gone. The
 * password comes with each publish and is never written to the planner file.
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

export function caldavHandlers(ctx: ServiceContext): HandlersOf<'caldav.list' | 'caldav.save' | 'caldav.delete' | 'caldav.publish'> {
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
    'caldav.publish': () => {
      throw new UserError('needs_async', 'Publishing speaks HTTP; call the service through dispatchAsync', []);
    },
  };
}

export interface PublishPlan {
  target: CalDavTarget;
  put: { uid: string; href: string; day: string; hash: string; body: string; isNew: boolean }[];
  remove: { uid: string; href: string }[];
  unchanged: number;
}

const hrefOf = (collection: string, uid: string) => new URL(`${encodeURIComponent(uid.replace(/[^A-Za-z0-9@._-]/g, '-'))}.ics`, collection).toString();

/** What a publish must send, from the plan and what the target already has (reads only). */
export function publishPlan(ctx: ServiceContext, targetId: number, from: string, to: string, productVersion: string, language: Language | null = null): PublishPlan {
  const { db } = ctx;
  dayRange(from, to);
  const row = getTarget(db, targetId);
  if (!row) throw new UserError('not_found', `There is no publishing target with id ${targetId}`, ['targetId']);
  const target = toTarget(row);
  const team = ctx.requireTeam(target.teamId);
  const { events } = calendarEvents(ctx, { team, from, to, personId: target.personId, rotationId: target.rotationId, absences: target.absences, language: fileLanguage(db, team, language) });
  const stamp = Math.floor(ctx.clock().epochMilliseconds / 1000);
  const known = new Map((db.prepare('SELECT uid, href, day, hash FROM caldav_published WHERE target_id = ?').all(targetId) as { uid: string; href: string; day: string; hash: string }[]).map((p) => [p.uid, p]));
  // The team's local day, as from and to are: a night shift at 01:00 in Istanbul is on that day, not UTC's day before.
  const clock = zoneClock(team.timeZone);
  const dayOf = (e: IcsEvent) => (typeof e.start === 'number' ? clock.dayOf(e.start) : e.start.day);
  const put: PublishPlan['put'] = [];
  let unchanged = 0;
  const now = new Set<string>();
  for (const e of events) {
    now.add(e.uid);
    // The content without DTSTAMP decides whether it changed (DTSTAMP changes every time).
    const hash = createHash('sha256').update(writeEventResource(e, 0, productVersion)).digest('hex');
    const before = known.get(e.uid);
    if (before && before.hash === hash) {
      unchanged += 1;
      continue;
    }
    put.push({ uid: e.uid, href: before?.href ?? hrefOf(target.url, e.uid), day: dayOf(e), hash, body: writeEventResource(e, stamp, productVersion), isNew: !before });
  }
  // Gone from the plan within the dates published now: delete (events outside them stay).
  const remove = [...known.values()].filter((p) => !now.has(p.uid) && p.day >= from && p.day <= to).map((p) => ({ uid: p.uid, href: p.href }));
  return { target, put, remove, unchanged };
}

export interface CalDavResult {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

/** Sends a plan over HTTP; returns what reached the server, for the caller to record. */
export async function sendPlan(plan: PublishPlan, password: string, fetcher: typeof fetch = fetch): Promise<{ put: PublishPlan['put']; removed: PublishPlan['remove']; failure: UserError | null }> {
  const auth = `Basic ${Buffer.from(`${plan.target.username}:${password}`, 'utf8').toString('base64')}`;
  const request = (url: string, init: RequestInit) => fetcher(url, { ...init, headers: { Authorization: auth, ...(init.headers ?? {}) }, redirect: 'error', signal: AbortSignal.timeout(30_000) });
  const refused = (res: Response, what: string) =>
    new UserError(
      res.status === 401 || res.status === 403 ? 'caldav_auth' : 'caldav_refused',
      res.status === 401 || res.status === 403 ? `The calendar server at ${plan.target.url} did not accept user ${plan.target.username} and this password (HTTP ${res.status})` : `The calendar server refused ${what} (HTTP ${res.status} ${res.statusText})`,
      [],
    );
  const put: PublishPlan['put'] = [];
  const removed: PublishPlan['remove'] = [];
  try {
    // The collection first: it must exist (and the login work) before anything is sent.
    const probe = await request(plan.target.url, { method: 'PROPFIND', headers: { Depth: '0', 'Content-Type': 'application/xml; charset=utf-8' }, body: '<?xml version="1.0" encoding="utf-8"?><propfind xmlns="DAV:"><prop><resourcetype/></prop></propfind>' });
    if (probe.status === 404) {
      const made = await request(plan.target.url, { method: 'MKCALENDAR' });
      if (!made.ok) return { put, removed, failure: refused(made, `to create the calendar ${plan.target.url}`) };
    } else if (!probe.ok) return { put, removed, failure: refused(probe, `to open ${plan.target.url}`) };
    for (const p of plan.put) {
      const res = await request(p.href, { method: 'PUT', headers: { 'Content-Type': 'text/calendar; charset=utf-8' }, body: p.body });
      if (!res.ok) return { put, removed, failure: refused(res, `the event ${p.uid}`) };
      put.push(p);
    }
    for (const r of plan.remove) {
      const res = await request(r.href, { method: 'DELETE' });
      // Already gone there is as good as deleted.
      if (!res.ok && res.status !== 404) return { put, removed, failure: refused(res, `to delete the event ${r.uid}`) };
      removed.push(r);
    }
    return { put, removed, failure: null };
  } catch (err) {
    const reason = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    return { put, removed, failure: new UserError('caldav_unreachable', `Could not reach the calendar server at ${plan.target.url}: ${reason}`, []) };
  }
}

/** Records what reached the server (also after a failure part-way, so nothing is sent twice in vain). */
export function recordSent(db: Db, targetId: number, put: PublishPlan['put'], removed: PublishPlan['remove']): void {
  const upsert = db.prepare('INSERT INTO caldav_published (target_id, uid, href, day, hash) VALUES (?, ?, ?, ?, ?) ON CONFLICT (target_id, uid) DO UPDATE SET href = excluded.href, day = excluded.day, hash = excluded.hash');
  for (const p of put) upsert.run(targetId, p.uid, p.href, p.day, p.hash);
  const drop = db.prepare('DELETE FROM caldav_published WHERE target_id = ? AND uid = ?');
  for (const r of removed) drop.run(targetId, r.uid);
}
