import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startOfWeek, todayIn } from '../../core/time';
import { freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';
import { browserSession, cellText, rotaCell, settle } from './harness';

const session = browserSession();
let page: Page;

/** A Warsaw team with Anna, an E template and the given shifts of this week, on a fresh planner file. */
function warsawFile(days: (monday: ReturnType<typeof startOfWeek>) => string[]): string {
  const monday = startOfWeek(todayIn('Europe/Warsaw'), 'mon');
  const file = tempFile();
  const s = freshService(file);
  const team = s.run('team.create', { name: 'Wsparcie', timeZone: 'Europe/Warsaw', locale: 'pl-PL', currency: 'PLN' });
  const anna = s.run('person.create', { teamId: team.id, name: 'Anna Nowak', skills: ['phone'], contractHoursPerWeek: 0 });
  s.run('template.create', { teamId: team.id, code: 'E', name: 'Early', startLocal: '07:00', endLocal: '15:00', breakMinutes: 30, skill: 'phone' });
  s.run('shift.setCells', { teamId: team.id, entries: days(monday).map((day) => ({ personId: anna.id, day, value: { code: 'E' } })) });
  s.close();
  return file;
}

describe('calendar views (FullCalendar v7)', () => {
  it('drags a shift to the next day and stretches it an hour in the week view; the rota grid shows both', async () => {
    // This week's Wednesday in Warsaw: the week view opens on the current week.
    const monday = startOfWeek(todayIn('Europe/Warsaw'), 'mon');
    const wednesday = monday.add({ days: 2 });
    const thursday = monday.add({ days: 3 });
    // Tall enough for the whole day: a drag near the window's edge would make FullCalendar scroll.
    page = await session.open(warsawFile(() => [wednesday.toString()]), { width: 1360, height: 1800 });
    await page.getByRole('button', { name: 'Calendar' }).click();

    const event = page.getByText('Anna Nowak · E');
    await event.waitFor();
    const header = (d: typeof wednesday) => page.getByRole('columnheader').filter({ hasText: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(d.year, d.month - 1, d.day))) });
    const wed = await header(wednesday).boundingBox();
    const thu = await header(thursday).boundingBox();
    const box = await page.getByRole('listitem').filter({ hasText: 'Anna Nowak · E' }).boundingBox();
    if (!wed || !thu || !box) throw new Error('calendar not laid out');

    // Move: press on the event, drag one column to the right, release.
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + (thu.x - wed.x) / 2, y, { steps: 8 });
    await page.mouse.move(box.x + box.width / 2 + (thu.x - wed.x), y, { steps: 8 });
    await page.mouse.up();

    await page.getByRole('button', { name: 'Rota' }).click();
    const cellName = (d: typeof wednesday) => `Anna Nowak, ${new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(d.year, d.month - 1, d.day)))}`;
    const thursdayCell = rotaCell(page, cellName(thursday));
    expect(await settle(() => cellText(thursdayCell), 'E 07:00–15:00')).toBe('E 07:00–15:00');
    await expect(cellText(rotaCell(page, cellName(wednesday)))).resolves.toBe('');

    // Resize: drag the end of the shift down by one hour.
    await page.getByRole('button', { name: 'Calendar' }).click();
    const moved = page.getByText('Anna Nowak · E');
    await moved.waitFor();
    // The end handle sits on the 15:00 line; pull it to the 16:00 line (a few pixels above each, inside the shift).
    const line15 = await page.locator('[data-time="15:00:00"]').first().boundingBox();
    const line16 = await page.locator('[data-time="16:00:00"]').first().boundingBox();
    // FullCalendar v7 gives each event the listitem role: its box is the whole shift, resize handle included.
    const ev = await page.getByRole('listitem').filter({ hasText: 'Anna Nowak · E' }).boundingBox();
    if (!line15 || !line16 || !ev) throw new Error('calendar not laid out');
    const x = ev.x + ev.width / 2;
    await page.mouse.move(x, line15.y - 3);
    await page.mouse.down();
    await page.mouse.move(x, (line15.y + line16.y) / 2 - 3, { steps: 6 });
    await page.mouse.move(x, line16.y - 3, { steps: 6 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Rota' }).click();
    // Longer than the template: now custom times (•), 07:00–16:00.
    expect(await settle(() => cellText(thursdayCell), '• 07:00–16:00')).toBe('• 07:00–16:00');
    await page.keyboard.press('Control+z');
    expect(await settle(() => cellText(thursdayCell), 'E 07:00–15:00')).toBe('E 07:00–15:00');
  });

  it('opens a shift from the calendar to place a break in it, which the rota counts', async () => {
    page = await session.open(warsawFile((monday) => [monday.toString()]), { width: 1360, height: 1800 });
    await page.getByRole('button', { name: 'Calendar' }).click();
    await page.getByText('Anna Nowak · E').click();
    const dialog = page.getByRole('dialog', { name: 'Shift of Anna Nowak' });
    await dialog.getByRole('button', { name: 'Add activity' }).click();
    await dialog.getByLabel('From 1').fill('16:00');
    await dialog.getByLabel('To 1').fill('17:00');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toBe('This time is not inside the shift');
    await dialog.getByLabel('From 1').fill('11:00');
    await dialog.getByLabel('To 1').fill('12:00');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Anna Nowak · E (Break)').waitFor();

    await page.getByRole('button', { name: 'Rota' }).click();
    const anna0 = page.getByRole('row', { name: /^Anna Nowak/ });
    // A one-hour placed break: 7 paid hours instead of 7.5.
    expect(await settle(() => anna0.getByRole('gridcell').nth(7).textContent(), '7 of 0 h')).toBe('7 of 0 h');
  });
});
