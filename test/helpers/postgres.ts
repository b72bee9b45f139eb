import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster from Debian's package, in a temporary folder, listening on a Unix
 * socket in that folder only (no TCP port, so parallel test files never collide). As root it runs
 * as the `postgres` user (PostgreSQL refuses to run as root). No mock of the database: the hub's
 * tests run against this.
 */
export interface Postgres {
  /** A connection URL for the cluster's `postgres` database. */
  url: string;
  /** A fresh, empty database on the cluster and its URL. */
  database(name: string): Promise<string>;
  stop(): void;
}

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

function run(command: string, args: string[]): string {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(BIN, command), ...args]] : [path.join(BIN, command), args];
  const r = spawnSync(file, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr || r.stdout || r.error?.message}`);
  return r.stdout;
}

export function postgresAvailable(): boolean {
  return fs.existsSync(path.join(BIN, 'initdb'));
}

export function startPostgres(): Postgres {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosterdesk-pg-'));
  fs.chmodSync(dir, 0o755);
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  // Socket only; fsync off because the cluster is thrown away (crash-safety is PostgreSQL's, not ours to test here).
  const options = `-k ${dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
  const urlOf = (db: string) => `postgresql://postgres@localhost/${db}?host=${encodeURIComponent(dir)}`;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', stop);
  return {
    url: urlOf('postgres'),
    database: async (name) => {
      run('createdb', ['-h', dir, '-U', 'postgres', name]);
      return urlOf(name);
    },
    stop,
  };
}
