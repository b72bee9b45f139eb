import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startOfWeek, todayIn } from '../../core/time';
import { freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';
import { axeSerious, browserSession, settle } from './harness';

const session = browserSession();
let page: Page;
const ZONE = 'Europe/Warsaw';

/** A Warsaw team with Anna; the lead lands on the team settings. */
async function openTeam(): Promise<{ day: string }> {
  const file = tempFile();
  const s = freshService(file);
  const team = s.run('team.create', { name: 'Wsparcie', timeZone: ZONE, locale: 'pl-PL', currency: 'PLN', country: 'PL' });
  s.run('person.create', { teamId: team.id, name: 'Anna Nowak', skills: ['phone'] });
  s.close();
  page = await session.open(file, { width: 1280, height: 900 });
  // Wednesday of the week the rota opens on: a working day in Poland in any week but one.
  const day = startOfWeek(todayIn(ZONE), 'mon').add({ days: 2 }).toString();
  return { day };
}

const headerOf = async (day: string) => {
  const headers = await page.getByRole('grid').getByRole('columnheader').allTextContents();
  const d = Number(day.slice(8, 10));
  return headers.find((h) => new RegExp(`\\b${d}\\b`).test(h)) ?? '';
};

describe('the team’s holidays', () => {
  it('a half day added in Team settings shows in the rota header; removed, it is gone again', async () => {
    const { day } = await openTeam();
    await page.getByRole('button', { name: 'Team settings' }).click();
    const panel = page.getByRole('region', { name: 'Holidays' });
    await panel.getByRole('row', { name: /Narodowe Święto Niepodległości/ }).or(panel.getByText('No holidays this year.')).first().waitFor();
    expect(await axeSerious(page)).toEqual([]);

    await panel.getByLabel('Day', { exact: true }).fill(day);
    await panel.getByLabel('Day', { exact: true }).press('Tab');
    await panel.getByLabel('Name', { exact: true }).fill('Company day');
    await panel.getByRole('checkbox', { name: 'Half day', exact: true }).check();
    await panel.getByRole('button', { name: 'Add holiday' }).click();
    await panel.getByRole('status').filter({ hasText: 'Added: Company day' }).waitFor();
    await panel.getByRole('row', { name: /Company day/ }).waitFor();

    await page.getByRole('button', { name: 'Rota', exact: true }).click();
    await page.getByRole('grid').waitFor();
    // A half holiday says so in the header.
    expect(await settle(async () => (await headerOf(day)).includes('Company day (half day)'), true)).toBe(true);

    await page.getByRole('button', { name: 'Team settings' }).click();
    await page.getByRole('button', { name: /^Remove Company day, / }).click();
    await panel.getByRole('status').filter({ hasText: 'Removed: Company day' }).waitFor();
    await page.getByRole('button', { name: 'Rota', exact: true }).click();
    await page.getByRole('grid').waitFor();
    expect(await settle(async () => (await headerOf(day)).includes('Company day'), false)).toBe(false);
  });

  it('a public day removed is struck through with a restore, a half day is kept, and the year can be changed by keyboard', async () => {
    await openTeam();
    await page.getByRole('button', { name: 'Team settings' }).click();
    const panel = page.getByRole('region', { name: 'Holidays' });
    await panel.getByRole('button', { name: 'Next year' }).focus();
    await page.keyboard.press('Enter');
    const year = String(Number(todayIn(ZONE).year) + 1);
    await panel.getByText(year, { exact: true }).waitFor();
    // The year's title changes at once, its list when it has been read: wait for next year's day
    // (the row names its weekday, which differs from this year's), not the old one's.
    const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${year}-11-01T12:00:00Z`));
    await panel.getByRole('row', { name: /Wszystkich Świętych/ }).filter({ hasText: weekday }).waitFor();
    await panel.getByRole('button', { name: /^Remove Wszystkich Świętych/ }).click();
    const restore = panel.getByRole('button', { name: /^Restore Wszystkich Świętych/ });
    await restore.waitFor();
    expect(await panel.getByRole('row', { name: /Wszystkich Świętych/ }).locator('s').count()).toBeGreaterThan(0);
    // The box follows the saved list: checked once the change is stored.
    await panel.getByRole('checkbox', { name: /^Half day: Narodowe Święto Niepodległości/ }).click();
    expect(await settle(() => panel.getByRole('checkbox', { name: /^Half day: Narodowe/ }).isChecked(), true)).toBe(true);
    expect(await axeSerious(page)).toEqual([]);
    await restore.click();
    await panel.getByRole('button', { name: /^Remove Wszystkich Świętych/ }).waitFor();
  });
});
