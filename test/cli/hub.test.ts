import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { connect } from '../../hub/pg';
import { startPostgres, type Postgres } from '../helpers/postgres';

/** `rosterdesk hub team` and `hub invite` against a real PostgreSQL, and their refusals. */

let pg: Postgres;
let url: string;
beforeAll(async () => {
  pg = startPostgres();
  url = await pg.database('cli_hub');
});
afterAll(() => pg.stop());

describe('rosterdesk hub', () => {
  it('adds a team and prints a one-time invitation link for its lead, on a database it sets up itself', async () => {
    const team = await cli('hub', 'team', '--pg', url, '--name', 'Destek İstanbul');
    expect(team.code).toBe(0);
    const { id } = JSON.parse(team.out) as { id: number };
    const invite = await cli('hub', 'invite', '--pg', url, '--email', 'Lead@Example.com', '--role', 'lead', '--team', String(id), '--public-url', 'https://hub.example.com/');
    expect(invite).toMatchObject({ code: 0, err: '' });
    expect(invite.out).toMatch(/^https:\/\/hub\.example\.com\/invite\/[A-Za-z0-9_-]{43}\n$/);
    const pool = connect(url, 1);
    expect((await pool.query('SELECT email, role, team_ids::int[] AS team_ids FROM invitation')).rows).toEqual([{ email: 'lead@example.com', role: 'lead', team_ids: [id] }]);
    await pool.end();
  });

  it('refuses bad usage and bad values with one line that says where, and changes nothing', async () => {
    expect(await cli('hub', 'invite', '--email', 'a@example.com', '--role', 'agent')).toMatchObject({ code: 2, err: expect.stringContaining('--pg') });
    expect(await cli('hub', 'invite', '--pg', 'mysql://x', '--email', 'a@example.com', '--role', 'agent')).toMatchObject({ code: 2, err: expect.stringContaining('postgresql://') });
    expect(await cli('hub', 'invite', '--pg', url, '--email', 'a@example.com', '--role', 'boss')).toMatchObject({ code: 2, err: expect.stringContaining('--role must be one of agent, lead, manager, admin') });
    expect(await cli('hub', 'invite', '--pg', url, '--email', 'not an email', '--role', 'agent')).toMatchObject({ code: 1, err: expect.stringContaining('email') });
    expect(await cli('hub', 'invite', '--pg', url, '--email', 'a@example.com', '--role', 'lead', '--team', '999')).toMatchObject({ code: 1, err: expect.stringContaining('teamIds') });
    expect(await cli('hub', '--pg', url, '--listen', 'everywhere')).toMatchObject({ code: 2, err: expect.stringContaining('--listen') });
    expect(await cli('hub', 'team', '--pg', `${url.replace('cli_hub', 'no_such_db')}`, '--name', 'X')).toMatchObject({ code: 1, err: expect.stringContaining('Cannot reach the PostgreSQL database') });
    const pool = connect(url, 1);
    expect(Number((await pool.query('SELECT count(*) AS n FROM invitation')).rows[0].n)).toBe(1);
    await pool.end();
  });
});
