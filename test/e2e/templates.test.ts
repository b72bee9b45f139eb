import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startOfWeek, todayIn } from '../../core/time';
import { freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';
import { axeSerious, browserSession, settle } from './harness';

const session = browserSession();
let page: Page;
const ZONE = 'Europe/Warsaw';

/** A Warsaw team with Anna on E (07:00–15:00) tomorrow and the day after, and once last week. */
async function openTeam(): Promise<void> {
  const file = tempFile();
  const s = freshService(file);
  const team = s.run('team.create', { name: 'Wsparcie', timeZone: ZONE, locale: 'pl-PL', currency: 'PLN', country: 'PL' });
  const anna = s.run('person.create', { teamId: team.id, name: 'Anna Nowak', skills: ['phone'] });
  s.run('template.create', { teamId: team.id, code: 'E', name: 'Early', startLocal: '07:00', endLocal: '15:00', breakMinutes: 30, skill: 'phone' });
  const today = todayIn(ZONE);
  s.run('shift.setCells', { teamId: team.id, entries: [-7, 1, 2].map((d) => ({ personId: anna.id, day: today.add({ days: d }).toString(), value: { code: 'E' } })) });
  s.close();
  page = await session.open(file, { width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Shift templates' }).click();
  await page.getByRole('row', { name: /^E / }).waitFor();
}

const row = () => page.getByRole('row', { name: /^E / });
const cells = async () => (await row().getByRole('cell').allTextContents()).slice(0, 3);

describe('shift templates', () => {
  it('edits a template in place; moving its times asks whether planned shifts follow, and says how many did', async () => {
    await openTeam();
    await page.getByRole('button', { name: 'Edit E' }).click();
    await page.getByLabel('Name (E)').fill('Early phone');
    await page.getByLabel('Starts (E)').fill('06:00');
    await page.getByLabel('Ends (E)').fill('14:00');
    await page.getByLabel('Name (E)').press('Enter');
    const ask = page.getByRole('alertdialog', { name: 'Planned shifts use this template' });
    await ask.waitFor();
    await expect(ask.textContent()).resolves.toContain('2 shifts from');
    await ask.getByRole('button', { name: 'Update 2 shifts' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved E; 2 planned shifts follow the change.' }).waitFor();
    expect(await settle(cells, ['Early phone', '06:00', '14:00'])).toEqual(['Early phone', '06:00', '14:00']);

    // The rota shows the moved shift tomorrow.
    await page.getByRole('button', { name: 'Rota', exact: true }).click();
    await page.getByRole('grid').waitFor();
    // On a Sunday tomorrow is in next week's rota (the team's weeks start on Monday).
    const today = todayIn(ZONE);
    if (!startOfWeek(today.add({ days: 1 }), 'mon').equals(startOfWeek(today, 'mon'))) await page.getByRole('button', { name: 'Next week' }).click();
    await page.getByText('06:00–14:00').first().waitFor();

    // Escape leaves an edit without saving.
    await page.getByRole('button', { name: 'Shift templates' }).click();
    await page.getByRole('button', { name: 'Edit E' }).click();
    await page.getByLabel('Name (E)').fill('Nothing');
    await page.getByLabel('Name (E)').press('Escape');
    expect(await settle(cells, ['Early phone', '06:00', '14:00'])).toEqual(['Early phone', '06:00', '14:00']);
  });

  it('asks before saving a template longer than 16 h (15:00 → 14:30 is 23.5 h), and saves nothing until confirmed', async () => {
    await openTeam();
    await page.getByRole('button', { name: 'Edit E' }).click();
    await page.getByLabel('Starts (E)').fill('15:00');
    await page.getByLabel('Ends (E)').fill('14:30');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const ask = page.getByRole('alertdialog', { name: 'Unusual shift length' });
    await ask.waitFor();
    await expect(ask.getByRole('paragraph').textContent()).resolves.toBe('15:00 to 14:30 is a 23.5 h shift. Is that right?');
    // The row editor and its question pass axe-core as the rest of the app does.
    expect(await axeSerious(page)).toEqual([]);
    await ask.getByRole('button', { name: 'Fix the times' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await ask.getByRole('button', { name: 'Save the 23.5 h shift' }).click();
    // Then the planned shifts question; keep them as they are.
    await page.getByRole('alertdialog', { name: 'Planned shifts use this template' }).getByRole('button', { name: 'Keep them as planned' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved E.' }).waitFor();
    expect(await settle(cells, ['Early', '15:00', '14:30'])).toEqual(['Early', '15:00', '14:30']);

    // A new one asks too.
    const add = page.getByRole('form', { name: 'Add template' });
    await add.getByLabel('Code').fill('Q');
    await add.getByLabel('Name').fill('Quick');
    await add.getByLabel('Starts').fill('09:00');
    await add.getByLabel('Ends', { exact: true }).fill('09:30');
    await add.getByRole('button', { name: 'Add template' }).click();
    await add.getByRole('alertdialog', { name: 'Unusual shift length' }).waitFor();
    await expect(page.getByRole('row', { name: /^Q / }).count()).resolves.toBe(0);
  });
});
