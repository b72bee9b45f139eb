import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPlanner } from '../../db/open';
import { tempFile } from '../helpers/tmp';

const writer = path.join(import.meta.dirname, 'fixtures', 'crash-writer.ts');

/** Runs the writer and kills it with SIGKILL as soon as it reports being inside the big transaction. */
function killMidTransaction(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const said: string[] = [];
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n').filter(Boolean)) {
        said.push(line);
        if (line.startsWith('mid')) child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(said);
      else reject(new Error(`writer ended without being killed (code ${code}): ${stderr}`));
    });
  });
}

describe('a crash in the middle of a large write', () => {
  it('leaves exactly the last committed state after kill -9', async () => {
    const file = tempFile();
    const said = await killMidTransaction(file);
    expect(said).toHaveLength(2);
    expect(said[0]).toBe('committed');
    // The kill came with more than 8 MB of uncommitted pages in the WAL file.
    expect(Number(said[1]?.split(' ')[1])).toBeGreaterThan(8 * 1024 * 1024);
    const { db } = openPlanner(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT name FROM team').pluck().all()).toEqual(['Committed']);
    expect(db.prepare('SELECT count(*) FROM person').pluck().get()).toBe(3);
    db.close();
  });
});
