import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { IMPORT_MAX_BYTES } from '../../core/contract';
import { dataHash } from '../helpers/dbhash';
import { openPlanner } from '../../db/open';
import { tempDir, tempFile } from '../helpers/tmp';

async function planner() {
  const db = tempFile();
  expect((await cli('init', '--db', db)).code).toBe(0);
  expect((await cli('team', 'add', 'Desk', '--db', db, '--tz', 'Europe/Istanbul')).code).toBe(0);
  return db;
}

const hashOf = (db: string) => {
  const p = openPlanner(db, { create: false });
  try {
    return dataHash(p.db);
  } finally {
    p.db.close();
    p.release();
  }
};

describe('imports read only regular files, up to a stated size', () => {
  it('refuses a device, a folder and a pipe by name before reading, and changes nothing', async () => {
    const db = await planner();
    const before = hashOf(db);
    // /dev/zero never ends: reading it grew the process to gigabytes.
    expect(await cli('import', 'people', '/dev/zero', '--db', db, '--team', 'Desk')).toMatchObject({ code: 1, err: expect.stringContaining('/dev/zero is a device; give the path of a file to import') });
    const folder = tempDir();
    expect(await cli('import', 'absences', folder, '--db', db, '--team', 'Desk')).toMatchObject({ code: 1, err: expect.stringContaining(`${folder} is a folder`) });
    const fifo = path.join(tempDir(), 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    expect(await cli('import', 'volume', fifo, '--db', db, '--team', 'Desk')).toMatchObject({ code: 1, err: expect.stringContaining(`${fifo} is a pipe`) });
    expect(hashOf(db)).toBe(before);
  });

  it('refuses a file over the limit with the limit in the message, reading none of it', async () => {
    const db = await planner();
    const before = hashOf(db);
    const big = path.join(tempDir(), 'people.csv');
    // A sparse file: its size says 11 MB, it takes no room on disk.
    fs.writeFileSync(big, 'name,email,phone,skills,contract_hours,hourly_rate\n');
    fs.truncateSync(big, IMPORT_MAX_BYTES.people + 1_000_000);
    expect(await cli('import', 'people', big, '--db', db, '--team', 'Desk')).toMatchObject({ code: 1, err: expect.stringContaining(`${big} is 11 MB; this import reads at most 10 MB`) });
    expect(hashOf(db)).toBe(before);
  });
});
