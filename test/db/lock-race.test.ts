import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockPathOf } from '../../db/file-lock';
import { tempFile } from '../helpers/tmp';

const root = path.resolve(import.meta.dirname, '../..');

/** A process id that is not running: a child that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 999_999;
}

/**
 * `count` processes that each wait for the same instant, then try to take the planner's lock and
 * say whether they became its writer; each keeps what it took until all have answered.
 */
async function race(planner: string, count: number): Promise<string[]> {
  const startAt = Date.now() + 1500;
  const script = `
    import { takeLock, isHolder } from ${JSON.stringify(path.join(root, 'db/file-lock.ts'))};
    while (Date.now() < ${startAt}) {}
    const r = takeLock(${JSON.stringify(planner)}, new Date());
    process.stdout.write(isHolder(r) ? 'holder' : r.path === null ? 'unguarded' : 'writer');
    setTimeout(() => process.exit(0), 2500);
  `;
  const runs = Array.from({ length: count }, () =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${String(code)}`))));
    }),
  );
  return Promise.all(runs);
}

describe('one writer, even in a race', () => {
  it('processes taking the same stale lock in the same instant: exactly one becomes the writer, every time', async () => {
    const planner = tempFile();
    fs.writeFileSync(planner, '');
    for (let round = 0; round < 6; round += 1) {
      // A lock left by a process that died (kill -9, a power cut).
      fs.writeFileSync(lockPathOf(planner), JSON.stringify({ pid: await deadPid(), host: os.hostname(), since: '2026-11-28T09:00:00.000Z' }));
      const answers = await race(planner, 8);
      expect(answers.filter((a) => a === 'writer'), `round ${round}: ${answers.join(', ')}`).toHaveLength(1);
      expect(answers.filter((a) => a === 'holder')).toHaveLength(7);
      // The writer has exited: nothing of the take-over is left beside the planner but the lock.
      expect(fs.readdirSync(path.dirname(planner)).filter((f) => f.includes('.lock.'))).toEqual([]);
    }
  }, 120_000);
});
