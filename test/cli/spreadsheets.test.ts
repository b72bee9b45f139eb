import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { dataHash } from '../helpers/dbhash';
import { openPlanner } from '../../db/open';
import { tempDir, tempFile } from '../helpers/tmp';

/** Windows code-page bytes of known text, through the inverse of the platform's own decoder. */
function encodeLegacy(text: string, encoding: string): Buffer {
  const decoder = new TextDecoder(encoding);
  const byteOf = new Map<string, number>();
  for (let b = 0; b < 256; b += 1) byteOf.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => byteOf.get(ch) ?? 0x3f));
}

const PEOPLE = 'name,email,phone,skills,contract_hours,hourly_rate\r\nŞükrü Öztürk,sukru@example.com,,phone,"37,5",100\r\nÇağla Iğdır,cagla@example.com,,chat,40,"120,5"\r\n';

async function planner(locale: string, tz: string) {
  const db = tempFile();
  expect((await cli('init', '--db', db)).code).toBe(0);
  expect((await cli('team', 'add', 'Desk', '--db', db, '--tz', tz, '--locale', locale)).code).toBe(0);
  return db;
}

const names = (db: string) => {
  const planned = openPlanner(db, { create: false });
  try {
    return (planned.db.prepare('SELECT name FROM person ORDER BY email').pluck().all() as string[]);
  } finally {
    planned.db.close();
    planned.release();
  }
};

describe('rosterdesk import/export with the spreadsheets of Turkish, Polish and Persian desks', () => {
  it('import people --encoding windows-1254, or the Turkish team’s code page by itself, reads Şükrü Öztürk', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'people-1254.csv');
    fs.writeFileSync(file, encodeLegacy(PEOPLE, 'windows-1254'));
    const named = await planner('en-GB', 'Europe/London');
    expect(await cli('import', 'people', file, '--db', named, '--team', 'Desk', '--encoding', 'windows-1254')).toMatchObject({ code: 0, out: 'Imported 2 people into "Desk"\n' });
    expect(names(named)).toEqual(['Çağla Iğdır', 'Şükrü Öztürk']);
    const guessed = await planner('tr-TR', 'Europe/Istanbul');
    expect((await cli('import', 'people', file, '--db', guessed, '--team', 'Desk')).code).toBe(0);
    expect(names(guessed)).toEqual(['Çağla Iğdır', 'Şükrü Öztürk']);
    expect((await cli('import', 'people', file, '--db', guessed, '--team', 'Desk', '--encoding', 'latin-9')).code).toBe(2);
  });

  it('refuses a file that is not UTF-8 when told it is, naming the line; nothing changes', async () => {
    const db = await planner('tr-TR', 'Europe/Istanbul');
    const file = path.join(tempDir(), 'people.csv');
    fs.writeFileSync(file, encodeLegacy(PEOPLE, 'windows-1254'));
    const planned = openPlanner(db, { create: false });
    const before = dataHash(planned.db);
    planned.db.close();
    planned.release();
    const r = await cli('import', 'people', file, '--db', db, '--team', 'Desk', '--encoding', 'utf-8');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: the file cannot be read as utf-8`));
    const after = openPlanner(db, { create: false });
    expect(dataHash(after.db)).toBe(before);
    after.db.close();
    after.release();
  });

  it('export people: the team language’s separator by default, --separator/--decimal to choose; they import back', async () => {
    const db = await planner('pl-PL', 'Europe/Warsaw');
    const dir = tempDir();
    const source = path.join(dir, 'in.csv');
    fs.writeFileSync(source, PEOPLE);
    expect((await cli('import', 'people', source, '--db', db, '--team', 'Desk')).code).toBe(0);
    const polish = path.join(dir, 'pl.csv');
    expect(await cli('export', 'people', '--db', db, '--team', 'Desk', '--out', polish)).toMatchObject({ code: 0, out: `Wrote 2 people to ${polish}\n` });
    const text = fs.readFileSync(polish, 'utf8');
    expect(text.startsWith('\ufeffname;email;phone;skills;contract_hours;hourly_rate;')).toBe(true);
    expect(text).toContain('Şükrü Öztürk;sukru@example.com;;phone;37,5;100;');
    const comma = path.join(dir, 'en.csv');
    expect((await cli('export', 'people', '--db', db, '--team', 'Desk', '--out', comma, '--separator', 'comma')).code).toBe(0);
    expect(fs.readFileSync(comma, 'utf8')).toContain('Çağla Iğdır,cagla@example.com,,chat,40,120.5,');
    expect((await cli('export', 'people', '--db', db, '--team', 'Desk', '--out', comma, '--separator', 'comma', '--decimal', 'comma')).code).toBe(2);

    for (const file of [polish, comma]) {
      const other = await planner('pl-PL', 'Europe/Warsaw');
      expect((await cli('import', 'people', file, '--db', other, '--team', 'Desk')).code).toBe(0);
      expect(names(other)).toEqual(names(db));
    }
  });
});
