import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Temporal, todayIn } from '../../core/time';
import { freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';
import { browserSession, rotaCell, settle } from './harness';

const session = browserSession();
let page: Page;

describe('the on-call page', () => {
  it('shows who is on call now, lets an override take over, and creates a rotation', async () => {
    const file = tempFile();
    const s = freshService(file);
    const team = s.run('team.create', { name: 'Wsparcie', timeZone: 'Europe/Warsaw', locale: 'pl-PL', currency: 'PLN' });
    const anna = s.run('person.create', { teamId: team.id, name: 'Anna Nowak', phone: '+48 600 100 200' });
    s.run('person.create', { teamId: team.id, name: 'Piotr Wiśniewski', phone: '+48 600 300 400' });
    const start = todayIn('Europe/Warsaw').subtract({ days: 3 }).toString();
    s.run('rotation.create', { teamId: team.id, name: 'Dyżur', layers: [{ name: 'All the time', participants: [anna.id], turnUnit: 'days', turnLength: 1, startDay: start, handoffTime: '09:00' }] });
    s.close();
    page = await session.open(file, { width: 1360, height: 1200 });
    await page.getByRole('button', { name: 'On-call', exact: true }).click();

    const now = page.getByRole('region', { name: 'On call now' });
    expect(await settle(() => now.getByRole('strong').textContent(), 'Anna Nowak')).toBe('Anna Nowak');
    await expect(now.textContent()).resolves.toContain('+48 600 100 200');

    // Piotr covers from an hour ago for three hours (local time in Warsaw).
    const local = Temporal.Now.zonedDateTimeISO('Europe/Warsaw');
    const fmt = (z: Temporal.ZonedDateTime) => z.toPlainDateTime().toString().slice(0, 16);
    const form = page.getByRole('form', { name: 'Add override' });
    await form.getByLabel('Who covers').selectOption({ label: 'Piotr Wiśniewski' });
    await form.getByLabel('From').fill(fmt(local.subtract({ hours: 1 })));
    await form.getByLabel('To').fill(fmt(local.add({ hours: 2 })));
    await form.getByRole('button', { name: 'Add override' }).click();
    expect(await settle(() => now.getByRole('strong').textContent(), 'Piotr Wiśniewski')).toBe('Piotr Wiśniewski');
    await page.getByRole('button', { name: 'Delete override of Piotr Wiśniewski' }).click();
    expect(await settle(() => now.getByRole('strong').textContent(), 'Anna Nowak')).toBe('Anna Nowak');

    // The load this month: Anna is the only one on call, Piotr (on no rotation) is not listed.
    const fair = page.getByRole('table', { name: 'How the load is shared (this month)' });
    expect(await settle(() => fair.getByRole('rowheader').allTextContents(), ['Anna Nowak'])).toEqual(['Anna Nowak']);

    // The rota shows who is on call: a mark in Anna's cell today, and the "On call" footer row.
    await page.getByRole('button', { name: 'Rota', exact: true }).click();
    const today = todayIn('Europe/Warsaw');
    const todayName = `Anna Nowak, ${new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(today.year, today.month - 1, today.day)))}`;
    const mark = rotaCell(page, todayName).getByRole('img');
    expect(await settle(() => mark.getAttribute('aria-label'), 'On call 00:00–24:00 (Dyżur)')).toBe('On call 00:00–24:00 (Dyżur)');
    // Today's column of the footer (the team's week starts on Monday).
    await expect(page.getByRole('row', { name: /^On call/ }).getByRole('gridcell').nth(today.dayOfWeek - 1).textContent()).resolves.toBe('Anna Nowak');
    await page.getByRole('button', { name: 'On-call', exact: true }).click();

    // Pausing: nobody is on call now; resuming brings Anna back.
    await page.getByRole('button', { name: 'Pause rotation' }).click();
    await page.getByRole('status').filter({ hasText: 'Paused since' }).waitFor();
    expect(await settle(() => now.textContent(), 'On call nowNobody (outside the rotation’s hours)')).toBe('On call nowNobody (outside the rotation’s hours)');
    await page.getByRole('button', { name: 'Resume rotation' }).click();
    expect(await settle(() => now.getByRole('strong').textContent(), 'Anna Nowak')).toBe('Anna Nowak');

    // A second rotation from the editor: weekends only, Piotr.
    await page.getByRole('combobox', { name: 'Rotation', exact: true }).selectOption({ label: 'New rotation' });
    const editor = page.getByRole('form', { name: 'Create a rotation' });
    await editor.getByLabel('Name', { exact: true }).fill('Weekend');
    await editor.getByRole('checkbox', { name: 'Piotr Wiśniewski' }).check();
    await editor.getByLabel('When this layer covers').selectOption({ label: 'Weekends only' });
    await editor.getByLabel('per on-call hour').fill('10');
    await editor.getByRole('button', { name: 'Save rotation' }).click();
    expect(await settle(() => page.getByRole('combobox', { name: 'Rotation', exact: true }).locator('option:checked').textContent(), 'Weekend')).toBe('Weekend');
    await expect(page.getByRole('combobox', { name: 'Rotation', exact: true }).locator('option').allTextContents()).resolves.toEqual(['Dyżur', 'Weekend', 'New rotation']);

    // Piotr's weekend standby shows in the rota's cost column (48 h × 10, give or take a clock change).
    await page.getByRole('button', { name: 'Rota', exact: true }).click();
    const piotrCost = page.getByRole('row', { name: /^Piotr Wiśniewski/ }).getByRole('gridcell').last();
    expect(await settle(async () => ((await piotrCost.getAttribute('title')) ?? '').startsWith('incl. '), true)).toBe(true);
    await expect(piotrCost.textContent().then((x) => x?.replace(/\s/g, ' '))).resolves.toMatch(/^PLN 4[6-9]0\.00$/);
  });

  it('swaps two turns from the month and lists both halves', async () => {
    const file = tempFile();
    const s = freshService(file);
    const team = s.run('team.create', { name: 'Wsparcie', timeZone: 'Europe/Warsaw', locale: 'pl-PL', currency: 'PLN' });
    const anna = s.run('person.create', { teamId: team.id, name: 'Anna Nowak' });
    const piotr = s.run('person.create', { teamId: team.id, name: 'Piotr Wiśniewski' });
    const first = todayIn('Europe/Warsaw').with({ day: 1 }).toString();
    s.run('rotation.create', { teamId: team.id, name: 'Dyżur', layers: [{ name: 'Daily', participants: [anna.id, piotr.id], turnUnit: 'days', turnLength: 1, startDay: first, handoffTime: '09:00' }] });
    s.close();
    page = await session.open(file, { width: 1360, height: 1400 });
    await page.getByRole('button', { name: 'On-call', exact: true }).click();
    const form = page.getByRole('form', { name: 'Swap two turns' });
    await form.waitFor();
    // The first two turns of the month: Anna's (the 1st) and Piotr's (the 2nd).
    await form.getByLabel('First turn').selectOption({ index: 0 });
    await form.getByLabel('Second turn').selectOption({ index: 1 });
    await expect(form.getByLabel('First turn').locator('option:checked').textContent()).resolves.toMatch(/^Anna Nowak/);
    await expect(form.getByLabel('Second turn').locator('option:checked').textContent()).resolves.toMatch(/^Piotr Wiśniewski/);
    await form.getByRole('button', { name: 'Swap' }).click();
    const overrides = page.getByRole('region', { name: 'Overrides' }).getByRole('listitem');
    expect(await settle(() => overrides.count(), 2)).toBe(2);
    await expect(overrides.first().textContent()).resolves.toMatch(/^Piotr Wiśniewski · .* · Swap with Anna Nowak/);
  });
});
