import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Issue 15, point 0: the first commands a newcomer types work on a fresh clone.
 * Each test clones the committed HEAD (so no build/ folder and no uncommitted
 * file can help), links the installed node_modules into it (a real install would
 * take minutes) and runs the command as a user would, in its own process group.
 */

const REPO = path.resolve(import.meta.dirname, '..', '..');
// Building the UI takes 30–60 s on the two-core test machine; `npm start` also bundles Electron's code.
const STARTUP_MS = 240_000;

const temps: string[] = [];
const children: ChildProcess[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosterdesk-fresh-'));
  temps.push(dir);
  return dir;
}

/**
 * A clean clone of HEAD. node_modules is a folder of links to the installed packages
 * (writes such as vite's temporary config bundle stay in the clone), except electron:
 * its package without the downloaded binary, exactly what ELECTRON_SKIP_BINARY_DOWNLOAD=1
 * installs, so `npm start` takes the browser-mode fallback on any machine.
 */
function freshClone(): string {
  const clone = path.join(tempDir(), 'rosterdesk');
  const cloned = spawnSync('git', ['clone', '--quiet', '--no-hardlinks', REPO, clone], { encoding: 'utf8' });
  expect(cloned.status, cloned.stderr).toBe(0);
  expect(fs.existsSync(path.join(clone, 'build'))).toBe(false);
  const installed = path.join(REPO, 'node_modules');
  const modules = path.join(clone, 'node_modules');
  fs.mkdirSync(modules);
  for (const entry of fs.readdirSync(installed)) {
    if (entry !== 'electron') fs.symlinkSync(path.join(installed, entry), path.join(modules, entry));
  }
  const electron = path.join(installed, 'electron');
  fs.mkdirSync(path.join(modules, 'electron'));
  for (const entry of fs.readdirSync(electron)) {
    // dist/ holds the binary and path.txt names it: the two things a skipped download leaves out.
    if (entry !== 'dist' && entry !== 'path.txt') fs.symlinkSync(path.join(electron, entry), path.join(modules, 'electron', entry));
  }
  return clone;
}

/** The environment of a user's shell: none of vitest's variables (NODE_ENV=test would change the build). */
function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'NODE_OPTIONS' && key !== 'TEST') env[key] = value;
  }
  return { ...env, ...extra };
}

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Runs node with args in its own process group and waits for the browser-mode address. */
function startUntilAddress(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<Started> {
  // detached: a new process group, so the whole tree (start.mjs and its serve child) can be stopped at once.
  const child = spawn(process.execPath, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No address after ${STARTUP_MS} ms. Output:\n${output}`)), STARTUP_MS - 10_000);
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/[\w-]+\/)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output });
      }
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Exited (${code ?? signal}) before printing an address. Output:\n${output}`));
    });
  });
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the process group (serve closes the planner file on it), SIGKILL if anything lingers. */
async function stopTree(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(pid), '/T', '/F']);
    return;
  }
  if (!groupAlive(pid)) return;
  process.kill(-pid, 'SIGTERM');
  for (let waited = 0; waited < 10_000 && groupAlive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
  for (let waited = 0; waited < 5_000 && groupAlive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
}

/** The built page and one API call, as the browser would make them. */
async function expectPlannerServed(url: string): Promise<void> {
  const page = await fetch(url);
  expect(page.status).toBe(200);
  const html = await page.text();
  // The built index.html (not renderer/index.html's /main.tsx): a hashed bundle under ./assets/.
  const script = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"><\/script>/.exec(html);
  expect(script?.[1], html).toBeTruthy();
  const bundle = await fetch(new URL(script?.[1] ?? '', url));
  expect(bundle.status).toBe(200);
  const answer = await fetch(new URL('api', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'team.list', input: {} }),
  });
  expect(answer.status).toBe(200);
  expect(await answer.json()).toEqual({ ok: true, value: [] });
}

/** Where cli/paths.ts (like Electron's userData) puts the default planner for this home folder. */
function defaultPlannerIn(home: string): string {
  if (process.platform === 'win32') return path.join(home, 'AppData', 'Roaming', 'Rosterdesk', 'planner.rosterdesk');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Rosterdesk', 'planner.rosterdesk');
  return path.join(home, '.config', 'Rosterdesk', 'planner.rosterdesk');
}

afterAll(async () => {
  for (const child of children.splice(0)) await stopTree(child);
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('a fresh clone', () => {
  it(
    '`npx rosterdesk serve` builds the UI once, then serves the page and the API',
    async () => {
      const clone = freshClone();
      const db = path.join(tempDir(), 'planner.rosterdesk');
      const started = await startUntilAddress(clone, [path.join('bin', 'rosterdesk.mjs'), 'serve', '--db', db, '--port', '0'], userEnv({}));
      expect(started.output()).toContain('Building the user interface once');
      expect(started.output()).toContain(`Rosterdesk is serving ${db}`);
      expect(fs.existsSync(path.join(clone, 'build', 'renderer', 'index.html'))).toBe(true);
      await expectPlannerServed(started.url);
      await stopTree(started.child);
    },
    STARTUP_MS,
  );

  it(
    '`npm start` without the Electron binary serves the default planner file in browser mode',
    async () => {
      const clone = freshClone();
      const home = tempDir();
      // HOME (and USERPROFILE, APPDATA, XDG_CONFIG_HOME) decide where defaultPlannerPath() points.
      const env = userEnv({ HOME: home, USERPROFILE: home, APPDATA: path.join(home, 'AppData', 'Roaming'), XDG_CONFIG_HOME: path.join(home, '.config') });
      const planner = defaultPlannerIn(home);
      const started = await startUntilAddress(clone, [path.join('scripts', 'start.mjs')], env);
      expect(started.output()).toContain('The Electron binary is not installed');
      expect(started.output()).toContain(`Rosterdesk is serving ${planner}`);
      expect(fs.existsSync(planner)).toBe(true);
      await expectPlannerServed(started.url);
      await stopTree(started.child);
    },
    STARTUP_MS,
  );
});
