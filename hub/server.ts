import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { parseCalendarDate } from '../core/calendar';
import { Temporal } from '../core/time';
import type { Language } from '../core/contract';
import { acceptInvitation, createInvitation, endSession, invitationOf, isLanguage, login, ROLES, sessionsOf, setLanguage, startSession, type Account, type Role, type Session, type SessionAsk, type SessionClient } from './accounts';
import { adminView, setDisabled } from './admin';
import { agentData } from './agent-view';
import { feedAccount, feedCalendar, renewFeed, revokeFeed } from './feed';
import { wordsFor } from './format';
import { cookies, HubError, ownOrigin, readFields, realDay, redirect, send, sendJson, sessionCookie } from './http';
import { migrate } from './migrations';
import { adminPage, agentPage, departmentPage, errorPage, HUB_CSS, invitePage, loginPage, problemText, teamsPage, teamWeekPage, type AdminOutcome, type AgentView, type PageContext } from './pages';
import { batched, connect, type Pool } from './pg';
import { createTeam, department, ledTeam, manifest, publish, sessionSchedules, teamsOf } from './plans';
import { acceptSwap, fileRequest, myRequests, openOffers, teamRequests, withdrawRequest } from './requests';
import { teamWeek } from './team-week';

/**
 * The hub's HTTP server. It keeps nothing in memory between requests: sessions, login attempts
 * and plans are PostgreSQL's, so any number of these processes can serve one department behind a
 * load balancer, and one killed mid-request loses nothing committed.
 */

export interface HubOptions {
  pool: Pool;
  /** The address people reach the hub at (https://hub.example.com), when it sits behind a proxy; else taken from each request's Host. */
  publicUrl: string | null;
  /** Take the client's address from X-Forwarded-For (set only behind a proxy you run). */
  trustProxy: boolean;
  /** Mark cookies Secure (served over TLS, here or at the proxy). */
  secureCookies: boolean;
  productVersion: string;
  now?: () => Date;
  log?: (line: string) => void;
}

const SESSION_COOKIE = 'rd_session';
const LANGUAGE_COOKIE = 'rd_language';
const FORM_BYTES = 16 * 1024;
/** A 200-person team's five weeks is about 3 MB of JSON; this leaves room for a department's largest. */
const PUBLISH_BYTES = 64 * 1024 * 1024;
const SCHEDULE_WEEKS = 5;
/** What an agent sees of their own plan. */
const AGENT_KINDS = ['shift', 'oncall', 'leave', 'balance'] as const;
const DAY_MS = 86_400_000;

interface Request {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  path: string;
  query: URLSearchParams;
  /** The signed-in account and how: a browser's cookie or the app's bearer token. */
  session: (Session & { via: 'cookie' | 'bearer'; token: string }) | null;
  language: Language;
}

function clientAddress(req: http.IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean).at(-1) : undefined;
  return (forwarded ?? req.socket.remoteAddress ?? 'unknown').slice(0, 64);
}

function preferredLanguage(req: http.IncomingMessage): Language {
  const chosen = cookies(req).get(LANGUAGE_COOKIE);
  if (isLanguage(chosen)) return chosen;
  for (const part of String(req.headers['accept-language'] ?? '').split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (isLanguage(code)) return code;
  }
  return 'en';
}

const isApi = (path: string) => path.startsWith('/api/');

const isJson = (req: http.IncomingMessage) => (req.headers['content-type'] ?? '').startsWith('application/json');

/** A request as a JSON body sends it ({ kind, body }), or as the agent page's forms do (flat fields). */
function requestFromFields(fields: Record<string, unknown>): unknown {
  if (fields.body !== undefined) return { kind: fields.kind, body: fields.body };
  const note = typeof fields.note === 'string' ? fields.note.trim() : '';
  // Persian pages send Solar Hijri days (core/calendar.ts reads them as the planner does); a day it cannot read goes on as typed, to be refused by name.
  const day = (v: unknown) => (fields.calendar === 'persian' && typeof v === 'string' ? (parseCalendarDate(v, 'persian') ?? v) : v);
  if (fields.kind === 'leave') return { kind: 'leave', body: { typeId: Number(fields.typeId), firstDay: day(fields.firstDay), lastDay: day(fields.lastDay), note } };
  if (fields.kind === 'swap') return { kind: 'swap', body: { turnKey: fields.turnKey, note } };
  if (fields.kind === 'preferences') {
    const preferences = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => {
      const kind = fields[`weekday${weekday}`];
      return kind === 'cannot' || kind === 'prefer_not' ? [{ weekday, templateId: null, kind }] : [];
    });
    return { kind: 'preferences', body: { preferences, note } };
  }
  return { kind: fields.kind };
}

export function hubHandler(options: HubOptions): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const { pool } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  /** The session token a request carries: the app's bearer token, or a browser's cookie. */
  function sessionToken(req: http.IncomingMessage): { token: string; via: 'bearer' | 'cookie' } | null {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), via: 'bearer' };
    const token = cookies(req).get(SESSION_COOKIE);
    return token ? { token, via: 'cookie' } : null;
  }
  const clientOf = (via: 'bearer' | 'cookie'): SessionClient => (via === 'bearer' ? 'app' : 'browser');
  const endedSession = () => new HubError('not_signed_in', 'The session has ended. Connect to the hub again.');

  // Sessions and schedules are read in batches: a burst of readers costs a few queries, not one each.
  const readSession = batched((asked: SessionAsk[]) => sessionsOf(pool, asked));
  const readSchedule = batched((asked: SessionAsk[]) => sessionSchedules(pool, asked, AGENT_KINDS, ...scheduleWindow()));
  const readAgentData = batched((accounts: Account[]) => agentData(pool, accounts, AGENT_KINDS, ...scheduleWindow()));

  async function resolveSession(req: http.IncomingMessage): Promise<Request['session']> {
    const carried = sessionToken(req);
    if (!carried) return null;
    const s = await readSession({ token: carried.token, client: clientOf(carried.via) });
    if (!s && carried.via === 'bearer') throw endedSession();
    return s ? { ...s, ...carried } : null;
  }

  /** Refuses a state-changing request that a page of another site made the browser send. */
  function checkOrigin(r: Request): void {
    const origin = r.req.headers.origin;
    const own = ownOrigin(r.req, options.publicUrl);
    if (origin !== undefined && origin !== own) throw new HubError('foreign_origin', 'The request came from another site');
    const site = r.req.headers['sec-fetch-site'];
    if (origin === undefined && site !== undefined && site !== 'same-origin' && site !== 'none') throw new HubError('foreign_origin', 'The request came from another site');
  }

  function checkCsrf(r: Request, fields: Record<string, unknown>): void {
    if (r.session?.via !== 'cookie') return;
    const sent = fields._csrf ?? r.req.headers['x-csrf-token'];
    if (sent !== r.session.csrf) throw new HubError('bad_csrf', 'The form has expired. Reload the page and try again.');
  }

  function need(r: Request, ...roles: Role[]): Account {
    if (!r.session) throw new HubError('not_signed_in', 'Sign in first');
    if (roles.length > 0 && !roles.includes(r.session.account.role)) throw new HubError('forbidden', 'Your account may not do this');
    return r.session.account;
  }

  /** An API answer's language: the one the caller asks for (the app sends the planner's), else the page's. */
  const answerContext = (r: Request): PageContext => {
    const asked = String(r.req.headers['accept-language'] ?? '').slice(0, 2).toLowerCase();
    return isLanguage(asked) ? { ...pageContext(r), words: wordsFor(asked) } : pageContext(r);
  };
  const pageContext = (r: Request): PageContext => ({ words: wordsFor(r.session?.account.language ?? r.language), account: r.session?.account ?? null, csrf: r.session?.csrf ?? null });
  const page = (r: Request, status: number, body: string, headers: Record<string, string | string[]> = {}) => send(r.res, status, body, 'text/html; charset=utf-8', headers);

  async function post(r: Request, maxBytes = FORM_BYTES): Promise<Record<string, unknown>> {
    checkOrigin(r);
    const fields = await readFields(r.req, maxBytes);
    checkCsrf(r, fields);
    return fields;
  }

  /** A one-time invitation link from a form or JSON (email, role) and team ids; refusals name the field. */
  async function invitationLink(r: Request, admin: Account, fields: Record<string, unknown>, teamIds: number[]): Promise<string> {
    const role = fields.role;
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) throw new HubError('bad_request', `The role must be one of ${ROLES.join(', ')}`, 'role');
    const token = await createInvitation(pool, { email: String(fields.email ?? ''), role: role as Role, teamIds, createdBy: admin.id });
    return `${ownOrigin(r.req, options.publicUrl) ?? ''}/invite/${token}`;
  }

  /** From a week back to five weeks ahead: what the agent's page and the schedule API show. */
  function scheduleWindow(): [string, string] {
    return [new Date(now().getTime() - 7 * DAY_MS).toISOString(), new Date(now().getTime() + SCHEDULE_WEEKS * 7 * DAY_MS).toISOString()];
  }

  async function agentView(account: Account, extra: { feedUrl?: string | null; notice?: string | null } = {}): Promise<AgentView> {
    const data = await readAgentData(account);
    const feedUrl = extra.feedUrl ?? null;
    return { ...data, notice: extra.notice ?? null, today: now().toISOString().slice(0, 10), feedUrl, hasFeed: feedUrl !== null || data.hasFeed };
  }

  const feedLink = (r: Request, secret: string) => `${ownOrigin(r.req, options.publicUrl) ?? ''}/feed/${secret}.ics`;

  async function route(r: Request): Promise<void> {
    const { req, res, path } = r;
    const method = req.method ?? 'GET';
    const get = method === 'GET' || method === 'HEAD';

    if (path === '/hub.css' && get) return send(res, 200, HUB_CSS, 'text/css; charset=utf-8', { 'Cache-Control': 'public, max-age=3600' });
    if (path === '/healthz' && get) {
      await pool.query({ name: 'health', text: 'SELECT 1' });
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/' && get) {
      if (!r.session) return redirect(res, '/login');
      const role = r.session.account.role;
      return redirect(res, role === 'lead' ? '/lead' : role === 'admin' ? '/admin' : role === 'manager' ? '/department' : '/me');
    }
    if (path === '/login' && get) return page(r, 200, loginPage(pageContext(r), null, ''));
    if (path === '/login' && method === 'POST') {
      checkOrigin(r);
      const fields = await readFields(req, FORM_BYTES);
      const client = fields.client === 'app' ? 'app' : 'browser';
      try {
        const account = await login(pool, fields.email, fields.password, clientAddress(req, options.trustProxy));
        const s = await startSession(pool, account.id, client);
        if (client === 'app') return sendJson(res, 200, { token: s.token, account });
        return redirect(res, '/', { 'Set-Cookie': sessionCookie(SESSION_COOKIE, s.token, s.maxAgeSeconds, options.secureCookies) });
      } catch (err) {
        if (client === 'app' || !(err instanceof HubError)) throw err;
        return page(r, err.status, loginPage(pageContext(r), problemText(pageContext(r), err), typeof fields.email === 'string' ? fields.email.slice(0, 254) : ''), err.retryAfterSeconds ? { 'Retry-After': String(err.retryAfterSeconds) } : {});
      }
    }
    if (path === '/logout' && method === 'POST') {
      need(r);
      await post(r);
      if (r.session) await endSession(pool, r.session.token);
      if (r.session?.via === 'bearer') return sendJson(res, 200, { ok: true });
      return redirect(res, '/login', { 'Set-Cookie': sessionCookie(SESSION_COOKIE, '', 0, options.secureCookies) });
    }
    if (path === '/language' && method === 'POST') {
      const fields = await post(r);
      if (!isLanguage(fields.language)) throw new HubError('bad_request', 'Choose one of the languages', 'language');
      if (r.session) await setLanguage(pool, r.session.account.id, fields.language);
      return redirect(res, '/', { 'Set-Cookie': `${LANGUAGE_COOKIE}=${fields.language}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000${options.secureCookies ? '; Secure' : ''}` });
    }
    const invite = /^\/invite\/([A-Za-z0-9_-]{20,100})$/.exec(path);
    if (invite?.[1]) {
      const token = invite[1];
      if (get) return page(r, 200, invitePage(pageContext(r), await invitationOf(pool, token), token, null));
      if (method === 'POST') {
        checkOrigin(r);
        const fields = await readFields(req, FORM_BYTES);
        try {
          const account = await acceptInvitation(pool, token, { name: fields.name, password: fields.password, language: fields.language ?? r.language });
          const s = await startSession(pool, account.id, 'browser');
          return redirect(res, '/', { 'Set-Cookie': sessionCookie(SESSION_COOKIE, s.token, s.maxAgeSeconds, options.secureCookies) });
        } catch (err) {
          if (!(err instanceof HubError) || err.code === 'invitation_used') throw err;
          return page(r, err.status, invitePage(pageContext(r), await invitationOf(pool, token), token, problemText(pageContext(r), err)));
        }
      }
    }
    const feed = /^\/feed\/([A-Za-z0-9_-]{20,100})\.ics$/.exec(path);
    if (feed?.[1] && get) {
      const account = await feedAccount(pool, feed[1]);
      if (!account) throw new HubError('not_found', 'No such calendar feed (it may have been turned off)');
      return send(res, 200, await feedCalendar(pool, account, now(), options.productVersion), 'text/calendar; charset=utf-8', { 'Content-Disposition': 'inline; filename="rosterdesk.ics"' });
    }
    if (path === '/me' && get) {
      const account = need(r);
      return page(r, 200, agentPage(pageContext(r), await agentView(account)));
    }
    if (path === '/me/feed' && method === 'POST') {
      const account = need(r);
      await post(r);
      const secret = await renewFeed(pool, account.id);
      // Shown once, on this answer: the hub keeps only its hash.
      return page(r, 200, agentPage(pageContext(r), await agentView(account, { feedUrl: feedLink(r, secret) })));
    }
    if (path === '/me/feed/off' && method === 'POST') {
      const account = need(r);
      await post(r);
      await revokeFeed(pool, account.id);
      return redirect(res, '/me');
    }
    if (path === '/me/requests' && method === 'POST') {
      const account = need(r);
      const fields = await post(r);
      const created = await fileRequest(pool, account, fields.teamId, requestFromFields(fields));
      if (r.session?.via === 'bearer' || isJson(req)) return sendJson(res, 201, created);
      return page(r, 201, agentPage(pageContext(r), await agentView(account, { notice: pageContext(r).words.w.sent })));
    }
    const withdraw = /^\/me\/requests\/([^/]{1,20})\/withdraw$/.exec(path);
    if (withdraw?.[1] && method === 'POST') {
      const account = need(r);
      await post(r);
      await withdrawRequest(pool, account, withdraw[1]);
      return isJson(req) ? sendJson(res, 200, { ok: true }) : redirect(res, '/me');
    }
    const accept = /^\/me\/offers\/([^/]{1,20})\/accept$/.exec(path);
    if (accept?.[1] && method === 'POST') {
      const account = need(r);
      const fields = await post(r);
      await acceptSwap(pool, account, accept[1], fields.inReturnKey);
      return isJson(req) ? sendJson(res, 200, { ok: true }) : redirect(res, '/me');
    }
    if (path === '/api/me/requests' && get) {
      const account = need(r);
      return sendJson(res, 200, { mine: await myRequests(pool, account), offers: await openOffers(pool, account) });
    }
    if (path === '/lead' && get) {
      const account = need(r, 'lead');
      const ctx = pageContext(r);
      return page(r, 200, teamsPage(ctx, ctx.words.w.leadTitle, ctx.words.w.leadHelp, await teamsOf(pool, account)));
    }
    const week = /^\/(?:team|api\/teams)\/([^/]{1,20})(\/schedule)?$/.exec(path);
    if (week?.[1] && get && (path.startsWith('/team/') ? week[2] === undefined : week[2] === '/schedule')) {
      const found = await teamWeek(pool, need(r), week[1], r.query.get('week'), now());
      if (path.startsWith('/api/')) return sendJson(res, 200, found);
      return page(r, 200, teamWeekPage(pageContext(r), found));
    }
    // The administrator's page: the same actions as the API and the CLI, as forms.
    if (path === '/admin' && get) {
      need(r, 'admin');
      return page(r, 200, adminPage(pageContext(r), await adminView(pool)));
    }
    if (path.startsWith('/admin/') && method === 'POST') {
      const account = need(r, 'admin');
      const fields = await post(r);
      const ctx = pageContext(r);
      const again = async (status: number, outcome: AdminOutcome) => page(r, status, adminPage(ctx, await adminView(pool), outcome));
      try {
        if (path === '/admin/teams') {
          const team = await createTeam(pool, fields.name);
          return await again(201, { notice: ctx.words.say('teamMade', { team: team.name }) });
        }
        if (path === '/admin/invitations') {
          // The form ticks a box per team (team<id>=on); createInvitation refuses an id of no team.
          const teamIds = Object.keys(fields).flatMap((k) => (/^team\d{1,15}$/.test(k) && fields[k] === 'on' ? [Number(k.slice(4))] : []));
          const link = await invitationLink(r, account, fields, teamIds);
          return await again(201, { invitation: { email: String(fields.email ?? '').trim().toLowerCase(), link } });
        }
        const toggle = /^\/admin\/accounts\/([^/]{1,20})\/(disable|enable)$/.exec(path);
        if (toggle?.[1] && toggle[2]) {
          const email = await setDisabled(pool, account, toggle[1], toggle[2] === 'disable');
          return await again(200, { notice: ctx.words.say('accountChanged', { email }) });
        }
      } catch (err) {
        if (!(err instanceof HubError) || err.status >= 500 || err.code === 'not_found') throw err;
        return await again(err.status, { problem: problemText(ctx, err) });
      }
    }
    if ((path === '/department' || path === '/api/department') && get) {
      need(r, 'manager', 'admin');
      const typed = r.query.get('day');
      // The Persian page's field is a Solar Hijri day; everything else asks in ISO.
      const asked = typed !== null && r.query.get('calendar') === 'persian' ? (parseCalendarDate(typed, 'persian') ?? typed) : typed;
      if (asked !== null && !realDay(asked)) throw new HubError('bad_request', 'day must be a real date written YYYY-MM-DD', 'day');
      const day = asked ?? now().toISOString().slice(0, 10);
      const teams = await department(pool, day, now());
      if (path === '/api/department') return sendJson(res, 200, { day, teams });
      const plain = Temporal.PlainDate.from(day);
      return page(r, 200, departmentPage(pageContext(r), day, { previous: plain.subtract({ days: 7 }).toString(), next: plain.add({ days: 7 }).toString() }, teams));
    }

    // The JSON API: the desktop app (bearer token) and scripts.
    if (path === '/api/me' && get) return sendJson(res, 200, need(r));
    if (path === '/api/me/schedule' && get) {
      // The handler left the session to this one query, which checks it and reads the schedule together.
      const carried = sessionToken(req);
      const found = carried && (await readSchedule({ token: carried.token, client: clientOf(carried.via) }));
      if (!found) throw carried?.via === 'bearer' ? endedSession() : new HubError('not_signed_in', 'Sign in first');
      r.session = { ...found.session, ...carried };
      return send(res, 200, `{"memberships":${found.memberships}}`, 'application/json; charset=utf-8');
    }
    if (path === '/api/teams' && get) return sendJson(res, 200, await teamsOf(pool, need(r)));
    if (path === '/api/teams' && method === 'POST') {
      need(r, 'admin');
      const fields = await post(r);
      return sendJson(res, 201, await createTeam(pool, fields.name));
    }
    if (path === '/api/invitations' && method === 'POST') {
      const account = need(r, 'admin');
      const fields = await post(r);
      const teamIds = Array.isArray(fields.teamIds) ? fields.teamIds : [];
      if (!teamIds.every((t): t is number => typeof t === 'number' && Number.isSafeInteger(t) && t > 0)) throw new HubError('bad_request', 'Team ids must be numbers', 'teamIds');
      return sendJson(res, 201, { link: await invitationLink(r, account, fields, teamIds) });
    }
    const team = /^\/api\/teams\/([^/]{1,20})\/(manifest|publish|requests)$/.exec(path);
    if (team?.[1] && team[2]) {
      const account = need(r, 'lead');
      const teamId = await ledTeam(pool, account, team[1]);
      if (team[2] === 'manifest' && get) return sendJson(res, 200, await manifest(pool, teamId));
      if (team[2] === 'requests' && get) return sendJson(res, 200, await teamRequests(pool, teamId, r.query.get('since')));
      if (team[2] === 'publish' && method === 'POST') {
        const fields = await post(r, PUBLISH_BYTES);
        return sendJson(res, 200, await publish(pool, teamId, account.id, fields));
      }
      throw new HubError('method_not_allowed', 'Not with this method');
    }
    throw new HubError('not_found', 'There is nothing at this address');
  }

  return (req, res) => {
    void (async () => {
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://hub.invalid');
      } catch {
        return send(res, 400, 'Malformed address', 'text/plain; charset=utf-8');
      }
      const r: Request = { req, res, path: url.pathname, query: url.searchParams, session: null, language: preferredLanguage(req) };
      try {
        // Stylesheet, health check and calendar feeds need no session: no query for one. The schedule API checks its own, in its one query.
        if (!(r.path === '/hub.css' || r.path === '/healthz' || r.path.startsWith('/feed/') || r.path === '/api/me/schedule')) r.session = await resolveSession(req);
        await route(r);
      } catch (err) {
        if (res.headersSent) return void res.destroy();
        if (err instanceof HubError) {
          const headers: Record<string, string> = err.retryAfterSeconds ? { 'Retry-After': String(err.retryAfterSeconds) } : {};
          if (isApi(r.path) || r.session?.via === 'bearer' || isJson(req) || (req.headers.accept ?? '').includes('application/json')) {
            // In the caller's language (the app sends the planner's as Accept-Language): the lead's window shows this sentence.
            return sendJson(res, err.status, { error: { code: err.code, message: problemText(answerContext(r), err), field: err.field } }, headers);
          }
          if (err.code === 'not_signed_in') return redirect(res, '/login');
          return page(r, err.status, errorPage(pageContext(r), problemText(pageContext(r), err)), headers);
        }
        log(`rosterdesk hub: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        const ctx = pageContext(r);
        if (isApi(r.path)) return sendJson(res, 500, { error: { code: 'internal', message: ctx.words.w.internal, field: null } });
        return page(r, 500, errorPage(ctx, ctx.words.w.internal));
      }
    })();
  };
}

export interface RunningHub {
  url: string;
  close(): Promise<void>;
}

export interface StartHubOptions {
  pgUrl: string;
  /** host:port, or a port alone (then 127.0.0.1). Port 0 picks a free one. */
  listen: string;
  publicUrl?: string | null;
  trustProxy?: boolean;
  /** PEM files: serve HTTPS directly instead of behind a proxy. */
  tls?: { certFile: string; keyFile: string } | null;
  productVersion: string;
  log?: (line: string) => void;
}

export function parseListen(listen: string): { host: string; port: number } {
  const m = /^(?:(\[[0-9a-fA-F:]+\]|[^:]+):)?(\d{1,5})$/.exec(listen.trim());
  const port = Number(m?.[2]);
  if (!m || port > 65535) throw new HubError('bad_request', `--listen must be host:port or a port, such as 127.0.0.1:8080 (got "${listen}")`, 'listen');
  return { host: (m[1] ?? '127.0.0.1').replace(/^\[|\]$/g, ''), port };
}

/** Connects, brings the schema up to date, and listens. */
export async function startHub(options: StartHubOptions): Promise<RunningHub> {
  const { host, port } = parseListen(options.listen);
  const pool = connect(options.pgUrl);
  try {
    await migrate(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const secure = Boolean(options.tls) || (options.publicUrl ?? '').startsWith('https:');
  const handler = hubHandler({ pool, publicUrl: options.publicUrl ?? null, trustProxy: options.trustProxy ?? false, secureCookies: secure, productVersion: options.productVersion, log: options.log });
  const server = options.tls ? https.createServer({ cert: fs.readFileSync(options.tls.certFile), key: fs.readFileSync(options.tls.keyFile) }, handler) : http.createServer(handler);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `${options.tls ? 'https' : 'http'}://${shownHost}:${address.port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await pool.end();
    },
  };
}
