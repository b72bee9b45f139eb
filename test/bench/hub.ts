/**
 * Issue 20's load figures: a hub (`rosterdesk hub`, its own process, as deployed) over a throwaway
 * PostgreSQL 15 cluster on loopback, with 50 teams and 2,013 agents (one team of 200, 49 of 37),
 * each team's four weeks published. Prints the time to publish the 200-person team's four weeks
 * (first, and again with every shift moved), and the latency of 200 agents reading their schedule
 * at the same moment, ten times over. Run alone: node --import tsx test/bench/hub.ts
 */
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { planDiff } from '../../core/hub-plan';
import { startSession } from '../../hub/accounts';
import { migrate } from '../../hub/migrations';
import { connect } from '../../hub/pg';
import { hashPassword } from '../../hub/secrets';
import { bigTeamPlan } from '../helpers/big-plan';
import { hubProcess } from '../helpers/hub-process';
import { postgresAvailable, startPostgres } from '../helpers/postgres';

const label = (text: string) => text.padEnd(58);
const TEAMS = 50;
const BIG_TEAM = 200;
const SMALL_TEAM = 37;
const READERS = 200;
const ROUNDS = 10;


const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** This week's Monday, so the published weeks are the ones agents' pages show. */
function thisMonday(): string {
  const d = new Date();
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - back)).toISOString().slice(0, 10);
}

export async function hubBench(): Promise<string[]> {
  if (!postgresAvailable()) return [`${label('hub load test')}  PostgreSQL 15 not installed`];
  const lines: string[] = [];
  const pg = startPostgres();
  const dbUrl = await pg.database('hub_bench');
  const pool = connect(dbUrl, 8);
  let hub: { child: ChildProcess; url: string } | null = null;
  try {
    await migrate(pool);
    const monday = thisMonday();
    // Accounts straight into the database (one scrypt hash for all: 2,000 hashes would take minutes and measure nothing of the hub).
    const hash = await hashPassword('bench password 1');
    const teams: { id: number; size: number; name: string; lead: string }[] = [];
    for (let t = 0; t < TEAMS; t += 1) {
      const size = t === 0 ? BIG_TEAM : SMALL_TEAM;
      const name = `t${t}`;
      const id = Number((await pool.query('INSERT INTO team (name) VALUES ($1) RETURNING id', [`Team ${t}`])).rows[0].id);
      const leadId = Number((await pool.query("INSERT INTO account (email, name, password_hash, role) VALUES ($1, $2, $3, 'lead') RETURNING id", [`lead@${name}.example`, `Lead ${t}`, hash])).rows[0].id);
      await pool.query('INSERT INTO team_lead (account_id, team_id) VALUES ($1, $2)', [leadId, id]);
      await pool.query("INSERT INTO account (email, name, password_hash, role) SELECT 'person' || g || '@' || $1 || '.example', 'Kişi ' || g, $2, 'agent' FROM generate_series(1, $3) g", [name, hash, size]);
      teams.push({ id, size, name, lead: (await startSession(pool, leadId, 'app')).token });
    }
    const agents = Number((await pool.query("SELECT count(*)::int AS n FROM account WHERE role = 'agent'")).rows[0].n);
    lines.push(`${label('  (teams / agents)')} ${`${TEAMS} / ${agents}`.padStart(9)}`);
    hub = await hubProcess(dbUrl);
    const base = hub.url;
    const publishTeam = async (t: (typeof teams)[number], variant: number, id: string) => {
      const plan = bigTeamPlan(t.size, monday, variant, t.name);
      const manifest = (await (await fetch(`${base}/api/teams/${t.id}/manifest`, { headers: { authorization: `Bearer ${t.lead}` } })).json()) as { version: number; held: Record<string, string> };
      const diff = planDiff(new Map(Object.entries(manifest.held)), plan);
      const started = performance.now();
      const res = await fetch(`${base}/api/teams/${t.id}/publish`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.lead}`, 'content-type': 'application/json' },
        body: JSON.stringify({ publishId: id, baseVersion: manifest.version, upserts: diff.upserts, deletes: diff.deletes }),
      });
      if (res.status !== 200) throw new Error(`publish failed: ${res.status} ${await res.text()}`);
      return { ms: performance.now() - started, items: plan.length, upserts: diff.upserts.length };
    };
    const [big, ...rest] = teams;
    if (!big) throw new Error('no teams');
    const first = await publishTeam(big, 0, 'bench-big-first-00001');
    lines.push(`${label(`publish a 200-person team's 4 weeks, first time (${first.items} items)`)} ${first.ms.toFixed(0).padStart(9)} ms`);
    const moved = await publishTeam(big, 1, 'bench-big-moved-00001');
    lines.push(`${label(`publish it again, every shift moved (${moved.upserts} items sent)`)} ${moved.ms.toFixed(0).padStart(9)} ms`);
    const same = await publishTeam(big, 1, 'bench-big-same-000001');
    lines.push(`${label('publish it again, nothing changed (0 items sent)')} ${same.ms.toFixed(0).padStart(9)} ms`);
    for (const t of rest) await publishTeam(t, 0, `bench-${t.name}-first-00001`);
    const items = Number((await pool.query('SELECT count(*)::int AS n FROM plan_item')).rows[0].n);
    lines.push(`${label('  (published items in the database)')} ${String(items).padStart(9)}`);

    // 200 agents of all teams, each signed in, reading their schedule at the same moment.
    const readers = (await pool.query<{ id: number }>("SELECT id FROM account WHERE role = 'agent' ORDER BY md5(id::text) LIMIT $1", [READERS])).rows;
    const cookies = await Promise.all(readers.map(async (r) => `rd_session=${(await startSession(pool, Number(r.id), 'browser')).token}`));
    // The readers' side is node:http with kept-alive connections, one per agent as each phone has its
    // own: fetch (undici) costs this process about twice the CPU per request, and on two shared cores
    // the load generator's own work is counted in every reader's latency.
    const agent = new http.Agent({ keepAlive: true, maxSockets: READERS * 2 });
    const read = (pathname: string, cookie: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.get(`${base}${pathname}`, { agent, headers: { cookie } }, (res) => {
          res.on('data', () => undefined);
          res.on('end', () => (res.statusCode === 200 ? resolve(res.statusCode) : reject(new Error(`${pathname}: ${res.statusCode}`))));
        });
        req.on('error', reject);
      });
    const measure = async (pathname: string) => {
      const ms: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        await Promise.all(
          cookies.map(async (cookie) => {
            const t0 = performance.now();
            await read(pathname, cookie);
            ms.push(performance.now() - t0);
          }),
        );
      }
      return ms.sort((a, b) => a - b);
    };
    await measure('/api/me/schedule'); // warm-up round of connections and plans
    const alone: number[] = [];
    for (const cookie of cookies) {
      const t0 = performance.now();
      await read('/api/me/schedule', cookie);
      alone.push(performance.now() - t0);
    }
    alone.sort((a, b) => a - b);
    lines.push(`${label('one agent at a time reads their schedule (JSON), p50 / p95')} ${`${percentile(alone, 50).toFixed(1)} / ${percentile(alone, 95).toFixed(1)}`.padStart(9)} ms`);
    for (const [what, pathname] of [
      ['health check (one SELECT 1)', '/healthz'],
      ['schedule (JSON)', '/api/me/schedule'],
      ['page (HTML)', '/me'],
    ] as const) {
      const ms = await measure(pathname);
      lines.push(`${label(`${READERS} agents read their ${what} at once, p50 / p95 / max`)} ${`${percentile(ms, 50).toFixed(0)} / ${percentile(ms, 95).toFixed(0)} / ${(ms.at(-1) ?? 0).toFixed(0)}`.padStart(9)} ms  (${ms.length} reads)`);
    }
    // The same 200 agents as people use a page: each reads again about once a second, at random moments, for ten seconds.
    const steady: number[] = [];
    const until = performance.now() + 10_000;
    await Promise.all(
      cookies.map(async (cookie) => {
        await new Promise((r) => setTimeout(r, Math.random() * 1000));
        while (performance.now() < until) {
          const t0 = performance.now();
          await read('/api/me/schedule', cookie);
          steady.push(performance.now() - t0);
          await new Promise((r) => setTimeout(r, 500 + Math.random() * 1000));
        }
      }),
    );
    steady.sort((a, b) => a - b);
    lines.push(`${label(`${READERS} agents each reading about once a second, p50 / p95 / max`)} ${`${percentile(steady, 50).toFixed(0)} / ${percentile(steady, 95).toFixed(0)} / ${(steady.at(-1) ?? 0).toFixed(0)}`.padStart(9)} ms  (${steady.length} reads)`);
    agent.destroy();
  } finally {
    hub?.child.kill('SIGTERM');
    await pool.end();
    pg.stop();
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await hubBench()) console.log(line);
}
