import { fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { caldavSecretKey } from '../../db/handlers/caldav';
import { rollingBackup } from '../../db/backup';
import { hostClient, languageSet, type HostClient, type MainSide } from '../../electron/host-client';
import { HOST_EXEC_ARGV } from '../../electron/host-flags';
import type { OpenOutcome } from '../../electron/service-host';
import type { ApiResult } from '../../core/result';
import type { Service } from '../../db/service';
import { damageQuietly } from '../helpers/damage';
import { freshService } from '../helpers/service';
import { tempDir } from '../helpers/tmp';

const ADAPTER = path.join(import.meta.dirname, 'host-child.ts');
const ROOT = path.resolve(import.meta.dirname, '../..');

/** A secret store in memory, standing in for the keychain file the main process keeps. */
function memorySecrets() {
  const all = new Map<string, string>();
  const asked: string[] = [];
  return {
    all,
    asked,
    get: (key: string) => (asked.push(`get ${key}`), all.get(key) ?? null),
    set: (key: string, value: string) => void all.set(key, value),
    delete: (key: string) => void (asked.push(`delete ${key}`), all.delete(key)),
  };
}

/** A demo planner, closed, with one rolling backup taken on 27 November. */
async function demoWithBackup(): Promise<string> {
  const file = path.join(tempDir(), 'planner.rosterdesk');
  const s = freshService(file);
  s.run('demo.create', {});
  await rollingBackup(s.planner.db, file, new Date('2026-11-27T08:00:00Z'), { force: true });
  s.close();
  return file;
}

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const h of running.splice(0)) await h.stop();
});

/** The bundle the desktop app forks; built here when a fresh clone has no build yet (esbuild, a few seconds). */
function bundledHost(): string {
  const entry = path.join(ROOT, 'build', 'electron', 'host.cjs');
  if (!fs.existsSync(entry)) {
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-electron.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(built.stderr);
  }
  return entry;
}

/**
 * The host in a real child process, and the main process's client of it, as main.ts wires them:
 * from source through tsx (host-child.ts), or the bundle itself with process.parentPort shimmed.
 */
function forkHost(side: Partial<MainSide> = {}, from: 'source' | 'bundle' = 'source') {
  const [entry, execArgv] = from === 'source' ? [ADAPTER, ['--import', 'tsx']] : [bundledHost(), [...HOST_EXEC_ARGV, '--require', path.join(import.meta.dirname, 'parent-port-shim.cjs')]];
  const child = fork(entry, [], { cwd: ROOT, execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const client = hostClient(
    { postMessage: (message) => void child.send(message as object), onMessage: (listener) => void child.on('message', listener) },
    { secrets: side.secrets ?? memorySecrets(), reopened: side.reopened ?? (() => undefined) },
  );
  child.on('error', () => client.fail('The planner service cannot be reached'));
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      client.fail(`The planner service stopped (${signal ?? code})`);
      resolve();
    }),
  );
  const handle = {
    child,
    client,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
  running.push(handle);
  return handle;
}

/** A demo planner, closed, and a byte-for-byte twin: one for the host, one for the service in this process. */
function demoTwins(): { hosted: string; local: string } {
  const dir = tempDir();
  const hosted = path.join(dir, 'hosted.rosterdesk');
  const s = freshService(hosted);
  s.run('demo.create', {});
  s.close();
  const local = path.join(dir, 'local.rosterdesk');
  fs.copyFileSync(hosted, local);
  return { hosted, local };
}

/**
 * A result as compared: a workbook by its cells, since its zip entries carry the second they
 * were written in (two exports a moment apart differ in those bytes only).
 */
async function comparable(result: ApiResult<unknown>): Promise<unknown> {
  if (!result.ok) return result;
  const file = result.value as { filename?: unknown; data?: unknown };
  if (typeof file.filename !== 'string' || !file.filename.endsWith('.xlsx') || typeof file.data !== 'string') return result;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.data, 'base64') as unknown as ArrayBuffer);
  return { ...result, value: { ...file, data: workbook.worksheets.map((w) => ({ name: w.name, rows: w.getSheetValues() })) } };
}

const opened = (outcome: OpenOutcome) => {
  if (!('opened' in outcome)) throw new Error(`not opened: ${JSON.stringify(outcome)}`);
  return outcome.opened;
};

/** The demo team's id, asked of the host. */
async function firstTeam(client: HostClient): Promise<number> {
  const teams = await client.dispatchAsync('team.list', {});
  const id = teams.ok ? (teams.value as { id: number }[])[0]?.id : undefined;
  if (id === undefined) throw new Error('no team');
  return id;
}

const WEEK = { from: '2026-11-23', to: '2026-12-06' };
const coverage = (teamId: number, from: string, to: string) => ['coverage.range', { teamId, channel: null, from, to, intervalMinutes: 15 }] as const;

describe('the service host in its own process', () => {
  it('answers calls as the service in this process does, results intact across the port', async () => {
    const { hosted, local } = demoTwins();
    const { client } = forkHost();
    const info = opened(await client.open({ file: hosted, appVersion: 'test' }));
    expect(info).toEqual({ filePath: hosted, readOnly: null, readOnlyCause: null, language: null });
    const s: Service = freshService(local);
    const teamId = s.run('team.list', {})[0]?.id ?? 0;
    const calls = [
      ['team.list', {}],
      ['roster.week', { teamId, weekStart: WEEK.from }],
      coverage(teamId, WEEK.from, WEEK.to),
      // An export with steps outside the transaction (the workbook is written after it).
      ['report.export', { teamId, report: 'hours', ...WEEK, format: 'xlsx' }],
      ['report.export', { teamId, report: 'hours', ...WEEK, format: 'csv' }],
    ] as const;
    for (const [method, input] of calls) {
      const here = await s.dispatchAsync(method, input);
      expect(here.ok, method).toBe(true);
      // toStrictEqual: plain objects and arrays on both sides, nothing lost or turned into something else.
      expect(await comparable(await client.dispatchAsync(method, input)), method).toStrictEqual(await comparable(here));
    }
    // A change says which tables it wrote, and the menu's language comes back with settings.set.
    const set = await client.dispatchAsync('settings.set', { language: 'tr' });
    expect(set).toStrictEqual({ ok: true, value: { language: 'tr', calendar: null }, changed: ['*'] });
    expect(languageSet('settings.set', set)).toBe('tr');
    expect(opened(await client.open({ file: hosted, appVersion: 'test' })).language).toBe('tr');
    s.close();
  });

  it('runs from build/electron/host.cjs, the file the app forks, through process.parentPort', async () => {
    const { hosted } = demoTwins();
    const { client } = forkHost({}, 'bundle');
    expect(opened(await client.open({ file: hosted, appVersion: 'test' }))).toMatchObject({ filePath: hosted, readOnly: null });
    const teamId = await firstTeam(client);
    expect(await client.dispatchAsync('roster.week', { teamId, weekStart: WEEK.from })).toMatchObject({ ok: true, value: { days: expect.any(Array) } });
    expect(await client.dispatchAsync('person.create', { teamId, name: 'X', email: 'nope' })).toMatchObject({ ok: false, error: { code: 'invalid_email', path: ['email'] } });
  });

  it('gives errors back as values, with their path, and keeps the open file when another is refused', async () => {
    const { hosted } = demoTwins();
    const { client } = forkHost();
    expect(await client.dispatchAsync('team.list', {})).toMatchObject({ ok: false, error: { code: 'no_file' } });
    expect(await client.backup()).toMatchObject({ ok: false, error: { code: 'no_file' } });
    opened(await client.open({ file: hosted, appVersion: 'test' }));
    expect(await client.dispatchAsync('person.create', { teamId: 1, name: 'X', email: 'nope' })).toStrictEqual({ ok: false, error: { code: 'invalid_email', message: expect.any(String), path: ['email'] } });
    expect(await client.dispatchAsync('require', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const notPlanner = path.join(tempDir(), 'notes.rosterdesk');
    fs.writeFileSync(notPlanner, 'not a database');
    expect(await client.open({ file: notPlanner, appVersion: 'test' })).toEqual({ error: expect.stringContaining(notPlanner) });
    expect(await client.dispatchAsync('team.list', {})).toMatchObject({ ok: true, value: [{ name: expect.any(String) }] });
    // Back up now and save a copy, in the host, beside the file and where asked.
    const backup = await client.backup();
    expect(backup).toMatchObject({ ok: true, value: expect.stringContaining('hosted.backups') });
    const copy = path.join(tempDir(), 'copy.rosterdesk');
    expect(await client.copy(copy)).toEqual({ ok: true, value: null });
    expect(fs.existsSync(copy)).toBe(true);
    expect(await client.close()).toEqual({ ok: true, value: null });
    expect(await client.dispatchAsync('team.list', {})).toMatchObject({ ok: false, error: { code: 'no_file' } });
  });

  it('shows a damaged planner with its backups, and opens it once one is restored', async () => {
    const file = await demoWithBackup();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 7 * 4096);
    fs.closeSync(fd);
    // Damage that came later than the close (within seconds of it, the background check finds it: the next test).
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(file, later, later);

    const reopened: OpenOutcome[] = [];
    const { client } = forkHost({ reopened: (outcome) => reopened.push(outcome) });
    expect(await client.open({ file, appVersion: 'test' })).toEqual({ refused: { filePath: file, reason: expect.stringContaining('damaged') } });
    expect(await client.dispatchAsync('file.refusal', {})).toMatchObject({ ok: true, value: { filePath: file, backups: [{ name: '20261127T080000.rosterdesk' }] } });
    expect(await client.dispatchAsync('team.list', {})).toMatchObject({ ok: false, error: { code: 'planner_refused' } });
    expect(await client.dispatchAsync('file.restoreDamaged', { name: '20261127T080000.rosterdesk' })).toMatchObject({ ok: true, value: { safetyCopy: expect.stringContaining('before-restore') } });
    // The host told the main process of the restored planner before answering the call.
    expect(reopened).toEqual([{ opened: { filePath: file, readOnly: null, readOnlyCause: null, language: null } }]);
    expect(await client.dispatchAsync('team.list', {})).toMatchObject({ ok: true, value: [{ name: expect.any(String) }] });
  });

  it('shows the backups of a planner whose damage only the background check found, once it has', async () => {
    const file = await demoWithBackup();
    damageQuietly(file);

    const reopened: OpenOutcome[] = [];
    const { client } = forkHost({ reopened: (outcome) => reopened.push(outcome) });
    // Closed cleanly and unchanged by its look: it opens on the cheap proof.
    expect(await client.open({ file, appVersion: 'test' })).toMatchObject({ opened: { filePath: file } });
    await expect.poll(() => reopened, { timeout: 30_000 }).toEqual([{ refused: { filePath: file, reason: expect.stringContaining('damaged') } }]);
    expect(await client.dispatchAsync('file.refusal', {})).toMatchObject({ ok: true, value: { backups: [{ name: '20261127T080000.rosterdesk' }] } });
  });

  it('asks the main process for a remembered CalDAV password, and has it forget one the server refused', async () => {
    // A calendar server that refuses every password.
    const server = http.createServer((_req, res) => res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="x"' }).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const { hosted } = demoTwins();
      const secrets = memorySecrets();
      const { client } = forkHost({ secrets });
      opened(await client.open({ file: hosted, appVersion: 'test' }));
      const teamId = await firstTeam(client);
      const target = await client.dispatchAsync('caldav.save', { teamId, id: null, url: `http://127.0.0.1:${port}/cal/`, username: 'ayse', personId: null, rotationId: null, absences: false });
      const targetId = target.ok ? (target.value as { id: number }).id : 0;
      const key = caldavSecretKey(hosted, targetId);
      secrets.all.set(key, 'an old password');
      expect(await client.dispatchAsync('caldav.publish', { targetId, ...WEEK, password: '' })).toMatchObject({ ok: false, error: { code: 'caldav_auth' } });
      expect(secrets.asked).toEqual([`get ${key}`, `delete ${key}`]);
      expect(secrets.all.has(key)).toBe(false);
    } finally {
      server.close();
    }
  });

  it('answers every waiting call with an error when the host dies, and every later one at once', async () => {
    const { hosted } = demoTwins();
    const h = forkHost();
    opened(await h.client.open({ file: hosted, appVersion: 'test' }));
    const [method, input] = coverage(await firstTeam(h.client), WEEK.from, WEEK.to);
    const waiting = [h.client.dispatchAsync(method, input), h.client.dispatchAsync(method, input), h.client.open({ file: hosted, appVersion: 'test' })];
    h.child.kill('SIGKILL');
    const [first, second, open] = await Promise.all(waiting);
    expect(first).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('SIGKILL') } });
    expect(second).toEqual(first);
    expect(open).toEqual({ error: expect.stringContaining('stopped') });
    expect(await h.client.dispatchAsync('team.list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

/** How late a 10 ms timer on this thread fires at worst while `work` runs: what a frozen main process would show. */
async function worstTimerLag(work: () => Promise<unknown>): Promise<{ lagMs: number; tookMs: number }> {
  const every = 10;
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - every);
    last = now;
  }, every);
  const started = performance.now();
  await work();
  const tookMs = performance.now() - started;
  // One more tick after the work, so a block at its very end is counted too.
  await new Promise((resolve) => setTimeout(resolve, 2 * every));
  clearInterval(timer);
  return { lagMs: worst, tookMs };
}

describe('the point of it all', () => {
  it('keeps the calling thread responsive while the host runs slow calls', async () => {
    const twins = demoTwins();
    const { client } = forkHost();
    opened(await client.open({ file: twins.hosted, appVersion: 'test' }));
    const teamId = await firstTeam(client);
    // Two-week coverage tables at 15 minutes for every channel, one after another in the host
    // (a few hundred ms each on the demo file, more than a second each on a five-year file).
    const ranges = [['2026-11-23', '2026-12-06'], ['2026-11-09', '2026-11-22'], ['2026-12-07', '2026-12-20']] as const;
    const slow = ranges.map(([from, to]) => coverage(teamId, from, to));
    const hostedRun = () =>
      worstTimerLag(async () => {
        const results = await Promise.all(slow.map(([m, i]) => client.dispatchAsync(m, i)));
        for (const r of results) expect(r.ok).toBe(true);
      });
    // On a busy machine (two cores, the other test files, the host itself) a timer is sometimes
    // late for want of a core, not for a blocked thread: up to three tries for a quiet one. A
    // blocked thread would be late by a whole call in every try.
    const hosted = [await hostedRun()];
    while (hosted.length < 3 && Math.min(...hosted.map((h) => h.lagMs)) >= 50) hosted.push(await hostedRun());
    // The same calls in this thread, as the main process made them before: the timer waits for each.
    const s = freshService(twins.local);
    const inProcess = await worstTimerLag(async () => {
      for (const [m, i] of slow) expect((await s.dispatchAsync(m, i)).ok).toBe(true);
    });
    s.close();
    const figures = JSON.stringify({ hosted, inProcess });
    for (const run of hosted) {
      expect(run.tookMs, figures).toBeGreaterThan(200);
      expect(run.lagMs, figures).toBeLessThan(run.tookMs / 4);
    }
    expect(Math.min(...hosted.map((h) => h.lagMs)), figures).toBeLessThan(50);
    expect(inProcess.lagMs, figures).toBeGreaterThan(100);
    if (process.env.ROSTERDESK_DEBUG?.includes('slow')) console.info(`timer lag: ${figures}`);
  }, 90_000);
});
