import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startOfWeek, todayIn } from '../../core/time';
import { freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';
import { browserSession, settle } from './harness';

const session = browserSession();
let page: Page;
const ZONE = 'Europe/Warsaw';

describe('the forecast and staffing page', () => {
  it('imports ticket history from the UI, shows the forecast chart and a red under-staffed interval, and explains it', async () => {
    const monday = startOfWeek(todayIn(ZONE), 'mon');
    const file = tempFile();
    const s = freshService(file);
    const team = s.run('team.create', { name: 'Wsparcie', timeZone: ZONE, locale: 'en-GB', currency: 'PLN' });
    const anna = s.run('person.create', { teamId: team.id, name: 'Anna Nowak', skills: ['phone'] });
    s.run('template.create', { teamId: team.id, code: 'D', name: 'Day', startLocal: '09:00', endLocal: '17:00', skill: 'phone' });
    s.run('shift.setCells', { teamId: team.id, entries: [0, 1, 2, 3, 4].map((d) => ({ personId: anna.id, day: monday.add({ days: d }).toString(), value: { code: 'D' } })) });
    s.close();

    // Three weeks of half-hourly phone history, 09:00–17:00 on weekdays: 20 calls of 5 minutes each.
    const rows = ['interval_start,channel,volume,aht_seconds'];
    for (let d = -21; d < 0; d += 1) {
      const day = monday.add({ days: d });
      if (day.dayOfWeek > 5) continue;
      for (let h = 9; h < 17; h += 0.5) rows.push(`${day.toString()}T${String(Math.floor(h)).padStart(2, '0')}:${h % 1 ? '30' : '00'},phone,20,300`);
    }
    page = await session.open(file, { width: 1400, height: 1600 });
    await page.getByRole('button', { name: 'Forecast & staffing', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Not enough ticket history' }).waitFor();

    await page.locator('input[type=file]').setInputFiles({ name: 'history.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await page.getByRole('status').filter({ hasText: 'Imported 240 rows as 240 intervals (phone)' }).waitFor();

    // The forecast chart: the weekday pattern comes back (20 a half hour) with the accuracy beside it.
    const volume = page.getByRole('img', { name: 'Forecast contacts per interval for phone' });
    await volume.locator('svg.recharts-surface').first().waitFor();
    expect(await volume.locator('.recharts-line-curve').count()).toBe(2);
    await expect(page.getByRole('table', { name: /Forecast accuracy/ }).getByRole('rowheader').allTextContents()).resolves.toHaveLength(3);

    // 20 calls × 300 s per half hour is 3.3 Erlangs: one agent on shift is short, so the bars are red.
    const coverage = page.getByRole('img', { name: /Agents on shift against agents needed for phone; \d+ intervals under-staffed/ });
    const red = coverage.locator('path[fill="#c62828"]');
    expect(await settle(async () => (await red.count()) > 0, true)).toBe(true);
    // Click a red bar that has height (09:00–17:00, where Anna is on: 1 of the agents needed).
    let clicked = false;
    for (let i = 0; i < (await red.count()) && !clicked; i += 1) {
      const box = await red.nth(i).boundingBox();
      if (box && box.height > 2) {
        // Bars are 2 px wide at 336 intervals: a synthetic click on the bar itself, as the mouse would.
        await red.nth(i).dispatchEvent('click');
        clicked = true;
      }
    }
    expect(clicked).toBe(true);
    const why = page.getByRole('region', { name: 'Why this interval' });
    await why.waitFor();
    const text = (await why.textContent()) ?? '';
    expect(text).toContain('Contacts20');
    expect(text).toContain('Traffic (Erlangs)3.33');
    expect(text).toMatch(/Agents needed\d+ \(\d+ to schedule with shrinkage\)/);
    expect(text).toContain('On shift1');
    await expect(page.getByRole('table', { name: 'Per day (volume-weighted)' }).getByRole('row').count()).resolves.toBe(8);
    // The same explanation from the keyboard: the list of under-staffed intervals.
    await page.getByText(/^\d+ under-staffed intervals$/).click();
    await page.getByRole('button', { name: /10:00: 1 on shift, \d+ needed/ }).first().click();
    await expect(why.getByRole('heading').textContent()).resolves.toMatch(/10:00$/);
  });
});
