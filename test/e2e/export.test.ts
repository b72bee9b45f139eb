import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startOfWeek, todayIn } from '../../core/time';
import { freshService } from '../helpers/service';
import { startRadicale } from '../helpers/radicale';
import { tempDir, tempFile } from '../helpers/tmp';
import { browserSession } from './harness';

const session = browserSession();
let page: Page;
const ZONE = 'Europe/Istanbul';

/** The demo team on the rota page, with the calendar panel (file and publishing) open. */
async function demoCalendarPanel(): Promise<void> {
  const file = tempFile();
  const s = freshService(file);
  s.run('demo.create', {});
  s.close();
  page = await session.open(file, { width: 1400, height: 1400 });
  await page.getByRole('grid').waitFor();
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name: 'Calendar file (.ics)' }).click();
}

describe('getting the plan out', () => {
  it("downloads one person's calendar file from the rota page, which ical.js reads back", async () => {
    await demoCalendarPanel();
    const panel = page.getByRole('complementary', { name: 'Calendar file (.ics)' });
    await panel.getByLabel(/^Whose(?! events)/).selectOption({ label: 'Ayşe Yılmaz' });
    const monday = startOfWeek(todayIn(ZONE), 'mon');
    await panel.getByLabel('To', { exact: true }).fill(monday.add({ days: 6 }).toString());
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download calendar file' }).click()]);
    expect(download.suggestedFilename()).toBe(`Support-Desk-Istanbul-Ayşe-Yılmaz-${monday.toString()}-${monday.add({ days: 6 }).toString()}.ics`);
    const text = fs.readFileSync(await download.path(), 'utf8');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    // The demo's Ayşe works early shifts on weekdays.
    const shifts = events.filter((e) => e.uid.startsWith('shift-'));
    expect(shifts).toHaveLength(5);
    expect(shifts.every((e) => e.summary.startsWith('E · '))).toBe(true);
    await page.getByRole('status').filter({ hasText: `events as Support-Desk-Istanbul-Ayşe-Yılmaz` }).waitFor();
  });

  it('prints the week: every person, their codes and the week read back from the PDF; Persian prints right to left', async () => {
    const file = tempFile();
    const s = freshService(file);
    s.run('demo.create', {});
    const team = s.run('team.list', {})[0];
    const names = s.run('person.list', { teamId: team?.id ?? 0 }).map((p) => p.name);
    s.close();
    page = await session.open(file, { width: 1400, height: 1000 });
    await page.getByRole('grid').waitFor();
    // The print view is not on the screen.
    await expect(page.locator('.print-root').isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Print…' }).click();
    await page.getByLabel('Paper').selectOption('A3');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#root').isVisible()).resolves.toBe(false);
    const pdf = path.join(tempDir(), 'rota.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const name of names) expect(text, name).toContain(name);
    const monday = startOfWeek(todayIn(ZONE), 'mon');
    expect(text).toContain(`Week of ${monday.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}`);
    expect(text).toMatch(/\bE\s+08:00–16:30/);
    expect(text).toContain('Legend');
    // A3 landscape, as chosen: 420 × 297 mm is 1191 × 842 points.
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+1191\.\d+ x 841\.\d+ pts \(A3\)/);

    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fa');
    await page.getByRole('heading', { name: 'برنامهٔ هفتگی شیفت' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-rota').evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('rtl');
    await expect(page.locator('.print-legend h2').textContent()).resolves.toBe('راهنما');
  });

  it('a team too long for one page continues on the next with the header row repeated', async () => {
    const file = tempFile();
    const s = freshService(file);
    const team = s.run('team.create', { name: 'Big Desk', timeZone: ZONE, locale: 'en-GB' });
    const ids = Array.from({ length: 70 }, (_, i) => s.run('person.create', { teamId: team.id, name: `Agent ${String(i + 1).padStart(2, '0')}`, skills: ['phone'] }).id);
    s.run('template.create', { teamId: team.id, code: 'E', name: 'Early', startLocal: '07:00', endLocal: '15:00', skill: 'phone' });
    const monday = startOfWeek(todayIn(ZONE), 'mon');
    s.run('shift.setCells', { teamId: team.id, entries: ids.map((personId) => ({ personId, day: monday.toString(), value: { code: 'E' } })) });
    s.close();
    page = await session.open(file);
    await page.getByRole('grid').waitFor();
    await page.emulateMedia({ media: 'print' });
    const pdf = path.join(tempDir(), 'big.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true });
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    // Every page starts its table with the header row: the person column and the week's days.
    for (const text of pages.filter((p) => p.includes('Agent'))) expect(text).toMatch(/Person\s+Mon \d+ \w+/);
    const all = pages.join('\n');
    for (let i = 1; i <= 70; i += 1) expect(all).toContain(`Agent ${String(i).padStart(2, '0')}`);
  });

  it('publishes the team to a CalDAV calendar from the rota page, a wrong password says so, and an event edited on the server is overwritten only when confirmed', async () => {
    const server = await startRadicale();
    try {
      await demoCalendarPanel();
      const panel = page.getByRole('region', { name: 'Publish to a calendar server (CalDAV)' });
      const url = `${server.base}${server.user}/support/`;
      await panel.getByLabel('Calendar address (URL)').fill(url);
      await panel.getByLabel('User name').fill(server.user);
      await panel.getByRole('button', { name: 'Add calendar' }).click();
      const password = panel.getByLabel(`Password for ${url}`);
      await password.fill('wrong');
      await panel.getByRole('button', { name: 'Publish', exact: true }).click();
      await panel.getByRole('alert').filter({ hasText: 'The calendar server did not accept this user name and password.' }).waitFor();
      await password.fill(server.password);
      await panel.getByRole('button', { name: 'Publish', exact: true }).click();
      // Eight weeks from this Monday: the demo's four planned weeks.
      await panel.getByRole('status').filter({ hasText: new RegExp(`^Published to ${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\d+ new, 0 changed, 0 deleted, 0 unchanged\\.$`) }).waitFor();

      // A colleague edits one event in their calendar app: the next publish shows it and asks before overwriting.
      const auth = `Basic ${Buffer.from(`${server.user}:${server.password}`).toString('base64')}`;
      const listing = await (await fetch(url, { method: 'PROPFIND', headers: { Authorization: auth, Depth: '1' } })).text();
      const href = new URL(/<(?:\w+:)?href>([^<]+\.ics)</.exec(listing)?.[1] ?? '', url).toString();
      const ours = await (await fetch(href, { headers: { Authorization: auth } })).text();
      const summaryOf = (ics: string): string => new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent') as ICAL.Component).summary;
      expect((await fetch(href, { method: 'PUT', headers: { Authorization: auth, 'Content-Type': 'text/calendar' }, body: ours.replace(/^SUMMARY:.*$/m, 'SUMMARY:Swapped with Mehmet') })).ok).toBe(true);
      await password.fill(server.password);
      await panel.getByRole('button', { name: 'Publish', exact: true }).click();
      const changed = panel.getByRole('group', { name: '1 event was changed on the calendar server since the last publish and was left as it is there:' });
      await changed.getByRole('listitem').filter({ hasText: summaryOf(ours) }).waitFor();
      expect(summaryOf(await (await fetch(href, { headers: { Authorization: auth } })).text())).toBe('Swapped with Mehmet');
      await changed.getByRole('button', { name: 'Overwrite with the plan' }).click();
      await panel.getByRole('status').filter({ hasText: /: 0 new, 1 changed, 0 deleted, \d+ unchanged\.$/ }).waitFor();
      await changed.waitFor({ state: 'detached' });
      expect(summaryOf(await (await fetch(href, { headers: { Authorization: auth } })).text())).toBe(summaryOf(ours));
    } finally {
      await server.stop();
    }
  });
});
