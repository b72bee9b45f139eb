import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { axeSerious, browserSession } from './harness';

const session = browserSession();

/** Windows-1254 bytes of known text, through the inverse of the platform's own decoder. */
function windows1254(text: string): Buffer {
  const decoder = new TextDecoder('windows-1254');
  const byteOf = new Map<string, number>();
  for (let b = 0; b < 256; b += 1) byteOf.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => byteOf.get(ch) ?? 0x3f));
}

describe('spreadsheets people bring', () => {
  it('imports a Windows-1254 people file as Şükrü Öztürk (the Turkish team’s code page), and refuses it named as UTF-8 with its line', async () => {
    const page = await session.open();
    await page.getByRole('button', { name: 'Open the demo team' }).click();
    await page.getByRole('grid').waitFor();
    await page.getByRole('button', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'People' }).waitFor();
    const file = windows1254('name;email;phone;skills;contract_hours;hourly_rate\r\nŞükrü Öztürk;sukru@example.com;;phone;37,5;120\r\nÇağla Iğdır;cagla@example.com;;chat;40;100\r\n');
    const upload = () => page.getByLabel('Import CSV', { exact: true }).and(page.locator('input')).setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: file });

    const encoding = page.getByRole('combobox', { name: 'File encoding' });
    await expect(encoding.inputValue()).resolves.toBe('auto');
    await encoding.selectOption('utf-8');
    await upload();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.getByRole('listitem').allTextContents()).resolves.toEqual([expect.stringMatching(/^2: the file cannot be read as utf-8/)]);

    await encoding.selectOption('auto');
    await upload();
    await page.getByRole('status').filter({ hasText: 'Imported 2 people' }).waitFor();
    await page.getByRole('row', { name: /Şükrü Öztürk/ }).waitFor();
    await page.getByRole('row', { name: /Çağla Iğdır/ }).waitFor();
    await expect(page.locator('body').textContent()).resolves.not.toContain('\ufffd');
    // And back out: UTF-8 with a byte-order mark, an English window's commas and decimal points.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const exported = fs.readFileSync(await download.path(), 'utf8');
    expect(exported.startsWith('\ufeffname,email,phone,skills,contract_hours,hourly_rate,color,employment_start,employment_end,notes\r\n')).toBe(true);
    expect(exported).toContain('\r\nŞükrü Öztürk,sukru@example.com,,phone,37.5,120,#');
    expect(await axeSerious(page)).toEqual([]);
  });

  it('the rota’s Spreadsheet file panel: the CSV export in the chosen separator, UTF-8 with a byte-order mark', async () => {
    const page = await session.open();
    await page.getByRole('button', { name: 'Open the demo team' }).click();
    await page.getByRole('grid').waitFor();
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('menuitem', { name: 'Spreadsheet file…' }).click();
    const panel = page.locator('#panel-spreadsheet');
    const separator = panel.getByRole('combobox', { name: 'CSV separator' });
    // An English window: comma and decimal point until the lead picks the semicolon.
    await expect(separator.inputValue()).resolves.toBe('comma');
    await separator.selectOption('semicolon');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export week (CSV)' }).click()]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\ufeffperson;date;code;start;end;break_minutes;skill;paid_hours\r\n')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line.split(';')).toHaveLength(8);
    expect(await axeSerious(page)).toEqual([]);
  });
});
