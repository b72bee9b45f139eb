import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import os from 'node:os';

/**
 * A real Radicale CalDAV server (Debian's package) on 127.0.0.1 and a free port,
 * with one user and a plain password file, in a temp folder. The tests start it;
 * .ci/run installs it.
 */
export interface Radicale {
  /** http://127.0.0.1:PORT/ */
  base: string;
  user: string;
  password: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startRadicale(user = 'ayse', password = 'gizli şifre'): Promise<Radicale> {
  // Its own folder, kept for the server's life (per-test temp folders go after each test).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosterdesk-radicale-'));
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'users'), `${user}:${password}\n`);
  fs.writeFileSync(
    path.join(dir, 'config'),
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${path.join(dir, 'users')}`,
      'htpasswd_encryption = plain',
      '[storage]',
      `filesystem_folder = ${path.join(dir, 'collections')}`,
      '[rights]',
      'type = owner_only',
      '[logging]',
      'level = warning',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('radicale', ['--config', path.join(dir, 'config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const base = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i += 1) {
    try {
      await fetch(base);
      break;
    } catch {
      if (i > 100 || child.exitCode !== null) throw new Error(`Radicale did not start: ${err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    base,
    user,
    password,
    stop: () =>
      new Promise((done) => {
        const finish = () => {
          fs.rmSync(dir, { recursive: true, force: true });
          done();
        };
        if (child.exitCode !== null) return finish();
        child.once('exit', finish);
        child.kill('SIGTERM');
      }),
  };
}
