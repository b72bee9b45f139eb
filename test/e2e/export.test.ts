import fs from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startOfWeek, todayIn } from '../../core/time';
import { freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';
import { browserSession } from './harness';

const session = browserSession();
let page: Page;
const ZONE = 'Europe/Istanbul';

describe('getting the plan out', () => {
  it("downloads one person's calendar file from the rota page, which ical.js reads back", async () => {
    const file = tempFile();
    const s = freshService(file);
    s.run('demo.create', {});
    s.close();
    page = await session.open(file, { width: 1400, height: 1400 });
    await page.getByRole('grid').waitFor();
    await page.getByText('Calendar file (.ics)').click();
    const panel = page.locator('details', { hasText: 'Calendar file (.ics)' });
    await panel.getByLabel('Whose').selectOption({ label: 'Ayşe Yılmaz' });
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
});
