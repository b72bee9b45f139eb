import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemFingerprint, itemName, type PlanItem } from '../../core/hub-plan';
import { createInvitation } from '../../hub/accounts';
import { migrate } from '../../hub/migrations';
import { connect, type Pool } from '../../hub/pg';
import { createTeam } from '../../hub/plans';
import { api, appToken, PASSWORD } from '../helpers/hub';
import { startPostgres, type Postgres } from '../helpers/postgres';
import { bigTeamPlan } from '../helpers/big-plan';
import { hubProcess } from '../helpers/hub-process';

/**
 * A hub process killed (SIGKILL, no goodbye) in the middle of a publish leaves the team's
 * previous plan or the new one, never a mix: the publish is one PostgreSQL transaction, and a
 * connection that dies before COMMIT is rolled back by the database.
 */

let pg: Postgres;
let pool: Pool;
let dbUrl: string;
beforeAll(async () => {
  pg = startPostgres();
  dbUrl = await pg.database('kill_test');
  pool = connect(dbUrl, 4);
  await migrate(pool);
});
afterAll(async () => {
  await pool.end();
  pg.stop();
});


/** The team's plan as the database holds it: version, and each item's fingerprint by name. */
async function held(teamId: number): Promise<{ version: number; items: Map<string, string> }> {
  const version = Number((await pool.query('SELECT version FROM team WHERE id = $1', [teamId])).rows[0].version);
  const items = new Map<string, string>();
  for (const r of (await pool.query<{ name: string; fingerprint: string }>('SELECT name, fingerprint FROM plan_item WHERE team_id = $1', [teamId])).rows) items.set(r.name, r.fingerprint);
  return { version, items };
}

const asMap = (plan: readonly PlanItem[]) => new Map(plan.map((i) => [itemName(i), itemFingerprint(i)]));

/** Waits until the hub's connection is inside the publish's transaction and has written to it (PostgreSQL gave it a transaction id). */
async function inTransaction(timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const busy = await pool.query("SELECT 1 FROM pg_stat_activity WHERE application_name = 'rosterdesk-hub' AND backend_xid IS NOT NULL");
    if ((busy.rowCount ?? 0) > 0) return true;
    await new Promise((r) => setTimeout(r, 2));
  }
  return false;
}

describe('a hub killed mid-publish', () => {
  it('leaves the previous plan or the new one, never a mix', async () => {
    const teamId = (await createTeam(pool, 'Büyük ekip')).id;
    const token = await createInvitation(pool, { email: 'lead@example.com', role: 'lead', teamIds: [teamId], createdBy: null });
    let hub = await hubProcess(dbUrl);
    await fetch(`${hub.url}/invite/${token}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ name: 'Lead', password: PASSWORD }) });
    const bearer = await appToken(hub.url, 'lead@example.com');
    // Version 1: the first four weeks of 200 people.
    const old = bigTeamPlan(200, '2030-01-07', 0);
    const first = await api(hub.url, bearer).post(`/api/teams/${teamId}/publish`, { publishId: 'kill-test-first-0001', baseVersion: 0, upserts: old, deletes: [] });
    expect(first.status).toBe(200);
    const next = bigTeamPlan(200, '2030-01-07', 1);
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const before = await held(teamId);
      const target = before.version === 1 ? next : old;
      const sent = fetch(`${hub.url}/api/teams/${teamId}/publish`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ publishId: `kill-test-attempt-${attempt}-x`, baseVersion: before.version, upserts: target, deletes: [] }),
      }).catch(() => null);
      // Kill inside the transaction: PostgreSQL shows it open.
      const caught = await inTransaction(20_000);
      const exited = new Promise((r) => hub.child.once('exit', r));
      hub.child.kill('SIGKILL');
      await Promise.all([sent, exited]);
      const after = await held(teamId);
      const isOld = after.version === before.version && expectSame(after.items, before.items);
      const isNew = after.version === before.version + 1 && expectSame(after.items, asMap(target));
      expect(isOld || isNew, `attempt ${attempt}: a mix of plans`).toBe(true);
      outcomes.push(`${caught ? 'killed after the transaction wrote' : 'killed before it wrote'}: ${isOld ? 'previous plan' : 'new plan'}`);
      hub = await hubProcess(dbUrl);
    }
    hub.child.kill('SIGKILL');
    // At least one kill landed inside an open transaction, or the test proved nothing.
    expect(outcomes.some((o) => o.startsWith('killed after the transaction wrote'))).toBe(true);
    console.log(outcomes.join('\n'));
  }, 120_000);
});

function expectSame(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
