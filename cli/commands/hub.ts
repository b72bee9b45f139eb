import { UserError } from '../../core/errors';
import { createInvitation, ROLES, type Role } from '../../hub/accounts';
import { HubError } from '../../hub/http';
import { FutureSchemaError, migrate } from '../../hub/migrations';
import { connect } from '../../hub/pg';
import { createTeam } from '../../hub/plans';
import { parseListen, startHub } from '../../hub/server';
import { appVersion } from '../app-version';
import type { Command } from '../command';
import { EXIT_OK, UsageError } from '../io';

/**
 * `rosterdesk hub`: a department's hub over PostgreSQL (hub/), and the two things its
 * administrator does at the server before anyone can sign in: make teams, and invite people.
 * The database URL comes from --pg or ROSTERDESK_HUB_PG (which keeps a password out of the
 * process list).
 */

const pgOption = { pg: { type: 'string' } } as const;

function pgUrl(values: Record<string, string | boolean | undefined>, usage: string): string {
  const url = typeof values.pg === 'string' ? values.pg : process.env.ROSTERDESK_HUB_PG;
  if (!url) throw new UsageError('give the PostgreSQL database with --pg postgresql://user@host/db (or ROSTERDESK_HUB_PG)', usage);
  if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError(`--pg must be a postgresql:// URL, not "${url.slice(0, 40)}"`, usage);
  return url;
}

/** Database and refusal errors as one line for the terminal. */
function asUserError(err: unknown): never {
  if (err instanceof HubError) throw new UserError('hub_refused', err.field ? `${err.field}: ${err.message}` : err.message);
  if (err instanceof FutureSchemaError) throw new UserError('hub_refused', err.message);
  const code = (err as { code?: string }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOENT' || code === '3D000' || code === '28P01' || code === '28000') {
    throw new UserError('hub_unreachable', `Cannot reach the PostgreSQL database: ${(err as Error).message}`);
  }
  throw err;
}

export const hubCommand: Command = {
  usage: 'rosterdesk hub --pg URL [--listen HOST:PORT] [--public-url URL] [--trust-proxy] [--cert FILE --key FILE]',
  summary: "Serve a department's hub over PostgreSQL: leads publish, agents read and ask (see README, For a department)",
  options: { ...pgOption, listen: { type: 'string' }, 'public-url': { type: 'string' }, 'trust-proxy': { type: 'boolean' }, cert: { type: 'string' }, key: { type: 'string' } },
  positionals: 0,
  run: async ({ values }, io) => {
    const usage = hubCommand.usage;
    const url = pgUrl(values, usage);
    const listen = typeof values.listen === 'string' ? values.listen : '127.0.0.1:8080';
    try {
      parseListen(listen);
    } catch (err) {
      throw new UsageError((err as Error).message, usage);
    }
    const publicUrl = typeof values['public-url'] === 'string' ? values['public-url'] : null;
    if (publicUrl !== null && !/^https?:\/\/[^/]+$/.test(publicUrl)) throw new UsageError('--public-url must be the address people open, such as https://hub.example.com (no path)', usage);
    const cert = typeof values.cert === 'string' ? values.cert : null;
    const key = typeof values.key === 'string' ? values.key : null;
    if ((cert === null) !== (key === null)) throw new UsageError('--cert and --key go together', usage);
    const hub = await startHub({ pgUrl: url, listen, publicUrl, trustProxy: values['trust-proxy'] === true, tls: cert && key ? { certFile: cert, keyFile: key } : null, productVersion: appVersion(), log: (line) => io.err(`${line}\n`) }).catch(asUserError);
    io.out(`Rosterdesk hub is serving at ${hub.url}${publicUrl ? ` (people open ${publicUrl})` : ''}\nPress Ctrl+C to stop.\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await hub.close();
    return EXIT_OK;
  },
};

export const hubTeamCommand: Command = {
  usage: 'rosterdesk hub team --pg URL --name NAME',
  summary: 'Add a team to the hub (prints its id, for invitations of its lead)',
  options: { ...pgOption, name: { type: 'string' } },
  positionals: 0,
  run: async ({ values }, io) => {
    const url = pgUrl(values, hubTeamCommand.usage);
    const pool = connect(url, 2);
    try {
      await migrate(pool);
      const team = await createTeam(pool, values.name);
      io.out(`${JSON.stringify({ id: team.id, name: team.name })}\n`);
      return EXIT_OK;
    } catch (err) {
      return asUserError(err);
    } finally {
      await pool.end();
    }
  },
};

export const hubInviteCommand: Command = {
  usage: 'rosterdesk hub invite --pg URL --email EMAIL --role agent|lead|manager|admin [--team ID,ID] [--public-url URL]',
  summary: 'Print a one-time link that makes an account (the first admin is invited this way)',
  options: { ...pgOption, email: { type: 'string' }, role: { type: 'string' }, team: { type: 'string' }, 'public-url': { type: 'string' } },
  positionals: 0,
  run: async ({ values }, io) => {
    const usage = hubInviteCommand.usage;
    const url = pgUrl(values, usage);
    const role = values.role;
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`, usage);
    const teamText = typeof values.team === 'string' ? values.team : '';
    if (teamText !== '' && !/^\d+(,\d+)*$/.test(teamText)) throw new UsageError('--team takes team ids separated by commas, such as 3,4', usage);
    const teamIds = teamText === '' ? [] : teamText.split(',').map(Number);
    const base = typeof values['public-url'] === 'string' ? values['public-url'].replace(/\/+$/, '') : 'http://127.0.0.1:8080';
    const pool = connect(url, 2);
    try {
      await migrate(pool);
      const token = await createInvitation(pool, { email: String(values.email ?? ''), role: role as Role, teamIds, createdBy: null });
      io.out(`${base}/invite/${token}\n`);
      return EXIT_OK;
    } catch (err) {
      return asUserError(err);
    } finally {
      await pool.end();
    }
  },
};
