import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';
import { browserSession, cellText, rotaCell, settle } from './harness';

const session = browserSession();
let page: Page;

/** A Warsaw team with two people and two templates, made through the service on a real file. */
async function openTeam() {
  const file = tempFile();
  const s = freshService(file);
  const team = s.run('team.create', { name: 'Wsparcie', timeZone: 'Europe/Warsaw', locale: 'pl-PL', country: 'PL', currency: 'PLN' });
  s.run('person.create', { teamId: team.id, name: 'Anna Nowak', skills: ['phone'], hourlyRate: 40, contractHoursPerWeek: 15 });
  s.run('person.create', { teamId: team.id, name: 'Piotr Wiśniewski', skills: ['phone'], hourlyRate: 30, contractHoursPerWeek: 0 });
  s.run('template.create', { teamId: team.id, code: 'E', name: 'Early', startLocal: '07:00', endLocal: '15:00', breakMinutes: 30, skill: 'phone' });
  s.run('template.create', { teamId: team.id, code: 'L', name: 'Late', startLocal: '14:00', endLocal: '22:00', breakMinutes: 30, skill: 'phone' });
  s.close();
  page = await session.open(file);
  await page.getByRole('grid').waitFor();
  // A week with no Polish holiday, so costs are plain hours × rate.
  await page.getByLabel('Go to date').fill('2027-03-03');
  await page.getByRole('grid', { name: 'Rota for the week of 1 Mar 2027' }).waitFor();
}

const cell = (name: string) => rotaCell(page, name);
/** The Problems list as "Person · day · problem Show" lines (it groups them by person and rule). */
const problems = () =>
  page.getByRole('region', { name: 'Problems' }).evaluate((region) =>
    [...region.querySelectorAll('li li')].map((li) => `${li.closest('details')?.querySelector('strong')?.textContent ?? ''} · ${li.textContent ?? ''}`),
  );

describe('the weekly rota grid', () => {
  it('takes codes from the keyboard, updates hours and cost, shows an 11-hour rest problem, and undoes and redoes', async () => {
    await openTeam();
    await cell('Anna Nowak, Monday 1 March').click();
    await page.keyboard.type('L');
    await page.keyboard.press('Enter');
    await page.keyboard.type('e');
    await page.keyboard.press('Enter');

    const anna = page.getByRole('row', { name: /^Anna Nowak/ });
    expect(await settle(() => anna.getByRole('gridcell').nth(7).textContent(), '15 of 15 h')).toBe('15 of 15 h');
    // Intl puts a no-break space between the currency and the amount.
    await expect(anna.getByRole('gridcell').nth(8).textContent().then((x) => x?.replace(/\s/g, ' '))).resolves.toBe('PLN 600.00');
    await expect(cellText(cell('Anna Nowak, Tuesday 2 March'))).resolves.toContain('07:00–15:00');
    // The month's totals per person and for the team.
    await page.getByText('Hours and cost in March 2027').click();
    const teamRow = page.getByRole('table', { name: 'Hours and cost in March 2027' }).getByRole('row', { name: /^Team / });
    expect(await settle(() => teamRow.textContent().then((x) => x?.replace(/\s/g, ' ')), 'Team15 of 69 hPLN 600.00')).toBe('Team15 of 69 hPLN 600.00');

    // Late then early: 9 hours of rest.
    const rest = 'Anna Nowak · Tuesday 2 March · Only 9 h rest before this day (at least 11 h) Show';
    expect(await settle(problems, [rest])).toEqual([rest]);
    await expect(cell('Anna Nowak, Tuesday 2 March').getByRole('img').getAttribute('aria-label')).resolves.toBe('Only 9 h rest before this day (at least 11 h)');

    // Make Tuesday late too: the problem goes.
    await cell('Anna Nowak, Tuesday 2 March').click();
    await page.keyboard.type('L');
    await page.keyboard.press('Enter');
    expect(await settle(problems, [])).toEqual([]);
    await page.getByText('No problems this week.').waitFor();

    // Undo brings the early shift and its problem back; redo removes them again.
    await page.keyboard.press('Control+z');
    expect(await settle(problems, [rest])).toEqual([rest]);
    await page.keyboard.press('Control+y');
    expect(await settle(problems, [])).toEqual([]);
  });

  it('fills a selection, copies and pastes, clears with Delete, and footers count people per channel', async () => {
    await openTeam();
    await cell('Anna Nowak, Monday 1 March').click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.type('E');
    await page.keyboard.press('Enter');
    const phone = page.getByRole('row', { name: /^phone on shift/ });
    expect(await settle(() => phone.getByRole('gridcell').allTextContents(), ['2', '2', '2', '0', '0', '0', '0', '', ''])).toEqual(['2', '2', '2', '0', '0', '0', '0', '', '']);

    // Copy Monday–Wednesday of Anna, paste on Thursday.
    await cell('Anna Nowak, Monday 1 March').click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+c');
    await cell('Anna Nowak, Thursday 4 March').click();
    await page.keyboard.press('Control+v');
    await expect(settle(() => cellText(cell('Anna Nowak, Saturday 6 March')), 'E 07:00–15:00')).resolves.toBe('E 07:00–15:00');

    // Delete clears the focused cell; the Problems list names what is left (6 days in a row is allowed).
    await cell('Anna Nowak, Saturday 6 March').click();
    await page.keyboard.press('Delete');
    await expect(settle(() => cellText(cell('Anna Nowak, Saturday 6 March')), '')).resolves.toBe('');

    // An unknown code is refused with a message and changes nothing.
    await cell('Piotr Wiśniewski, Sunday 7 March').click();
    await page.keyboard.type('Q');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('There is no shift template with this code');
    await expect(cellText(cell('Piotr Wiśniewski, Sunday 7 March'))).resolves.toBe('');
  });

  it('moves with the arrow keys and Problems "Show" puts the keyboard on the cell', async () => {
    await openTeam();
    await cell('Piotr Wiśniewski, Friday 5 March').click();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    // Whose cell has the keyboard: the person and day its name starts with.
    const focused = () => page.evaluate(() => (document.activeElement?.getAttribute('aria-label') ?? '').split(': ')[0]);
    expect(await settle(focused, 'Anna Nowak, Thursday 4 March')).toBe('Anna Nowak, Thursday 4 March');
    await page.keyboard.press('Home');
    expect(await settle(focused, 'Anna Nowak, Monday 1 March')).toBe('Anna Nowak, Monday 1 March');
    await page.keyboard.type('L');
    await page.keyboard.press('Enter');
    await page.keyboard.type('E');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Show' }).first().waitFor();
    await cell('Piotr Wiśniewski, Sunday 7 March').click();
    await page.getByRole('button', { name: 'Show' }).first().click();
    expect(await settle(focused, 'Anna Nowak, Tuesday 2 March')).toBe('Anna Nowak, Tuesday 2 March');
  });

  it('applies a rotating pattern to people with a stagger, asking before it replaces shifts', async () => {
    await openTeam();
    await page.getByRole('button', { name: 'Patterns…' }).click();
    const form = page.getByRole('form', { name: 'Apply a rotating pattern' });
    await form.getByLabel('Cycle (codes and - for a day off)').fill('E E L -');
    await form.getByRole('checkbox', { name: 'Everyone' }).check();
    await form.getByLabel('Weeks').fill('1');
    await form.getByLabel('Stagger (days between people)').fill('2');
    await form.getByRole('button', { name: 'Apply' }).click();
    await form.getByRole('status').filter({ hasText: 'Created 11 shifts' }).waitFor();
    const codes = (who: string) =>
      Promise.all(['Monday 1 March', 'Tuesday 2 March', 'Wednesday 3 March', 'Thursday 4 March'].map((d) => cell(`${who}, ${d}`).locator('strong').allTextContents().then((x) => x.join(''))));
    expect(await settle(() => codes('Anna Nowak'), ['E', 'E', 'L', ''])).toEqual(['E', 'E', 'L', '']);
    expect(await codes('Piotr Wiśniewski')).toEqual(['L', '', 'E', 'E']);

    await form.getByLabel('Cycle (codes and - for a day off)').fill('L');
    await form.getByRole('button', { name: 'Apply' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Replace them' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('11 existing shift(s)');
    await dialog.getByRole('button', { name: 'Replace them' }).click();
    await form.getByRole('status').filter({ hasText: 'Created 14 shifts' }).waitFor();
    expect(await settle(() => codes('Anna Nowak'), ['L', 'L', 'L', 'L'])).toEqual(['L', 'L', 'L', 'L']);
  });

  it('imports a roster file from the window and exports the week as CSV', async () => {
    await openTeam();
    const upload = (text: string) =>
      page.getByLabel('Import roster (CSV or Excel)', { exact: true }).and(page.locator('input')).setInputFiles({ name: 'rota.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await upload('person,date,code\nAnna Nowak,2027-03-01,E\nZofia,2027-03-02,E\n');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.getByRole('listitem').allTextContents()).resolves.toEqual(['3: person: nobody in Wsparcie is called or has the email Zofia']);
    await upload('person,date,code\nAnna Nowak,2027-03-01,E\nPiotr Wiśniewski,2027-03-02,L\n');
    await page.getByRole('status').filter({ hasText: 'Imported 2 shifts' }).waitFor();
    expect(await settle(() => cell('Piotr Wiśniewski, Tuesday 2 March').locator('strong').textContent(), 'L')).toBe('L');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'More' }).click().then(() => page.getByRole('menuitem', { name: 'Export week (CSV)' }).click())]);
    expect(download.suggestedFilename()).toBe('roster-Wsparcie-2027-03-01-2027-03-07.csv');
    const text = await download.createReadStream().then(async (stream) => {
      let out = '';
      for await (const chunk of stream) out += String(chunk);
      return out;
    });
    // UTF-8 with a byte-order mark (so Excel reads it as UTF-8); an English window writes commas and decimal points.
    expect(text.split('\r\n').slice(0, 3)).toEqual(['\ufeffperson,date,code,start,end,break_minutes,skill,paid_hours', 'Anna Nowak,2027-03-01,E,07:00,15:00,30,phone,7.5', 'Piotr Wiśniewski,2027-03-02,L,14:00,22:00,30,phone,7.5']);
  });

  it("applies the team's own rest rule, edited in Team settings", async () => {
    await openTeam();
    await cell('Anna Nowak, Monday 1 March').click();
    await page.keyboard.type('L');
    await page.keyboard.press('Enter');
    await page.keyboard.type('E');
    await page.keyboard.press('Enter');
    const rest = 'Anna Nowak · Tuesday 2 March · Only 9 h rest before this day (at least 11 h) Show';
    expect(await settle(problems, [rest])).toEqual([rest]);

    await page.getByRole('button', { name: 'Team settings' }).click();
    const form = page.getByRole('form', { name: 'Team settings' });
    await form.getByLabel('Minimum rest between shifts (hours)').fill('abc');
    await form.getByRole('button', { name: 'Save team' }).click();
    await form.getByRole('alert').waitFor();
    await form.getByLabel('Minimum rest between shifts (hours)').fill('9');
    await form.getByRole('button', { name: 'Save team' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    await page.getByRole('button', { name: 'Rota' }).click();
    await page.getByLabel('Go to date').fill('2027-03-01');
    expect(await settle(problems, [])).toEqual([]);
  });

  it('copies a shift by dragging it onto another cell', async () => {
    await openTeam();
    await cell('Anna Nowak, Monday 1 March').click();
    await page.keyboard.type('L');
    await page.keyboard.press('Enter');
    const shift = cell('Anna Nowak, Monday 1 March').locator('[draggable="true"]');
    await shift.waitFor();
    await shift.dragTo(cell('Piotr Wiśniewski, Friday 5 March'));
    expect(await settle(() => cellText(cell('Piotr Wiśniewski, Friday 5 March')), 'L 14:00–22:00')).toBe('L 14:00–22:00');
    // The original stays: a drag copies.
    await expect(cellText(cell('Anna Nowak, Monday 1 March'))).resolves.toBe('L 14:00–22:00');
  });
});
