import { randomBytes } from 'node:crypto';
import type { HubLink, HubPending, HubPreview } from '../../core/contract/hub';
import { UserError } from '../../core/errors';
import { itemName, parseTurnKey, planDiff, PulledRequest, type PlanItem } from '../../core/hub-plan';
import { zoneClock } from '../../core/zone-clock';
import type { Team } from '../../core/team';
import type { Handlers, HandlersOf, ServiceContext, StepsOf } from '../context';
import { HubClient } from '../hub-client';
import type { SecretStore } from './caldav';
import { getRotation } from '../sql/rotations';
import { getSetting } from '../sql/settings';
import { hubPlanItems } from './hub-plan';
import { onCallSchedule } from './oncall-schedule';

/**
 * The lead's side of a department hub: the link of a team to a hub team, publishing its plan
 * (db/handlers/hub-plan.ts builds it) as a diff, and pulling the requests agents filed there.
 *
 * A pulled request is applied the way the lead would apply it by hand, through the same handlers
 * (as the demo writes through them): leave becomes an absence asked for, a withdrawn one is
 * cancelled, an approved preferences request sets the person's preferences, an approved swap
 * makes the on-call swap or override. The decision travels back with the next publish; for leave
 * it is the absence's own status, decided on the Absences page.
 */

type HubMethods = 'hub.status' | 'hub.requests' | 'hub.decide' | 'hub.sync';
type HubStepMethods = 'hub.connect' | 'hub.disconnect' | 'hub.preview' | 'hub.publish' | 'hub.sync';

export interface HubOptions {
  filePath: string;
  /** The desktop app's keychain; without one (browser mode) a session's token lives as long as the service. */
  secrets?: SecretStore | null;
  fetch?: typeof fetch;
}

interface LinkRow {
  team_id: number;
  url: string;
  email: string;
  hub_team_id: number;
  hub_team_name: string;
  last_version: number | null;
  last_published_at: string | null;
  pulled_until: string | null;
}

interface RequestRow {
  id: number;
  person_id: number | null;
  kind: 'leave' | 'preferences' | 'swap';
  body: string;
  state: 'pending' | 'withdrawn';
  taker_person_id: number | null;
  in_return_key: string | null;
  absence_id: number | null;
  decision: 'approved' | 'declined' | null;
  sent_decision: 'approved' | 'declined' | null;
  problem: string | null;
  created_at: string;
  absence_status: string | null;
}

const personKeyId = (key: string | null) => (key && /^p\d+$/.test(key) ? Number(key.slice(1)) : null);

function linkRow(ctx: ServiceContext, teamId: number): LinkRow | null {
  return (ctx.db.prepare('SELECT * FROM hub_link WHERE team_id = ?').get(teamId) as LinkRow | undefined) ?? null;
}

function requireLink(ctx: ServiceContext, teamId: number): LinkRow {
  ctx.requireTeam(teamId);
  const link = linkRow(ctx, teamId);
  if (!link) throw new UserError('not_found', 'This team is not connected to a hub', ['teamId']);
  return link;
}

function requestRows(ctx: ServiceContext, teamId: number): RequestRow[] {
  return ctx.db
    .prepare('SELECT r.*, a.status AS absence_status FROM hub_request r LEFT JOIN absence a ON a.id = r.absence_id WHERE r.team_id = ? ORDER BY r.created_at DESC, r.id DESC')
    .all(teamId) as RequestRow[];
}

/** A request's decision now: for leave, its absence's status (decided on the Absences page); otherwise the lead's decision here. */
function decisionOf(r: RequestRow): 'approved' | 'declined' | null {
  if (r.kind !== 'leave') return r.decision;
  if (r.absence_status === 'approved') return 'approved';
  if (r.absence_status === 'rejected' || r.absence_status === 'cancelled') return r.state === 'withdrawn' ? null : 'declined';
  return r.decision;
}

/** Decisions the hub has not heard yet: made, or changed, since the last publish. */
function decisionsToSend(ctx: ServiceContext, teamId: number): { requestId: number; decision: 'approved' | 'declined' }[] {
  return requestRows(ctx, teamId).flatMap((r) => {
    const decision = decisionOf(r);
    return decision !== null && decision !== r.sent_decision ? [{ requestId: r.id, decision }] : [];
  });
}

function linkOut(ctx: ServiceContext, link: LinkRow): HubLink {
  const waiting = requestRows(ctx, link.team_id).filter((r) => r.state === 'pending' && r.kind !== 'leave' && r.decision === null).length;
  return {
    teamId: link.team_id,
    url: link.url,
    email: link.email,
    hubTeamId: link.hub_team_id,
    hubTeamName: link.hub_team_name,
    lastVersion: link.last_version,
    lastPublishedAt: link.last_published_at,
    decisionsToSend: decisionsToSend(ctx, link.team_id).length,
    waiting,
  };
}

/** The person a pulled request names, if they are in this team. */
function teamPerson(ctx: ServiceContext, teamId: number, key: string | null): number | null {
  const id = personKeyId(key);
  if (id === null) return null;
  const row = ctx.db.prepare('SELECT id FROM person WHERE id = ? AND team_id = ?').get(id, teamId) as { id: number } | undefined;
  return row?.id ?? null;
}

/** An on-call turn by its plan key (`o<rotation>-<start>`): who holds it now, and its team-local span; null when the plan has no turn starting there. */
function turnOf(ctx: ServiceContext, team: Team, key: string | null): { rotationId: number; personId: number; start: string; end: string } | null {
  const parsed = key ? parseTurnKey(key) : null;
  if (!parsed) return null;
  const { rotationId, startUtc } = parsed;
  // A rotation removed (or another team's) since the agent offered: no turn, rather than a refusal of the whole read.
  const rotation = getRotation(ctx.db, rotationId);
  if (!rotation || rotation.teamId !== team.id) return null;
  const clock = zoneClock(team.timeZone);
  const day = clock.dayOf(startUtc);
  const block = onCallSchedule(ctx, team, rotationId, clock.addDays(day, -1), clock.addDays(day, 1)).find((b) => b.startUtc === startUtc);
  if (!block) return null;
  const local = (t: number) => `${clock.dayOf(t)}T${clock.hhmm(t)}`;
  return { rotationId, personId: block.personId, start: local(block.startUtc), end: local(block.endUtc) };
}

type Turn = NonNullable<ReturnType<typeof turnOf>>;
type SwapBlock = 'not_taken' | 'turn_not_theirs' | 'return_not_theirs';

/**
 * A swap request against the plan as it is now: the turn offered, the one given in return, and
 * why approving it cannot be done (nobody took it; the offered turn is no longer the asker's; the
 * turn given in return is no longer the taker's), or null when it can. `hub.decide` refuses on
 * the same grounds that `hub.requests` shows, so the window and the refusal never disagree.
 */
function swapPlan(ctx: ServiceContext, team: Team, r: RequestRow): { rotationId: number | null; offered: Turn | null; inReturn: Turn | null; blocked: SwapBlock | null } {
  const { turnKey } = JSON.parse(r.body) as { turnKey?: string };
  const offered = turnOf(ctx, team, turnKey ?? null);
  const inReturn = r.in_return_key ? turnOf(ctx, team, r.in_return_key) : null;
  const rotationId = parseTurnKey(turnKey ?? '')?.rotationId ?? null;
  const blocked: SwapBlock | null =
    r.taker_person_id === null
      ? 'not_taken'
      : !offered || offered.personId !== r.person_id
        ? 'turn_not_theirs'
        : r.in_return_key && (!inReturn || inReturn.personId !== r.taker_person_id)
          ? 'return_not_theirs'
          : null;
  return { rotationId, offered, inReturn, blocked };
}

const SWAP_REFUSALS: Record<SwapBlock, [code: 'invalid' | 'not_their_turn', message: string]> = {
  not_taken: ['invalid', 'Nobody has taken this turn yet'],
  turn_not_theirs: ['not_their_turn', 'The offered turn is no longer theirs in the plan'],
  return_not_theirs: ['not_their_turn', 'The turn given in return is no longer theirs in the plan'],
};

export function hubLinkHandlers(ctx: ServiceContext, api: () => Handlers): HandlersOf<HubMethods> {
  const { db } = ctx;
  const pendingOut = (r: RequestRow, team: Team): HubPending => {
    const name = (id: number | null) => (id === null ? null : ((db.prepare('SELECT name FROM person WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? null));
    return {
      id: r.id,
      kind: r.kind,
      personId: r.person_id,
      personName: name(r.person_id) ?? '',
      state: r.state,
      decision: decisionOf(r),
      body: { ...(JSON.parse(r.body) as Record<string, unknown>), ...(r.problem ? { problem: r.problem } : {}), ...(r.in_return_key ? { inReturnKey: r.in_return_key } : {}) },
      takerName: name(r.taker_person_id),
      absenceId: r.absence_id,
      createdAt: r.created_at,
      swap: r.kind === 'swap' && r.state === 'pending' && r.decision === null ? swapOut(r, team) : null,
    };
  };
  const swapOut = (r: RequestRow, team: Team): HubPending['swap'] => {
    const { rotationId, offered, inReturn, blocked } = swapPlan(ctx, team, r);
    const span = (x: Turn | null) => (x ? { start: x.start, end: x.end, personId: x.personId } : null);
    return { rotationId, turn: span(offered), takerId: r.taker_person_id, inReturn: span(inReturn), blocked };
  };

  return {
    'hub.status': ({ teamId }) => {
      ctx.requireTeam(teamId);
      const link = linkRow(ctx, teamId);
      return link ? linkOut(ctx, link) : null;
    },
    'hub.requests': ({ teamId }) => {
      const team = ctx.requireTeam(teamId);
      const rows = requestRows(ctx, teamId);
      const waiting = (r: RequestRow) => r.state === 'pending' && decisionOf(r) === null;
      return [...rows.filter(waiting), ...rows.filter((r) => !waiting(r))].map((r) => pendingOut(r, team));
    },
    'hub.decide': ({ teamId, id, decision }) => {
      const team = ctx.requireTeam(teamId);
      const r = requestRows(ctx, teamId).find((x) => x.id === id);
      if (!r) throw new UserError('not_found', `There is no hub request ${id} in ${team.name}`, ['id']);
      if (r.kind === 'leave' && r.absence_id !== null) throw new UserError('invalid', 'Leave asked for on the hub is decided on the Absences page, as any request', ['id']);
      // Leave the planner could not enter (it said why): the lead can only decline it here, or enter it by hand.
      if (r.kind === 'leave' && decision === 'approved') throw new UserError('invalid', `The planner could not enter this leave (${r.problem ?? 'refused'}); decline it, or enter it yourself on the Absences page`, ['decision']);
      if (r.state !== 'pending') throw new UserError('decided', 'This request was withdrawn', ['id']);
      if (r.decision !== null) throw new UserError('decided', `This request was ${r.decision} already`, ['id']);
      if (r.person_id === null) throw new UserError('not_found', 'The person who asked is no longer in this team', ['id']);
      if (decision === 'approved' && r.kind !== 'leave') {
        const handlers = api();
        if (r.kind === 'preferences') {
          const body = JSON.parse(r.body) as { preferences: { weekday: number; templateId: number | null; kind: 'cannot' | 'prefer_not' }[] };
          handlers['person.setPreferences']({ personId: r.person_id, preferences: body.preferences });
        } else {
          const { offered, inReturn, blocked } = swapPlan(ctx, team, r);
          if (blocked || !offered || r.taker_person_id === null) {
            const [code, message] = SWAP_REFUSALS[blocked ?? 'turn_not_theirs'];
            throw new UserError(code, message, ['id']);
          }
          if (inReturn) {
            handlers['oncall.swap']({ rotationId: offered.rotationId, a: r.person_id, aStart: offered.start, aEnd: offered.end, b: r.taker_person_id, bStart: inReturn.start, bEnd: inReturn.end });
          } else {
            handlers['oncall.addOverride']({ rotationId: offered.rotationId, personId: r.taker_person_id, start: offered.start, end: offered.end, note: 'Swap asked on the hub' });
          }
        }
      }
      db.prepare('UPDATE hub_request SET decision = ? WHERE team_id = ? AND id = ?').run(decision, teamId, id);
      const after = requestRows(ctx, teamId).find((x) => x.id === id);
      if (!after) throw new Error('hub request vanished');
      return pendingOut(after, team);
    },
    'hub.sync': ({ teamId, pulled }) => {
      const team = ctx.requireTeam(teamId);
      requireLink(ctx, teamId);
      const handlers = api();
      let leave = 0;
      let withdrawn = 0;
      let until = '';
      for (const raw of pulled) {
        const p = PulledRequest.parse(raw);
        if (p.updatedAt > until) until = p.updatedAt;
        const personId = teamPerson(ctx, teamId, p.personKey);
        const before = requestRows(ctx, teamId).find((x) => x.id === p.id);
        db.prepare(
          `INSERT INTO hub_request (team_id, id, person_id, kind, body, state, taker_person_id, in_return_key, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (team_id, id) DO UPDATE SET body = excluded.body, state = excluded.state, taker_person_id = excluded.taker_person_id,
             in_return_key = excluded.in_return_key, updated_at = excluded.updated_at`,
        ).run(teamId, p.id, personId, p.kind, JSON.stringify(p.body), p.state, teamPerson(ctx, teamId, p.takerKey), p.inReturnKey, p.createdAt, p.updatedAt);
        if (p.kind === 'leave' && 'typeId' in p.body && p.state === 'pending' && !before?.absence_id && personId !== null) {
          try {
            const made = handlers['absence.create']({ teamId, personId, typeId: p.body.typeId, start: p.body.firstDay, end: p.body.lastDay, hours: null, status: 'requested', note: p.body.note });
            db.prepare('UPDATE hub_request SET absence_id = ?, problem = NULL WHERE team_id = ? AND id = ?').run(made.absence.id, teamId, p.id);
            leave += 1;
          } catch (err) {
            // The planner refuses it as it would refuse the lead (an overlap, an archived person): kept, with why, for the lead to decline.
            if (!(err instanceof UserError)) throw err;
            db.prepare('UPDATE hub_request SET problem = ? WHERE team_id = ? AND id = ?').run(err.message, teamId, p.id);
          }
        }
        if (p.state === 'withdrawn' && before?.state !== 'withdrawn') {
          withdrawn += 1;
          if (before?.absence_id && before.absence_status === 'requested') handlers['absence.setStatus']({ id: before.absence_id, status: 'cancelled' });
        }
      }
      if (until !== '') db.prepare('UPDATE hub_link SET pulled_until = ? WHERE team_id = ?').run(until, team.id);
      return { received: pulled.length, leave, withdrawn };
    },
  };
}

export const hubSecretKey = (filePath: string, teamId: number) => `hub:${teamId}@${filePath}`;

/** The hub's leave items name the request they answer, so the agent sees which of theirs was decided. */
export function withRequestIds(ctx: ServiceContext, teamId: number, items: PlanItem[]): PlanItem[] {
  const byAbsence = new Map((ctx.db.prepare('SELECT absence_id, id FROM hub_request WHERE team_id = ? AND absence_id IS NOT NULL').all(teamId) as { absence_id: number; id: number }[]).map((r) => [r.absence_id, r.id]));
  return items.map((i) => (i.kind === 'leave' ? { ...i, body: { ...i.body, hubRequestId: byAbsence.get(Number(i.key.slice(1))) ?? null } } : i));
}

export function hubSteps(ctx: ServiceContext, options: HubOptions): StepsOf<HubStepMethods> {
  // Browser mode has no keychain: the token lives in this service's memory until it closes.
  const memory = new Map<string, string>();
  const secrets: SecretStore = options.secrets ?? { get: (k) => memory.get(k) ?? null, set: (k, v) => void memory.set(k, v), delete: (k) => void memory.delete(k) };
  const fetcher = options.fetch ?? fetch;
  const languageOf = () => getSetting(ctx.db, 'language');

  async function clientFor(link: LinkRow): Promise<HubClient> {
    const token = await secrets.get(hubSecretKey(options.filePath, link.team_id));
    if (!token) throw new UserError('hub_refused', 'Sign in to the hub again (Connect): this computer holds no session for it', ['password']);
    return new HubClient(link.url, token, fetcher, languageOf());
  }

  /** What the hub holds, the plan now, and the diff between them. */
  async function diffNow(teamId: number, from: string, to: string, tools: Parameters<NonNullable<StepsOf<'hub.preview'>['hub.preview']['finish']>>[1]) {
    tools.clearMemo();
    const link = tools.transaction(() => requireLink(ctx, teamId));
    const client = await clientFor(link);
    const held = await client.get<{ version: number; held: Record<string, string> }>(`/api/teams/${link.hub_team_id}/manifest`);
    const { items, decisions } = tools.transaction(() => ({ items: withRequestIds(ctx, teamId, hubPlanItems(ctx, teamId, from, to)), decisions: decisionsToSend(ctx, teamId) }));
    const heldNames = new Set(Object.keys(held.held));
    return { link, client, version: held.version, heldNames, diff: planDiff(new Map(Object.entries(held.held)), items), decisions };
  }

  return {
    'hub.connect': {
      finish: async ({ teamId, url, email, password, hubTeamId }, tools) => {
        tools.transaction(() => ctx.requireTeam(teamId));
        const base = url.replace(/\/+$/, '');
        const language = tools.transaction(languageOf);
        const { token, role } = await HubClient.login(base, email, password, fetcher, language);
        if (role !== 'lead') throw new UserError('hub_refused', 'This account is not a team lead on the hub; ask its administrator for a lead invitation', ['email']);
        const teams = await new HubClient(base, token, fetcher, language).get<{ id: number; name: string }[]>('/api/teams');
        if (teams.length === 0) throw new UserError('hub_refused', 'This account leads no team on the hub yet; ask its administrator', ['email']);
        const chosen = hubTeamId !== null ? teams.find((t) => t.id === hubTeamId) : teams.length === 1 ? teams[0] : undefined;
        if (hubTeamId !== null && !chosen) throw new UserError('not_found', 'You do not lead that team on the hub', ['hubTeamId']);
        const list = teams.map((t) => ({ id: t.id, name: t.name }));
        if (!chosen) return { ok: true, value: { link: null, teams: list } };
        await secrets.set(hubSecretKey(options.filePath, teamId), token);
        const link = tools.transaction(() => {
          const before = linkRow(ctx, teamId);
          // Another hub or hub team: what was published and pulled before belongs to that one.
          const same = before !== null && before.url === base && before.hub_team_id === chosen.id;
          ctx.db
            .prepare(
              `INSERT INTO hub_link (team_id, url, email, hub_team_id, hub_team_name, last_version, last_published_at, pulled_until, connected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (team_id) DO UPDATE SET url = excluded.url, email = excluded.email, hub_team_id = excluded.hub_team_id, hub_team_name = excluded.hub_team_name,
                 last_version = excluded.last_version, last_published_at = excluded.last_published_at, pulled_until = excluded.pulled_until, connected_at = excluded.connected_at`,
            )
            .run(teamId, base, email.toLowerCase(), chosen.id, chosen.name, same ? before.last_version : null, same ? before.last_published_at : null, same ? before.pulled_until : null, ctx.stamp());
          return linkOut(ctx, requireLink(ctx, teamId));
        });
        return { ok: true, value: { link, teams: list }, changed: ['hub_link'] };
      },
    },
    'hub.disconnect': {
      finish: async ({ teamId }, tools) => {
        const link = tools.transaction(() => requireLink(ctx, teamId));
        const key = hubSecretKey(options.filePath, teamId);
        const token = await secrets.get(key);
        // Ends the session on the hub too, so the token opens nothing even if a copy of it survived; a hub out of reach does not stop the disconnect.
        if (token) await new HubClient(link.url, token, fetcher).post('/logout', {}).catch(() => undefined);
        await secrets.delete(key);
        tools.transaction(() => ctx.db.prepare('DELETE FROM hub_link WHERE team_id = ?').run(teamId));
        return { ok: true, value: { teamId }, changed: ['hub_link'] };
      },
    },
    'hub.preview': {
      finish: async ({ teamId, from, to }, tools) => {
        const { version, diff, heldNames, decisions } = await diffNow(teamId, from, to, tools);
        return { ok: true, value: previewOf(version, diff, heldNames, decisions.length) };
      },
    },
    'hub.publish': {
      finish: async ({ teamId, from, to, baseVersion }, tools) => {
        const { link, client, version, diff, decisions } = await diffNow(teamId, from, to, tools);
        if (version !== baseVersion) throw new UserError('hub_refused', `The team's plan on the hub changed since your preview (version ${version}, not ${baseVersion}). Preview again.`, ['baseVersion']);
        const publishId = randomBytes(18).toString('base64url');
        const done = await client.post<{ version: number; upserts: number; deletes: number }>(`/api/teams/${link.hub_team_id}/publish`, { publishId, baseVersion, upserts: diff.upserts, deletes: diff.deletes, decisions });
        tools.transaction(() => {
          ctx.db.prepare('UPDATE hub_link SET last_version = ?, last_published_at = ? WHERE team_id = ?').run(done.version, ctx.stamp(), teamId);
          const note = ctx.db.prepare('UPDATE hub_request SET sent_decision = ? WHERE team_id = ? AND id = ?');
          for (const d of decisions) note.run(d.decision, teamId, d.requestId);
        });
        return { ok: true, value: { version: done.version, upserts: done.upserts, deletes: done.deletes, decisions: decisions.length }, changed: ['hub_link', 'hub_request'] };
      },
    },
    'hub.sync': {
      prepare: async (input) => {
        const link = requireLink(ctx, input.teamId);
        const client = await clientFor(link);
        const since = link.pulled_until ? `?since=${encodeURIComponent(link.pulled_until)}` : '';
        const pulled = await client.get<unknown[]>(`/api/teams/${link.hub_team_id}/requests${since}`);
        return { ...input, pulled };
      },
    },
  };
}

function previewOf(version: number, diff: ReturnType<typeof planDiff>, heldNames: ReadonlySet<string>, decisions: number): HubPreview {
  const byKind = new Map<string, { kind: string; added: number; changed: number; removed: number }>();
  const row = (kind: string) => {
    let r = byKind.get(kind);
    if (!r) byKind.set(kind, (r = { kind, added: 0, changed: 0, removed: 0 }));
    return r;
  };
  let added = 0;
  for (const item of diff.upserts) {
    // An item the hub never held is new; one it holds under the same name is changed.
    const isNew = !heldNames.has(itemName(item));
    if (isNew) added += 1;
    row(item.kind)[isNew ? 'added' : 'changed'] += 1;
  }
  for (const name of diff.deletes) row(name.split('/')[0] ?? '').removed += 1;
  return {
    baseVersion: version,
    counts: { added, changed: diff.upserts.length - added, removed: diff.deletes.length, unchanged: diff.unchanged, decisions },
    byKind: [...byKind.values()].sort((a, b) => a.kind.localeCompare(b.kind)),
  };
}
