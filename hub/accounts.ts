import { LANGUAGES, type Language } from '../core/contract';
import { HubError } from './http';
import { inTransaction, one, prepared, rows, type Pool, type Queryable } from './pg';
import { hashPassword, MIN_PASSWORD_LENGTH, newToken, NO_ACCOUNT_HASH, tokenHash, verifyPassword } from './secrets';

/**
 * Accounts, invitations, sessions and login limits. Everything lives in PostgreSQL, so any hub
 * process behind a load balancer can answer any request of a session another one started.
 */

export const ROLES = ['agent', 'lead', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const isLanguage = (s: unknown): s is Language => typeof s === 'string' && (LANGUAGES as readonly string[]).includes(s);

export interface Account {
  id: number;
  email: string;
  name: string;
  role: Role;
  language: Language;
}

/** A browser session (a cookie, CSRF-checked) or the desktop app's (a bearer token). */
export type SessionClient = 'browser' | 'app';

export interface Session {
  account: Account;
  csrf: string;
}

const SESSION_SECONDS: Record<SessionClient, number> = { browser: 14 * 24 * 3600, app: 90 * 24 * 3600 };
const INVITATION_SECONDS = 7 * 24 * 3600;

/** Login limits over the last 15 minutes: failures for one email, and for one address (someone trying many emails). */
export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,63}$/;

export function normalEmail(email: unknown, field = 'email'): string {
  if (typeof email !== 'string' || /[\u0000-\u001f\u007f]/.test(email.trim()) || !EMAIL.test(email.trim())) throw new HubError('bad_request', 'Must be an email address such as ayse@example.com', field);
  return email.trim().toLowerCase();
}

function checkPassword(password: unknown): string {
  if (typeof password !== 'string' || [...password].length < MIN_PASSWORD_LENGTH) throw new HubError('weak_password', `The password must have at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
  if (password.length > 512) throw new HubError('weak_password', 'The password must have at most 512 characters', 'password');
  return password;
}

/** A one-time link's token for `email` to join as `role` (leads: of `teamIds`). Only the token's hash is kept. */
export async function createInvitation(db: Queryable, invite: { email: string; role: Role; teamIds: readonly number[]; createdBy: number | null }): Promise<string> {
  const email = normalEmail(invite.email);
  if (!(ROLES as readonly string[]).includes(invite.role)) throw new HubError('bad_request', `The role must be one of ${ROLES.join(', ')}`, 'role');
  if (invite.role === 'lead' && invite.teamIds.length === 0) throw new HubError('bad_request', 'A lead needs at least one team', 'teamIds');
  const known = await rows<{ id: number }>(db, 'SELECT id FROM team WHERE id = ANY($1::bigint[])', [invite.teamIds]);
  if (known.length !== new Set(invite.teamIds).size) throw new HubError('not_found', 'One of the teams does not exist', 'teamIds');
  const token = newToken();
  await db.query("INSERT INTO invitation (token_hash, email, role, team_ids, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))", [
    tokenHash(token),
    email,
    invite.role,
    invite.teamIds,
    invite.createdBy,
    INVITATION_SECONDS,
  ]);
  return token;
}

/** What an unused invitation is for, or null when it is unknown, used or expired. */
export async function invitationOf(db: Queryable, token: string): Promise<{ email: string; role: Role } | null> {
  return one<{ email: string; role: Role }>(db, 'SELECT email, role FROM invitation WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()', [tokenHash(token)]);
}

/** Uses an invitation once: the account it makes, with its teams. A second use is refused. */
export async function acceptInvitation(pool: Pool, token: string, fields: { name: unknown; password: unknown; language: unknown }): Promise<Account> {
  const name = typeof fields.name === 'string' ? fields.name.trim() : '';
  if (name.length < 1 || name.length > 120 || /[\u0000-\u001f\u007f]/.test(name)) throw new HubError('bad_request', 'Write your name (at most 120 characters)', 'name');
  const password = checkPassword(fields.password);
  const language: Language = isLanguage(fields.language) ? fields.language : 'en';
  const hash = await hashPassword(password);
  return inTransaction(pool, async (db) => {
    const invitation = await one<{ email: string; role: Role; team_ids: number[] }>(
      db,
      'UPDATE invitation SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING email, role, team_ids',
      [tokenHash(token)],
    );
    if (!invitation) throw new HubError('invitation_used', 'This invitation link was used already or has expired. Ask for a new one.');
    const taken = await one(db, 'SELECT 1 FROM account WHERE lower(email) = $1', [invitation.email]);
    if (taken) throw new HubError('conflict', 'There is already an account with this email. Sign in instead.', 'email');
    const account = await one<Account>(db, 'INSERT INTO account (email, name, password_hash, role, language) VALUES ($1, $2, $3, $4, $5) RETURNING id, email, name, role, language', [
      invitation.email,
      name,
      hash,
      invitation.role,
      language,
    ]);
    if (!account) throw new Error('account insert returned nothing');
    for (const teamId of invitation.team_ids) await db.query('INSERT INTO team_lead (account_id, team_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [account.id, teamId]);
    return account;
  });
}

/** The account for an email and password, within the login limits; every attempt is recorded. */
export async function login(pool: Pool, email: unknown, password: unknown, address: string): Promise<Account> {
  const typed = typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : '';
  // PostgreSQL's text holds no NUL: such an email is tried and counted as an unknown one.
  const who = typed.includes('\u0000') ? '' : typed;
  const failures = await one<{ by_email: number; by_address: number }>(
    pool,
    `SELECT count(*) FILTER (WHERE email = $1)::int AS by_email, count(*) FILTER (WHERE address = $2)::int AS by_address
       FROM login_attempt WHERE NOT ok AND at > now() - make_interval(secs => $3) AND (email = $1 OR address = $2)`,
    [who, address, LOGIN_WINDOW_SECONDS],
  );
  if ((failures?.by_email ?? 0) >= MAX_FAILURES_PER_EMAIL || (failures?.by_address ?? 0) >= MAX_FAILURES_PER_ADDRESS) {
    throw new HubError('rate_limited', 'Too many wrong passwords. Wait 15 minutes and try again.', null, LOGIN_WINDOW_SECONDS);
  }
  const row = await one<Account & { password_hash: string }>(pool, 'SELECT id, email, name, role, language, password_hash FROM account WHERE lower(email) = $1 AND disabled_at IS NULL', [who]);
  // An unknown email costs the same scrypt as a wrong password, so timing does not tell which emails have accounts.
  const ok = (await verifyPassword(typeof password === 'string' ? password : '', row?.password_hash ?? NO_ACCOUNT_HASH)) && row !== null;
  await pool.query('INSERT INTO login_attempt (email, address, ok) VALUES ($1, $2, $3)', [who, address, ok]);
  if (!ok || !row) throw new HubError('wrong_login', 'The email or the password is wrong.');
  const { password_hash: _hash, ...account } = row;
  return account;
}

export async function startSession(db: Queryable, accountId: number, client: SessionClient): Promise<{ token: string; csrf: string; maxAgeSeconds: number }> {
  const token = newToken();
  const csrf = newToken();
  const seconds = SESSION_SECONDS[client];
  await db.query('INSERT INTO session (token_hash, account_id, csrf, client, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))', [tokenHash(token), accountId, csrf, client, seconds]);
  return { token, csrf, maxAgeSeconds: seconds };
}

/**
 * The live session behind a token's hash for a kind of client (two SQL expressions), as one row of
 * the account and its CSRF token; none when unknown, ended, expired, or the account is disabled.
 * One text, so a query that reads something together with the session (the schedule) checks
 * exactly the same.
 */
export const liveSessionSql = (tokenHashSql: string, clientSql: string) => `
  SELECT a.id, a.email, a.name, a.role, a.language, s.csrf FROM session s JOIN account a ON a.id = s.account_id
   WHERE s.token_hash = ${tokenHashSql} AND s.client = ${clientSql} AND s.ended_at IS NULL AND s.expires_at > now() AND a.disabled_at IS NULL`;
export type SessionRow = Account & { csrf: string };

export interface SessionAsk {
  token: string;
  client: SessionClient;
}

/**
 * The parameters for asking after many sessions in one query: `$1` the tokens' hashes, `$2` their
 * clients, for `FROM unnest($1::bytea[], $2::text[]) WITH ORDINALITY AS x(token_hash, client, n)`.
 * A token no session can have is asked as an empty hash, which matches nothing.
 */
export function sessionAskParams(asked: readonly SessionAsk[]): [Buffer[], SessionClient[]] {
  return [asked.map((a) => (a.token.length < 20 || a.token.length > 100 ? Buffer.alloc(0) : tokenHash(a.token))), asked.map((a) => a.client)];
}
export const SESSIONS_ASKED_SQL = `unnest($1::bytea[], $2::text[]) WITH ORDINALITY AS x(token_hash, client, n) CROSS JOIN LATERAL (${liveSessionSql('x.token_hash', 'x.client')}) me`;

export function sessionOfRow({ csrf, ...account }: SessionRow): Session {
  return { account, csrf };
}

/** Rows that carry `n` (the 1-based place of the ask), put back in the order asked, null where none came. */
export function byAsk<T extends { n: number }>(count: number, found: readonly T[]): (T | null)[] {
  const out: (T | null)[] = new Array<T | null>(count).fill(null);
  for (const row of found) out[row.n - 1] = row;
  return out;
}

const SESSIONS_OF = prepared('sessions_of', `SELECT x.n, me.* FROM ${SESSIONS_ASKED_SQL}`);

/** The live sessions tokens stand for (of their kind of client), in the order asked; null for one unknown, ended, expired, or of a disabled account. */
export async function sessionsOf(db: Queryable, asked: readonly SessionAsk[]): Promise<(Session | null)[]> {
  const found = await rows<SessionRow & { n: number }>(db, SESSIONS_OF, sessionAskParams(asked));
  return byAsk(asked.length, found).map((row) => {
    if (!row) return null;
    const { n: _n, ...session } = row;
    return sessionOfRow(session);
  });
}

export async function sessionOf(db: Queryable, token: string, client: SessionClient): Promise<Session | null> {
  return (await sessionsOf(db, [{ token, client }]))[0] ?? null;
}

/** Ends a session for good: its token opens nothing afterwards, from any hub process. */
export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.query('UPDATE session SET ended_at = now() WHERE token_hash = $1 AND ended_at IS NULL', [tokenHash(token)]);
}

export async function setLanguage(db: Queryable, accountId: number, language: Language): Promise<void> {
  await db.query('UPDATE account SET language = $2 WHERE id = $1', [accountId, language]);
}
