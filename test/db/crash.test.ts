import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openPlanner } from '../../db/open';
import { dataHash } from '../helpers/dbhash';
import { freshService } from '../helpers/service';
import { tempDir, tempFile } from '../helpers/tmp';

const fixtures = path.join(import.meta.dirname, 'fixtures');


/**
 * Runs a child and kills it with SIGKILL inside its big transaction: as soon as it
 * says "mid", or `afterMs` after it says `startLine` (for a write with no row to stop at).
 */
function killInside(script: string, args: string[], when: { startLine: string; afterMs: number } | null = null): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(fixtures, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const said: string[] = [];
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n').filter(Boolean)) {
        said.push(line);
        if (line.startsWith('mid')) child.kill('SIGKILL');
        if (when && line === when.startLine) setTimeout(() => child.kill('SIGKILL'), when.afterMs);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(said);
      else reject(new Error(`the writer ended without being killed (code ${code}): ${said.join(' | ')} ${stderr}`));
    });
  });
}

/** The file as the next start of the app finds it: whole, and exactly as it was committed. */
function afterCrash(file: string): { integrity: unknown; hash: string } {
  const { db } = openPlanner(file);
  const out = { integrity: db.pragma('integrity_check', { simple: true }), hash: dataHash(db) };
  db.close();
  return out;
}

/** A demo planner, closed, and the digest of everything in it. */
function preparedDemo(extra?: (s: ReturnType<typeof freshService>, teamId: number) => void): { file: string; hash: string } {
  const file = tempFile();
  const s = freshService(file);
  const team = s.run('demo.create', {});
  extra?.(s, team.id);
  const hash = dataHash(s.planner.db);
  s.close();
  return { file, hash };
}

// Each test starts a writer process that loads the TypeScript stack through tsx: on a loaded slow machine that alone can take half a minute.
describe('a crash in the middle of a large write', { timeout: 120_000 }, () => {
  it('leaves exactly the last committed state after kill -9', async () => {
    const file = tempFile();
    const said = await killInside('crash-writer.ts', [file]);
    expect(said).toHaveLength(2);
    expect(said[0]).toBe('committed');
    // The kill came with more than 8 MB of uncommitted pages in the WAL file (they had spilled to disk).
    expect(Number(said[1]?.split(' ')[1])).toBeGreaterThan(8 * 1024 * 1024);
    const { db } = openPlanner(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT name FROM team').pluck().get()).toBe('Committed');
    expect(db.prepare('SELECT count(*) FROM person').pluck().get()).toBe(3);
    db.close();
  });

  it('during a ticket-history import: 150 000 of 201 600 intervals written, none kept', async () => {
    const { file, hash } = preparedDemo();
    const csv = path.join(tempDir(), 'intervals.csv');
    const lines = ['interval_start,channel,volume,aht_seconds'];
    const start = Date.UTC(2024, 0, 1);
    for (let i = 0; i < 67_200; i += 1) {
      const at = new Date(start + i * 15 * 60_000).toISOString().slice(0, 16);
      for (const channel of ['phone', 'chat', 'email']) lines.push(`${at}Z,${channel},${(i % 17) + 1},240`);
    }
    fs.writeFileSync(csv, lines.join('\n'));
    const said = await killInside('crash-during.ts', ['volume-import', file, csv]);
    expect(said.at(-1)).toMatch(/^mid/);
    expect(afterCrash(file)).toEqual({ integrity: 'ok', hash });
  }, 120_000);

  it('while applying a pattern to 200 people for a year', async () => {
    const { file, hash } = preparedDemo((s, teamId) => {
      const rows = Array.from({ length: 190 }, (_, i) => `Agent ${i},agent${i}@example.com,,phone,40,20`);
      s.run('person.import', { teamId, csv: ['name,email,phone,skills,contract_hours,hourly_rate', ...rows].join('\n') });
      s.run('pattern.create', { teamId, name: 'Rolling', cycle: ['E', 'E', 'L', 'L', 'S', 'S', '-', '-'] });
    });
    const said = await killInside('crash-during.ts', ['pattern-apply', file]);
    expect(said.at(-1)).toMatch(/^mid/);
    expect(afterCrash(file)).toEqual({ integrity: 'ok', hash });
  }, 120_000);

  it('while accepting a generated schedule', async () => {
    const { file, hash } = preparedDemo();
    const said = await killInside('crash-during.ts', ['schedule-apply', file]);
    expect(said[0]).toMatch(/^draft \d+/);
    expect(Number(said[0]?.split(' ')[1])).toBeGreaterThan(50);
    expect(said.at(-1)).toMatch(/^mid/);
    expect(afterCrash(file)).toEqual({ integrity: 'ok', hash });
  }, 120_000);

  it('during a migration: the old file is exactly as it was, and migrates cleanly on the next open', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.rosterdesk');
    fs.copyFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'schemas', 'schema-1.rosterdesk'), file);
    const original = new Database(file, { readonly: true });
    const hash = dataHash(original);
    original.close();
    const said = await killInside('crash-during.ts', ['migration', file], { startLine: 'migrating', afterMs: 1500 });
    expect(said).toEqual(['migrating']);
    // The copy openPlanner takes just before migrating is there: the kill came after it, inside the migration.
    expect(fs.readdirSync(dir).some((f) => f.includes('schema-1-backup'))).toBe(true);
    const ro = new Database(file, { readonly: true });
    expect(ro.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(ro.pragma('user_version', { simple: true })).toBe(1);
    expect(dataHash(ro)).toBe(hash);
    ro.close();
    const reopened = openPlanner(file);
    expect(reopened.schemaVersion).toBeGreaterThan(1);
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.db.close();
  }, 60_000);
});
