import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeSerious, browserSession, settle } from './harness';

const session = browserSession();
let page: Page;

async function open(): Promise<void> {
  page = await session.open(undefined, { width: 1280, height: 900 });
}

async function createTeam(name: string) {
  const form = page.getByRole('form', { name: 'Create a team' });
  await form.getByLabel('Team name').fill(name);
  // A searchable list: typing the city is enough, and the currency follows the zone (PLN).
  await form.getByLabel('Time zone').fill('Warsaw');
  await form.getByLabel('Country (for public holidays)').fill('pl');
  await form.getByRole('button', { name: 'Create team' }).click();
  await page.getByRole('heading', { name: 'Weekly rota' }).waitFor();
  await page.getByRole('button', { name: 'People' }).click();
  await page.getByRole('heading', { name: 'People' }).waitFor();
}

describe('browser mode, first steps of a team lead', () => {
  it('offers the demo team on first run, and creates a team and adds a person', async () => {
    await open();
    await page.getByRole('button', { name: 'Open the demo team' }).waitFor();
    await createTeam('Wsparcie Warszawa');
    await expect(page.getByRole('combobox', { name: 'Team' }).inputValue()).resolves.not.toBe('');

    await page.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByLabel('Name', { exact: true }).fill('Agnieszka Kowalska');
    await dialog.getByLabel('Email', { exact: true }).fill('agnieszka@example.com');
    await dialog.getByRole('checkbox', { name: 'chat' }).check();
    await dialog.getByLabel('Contract hours per week').fill('32');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('row', { name: /Agnieszka Kowalska/ });
    await expect(row.getByRole('cell').nth(0).textContent()).resolves.toBe('agnieszka@example.com');
    await expect(row.textContent()).resolves.toContain('32 h');
    await expect(row.textContent()).resolves.toContain('chat');
  });

  it('shows the validation error for a bad email next to the field, and saves nothing', async () => {
    await open();
    await createTeam('Destek');
    await page.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByLabel('Name', { exact: true }).fill('Mehmet Kaya');
    await dialog.getByLabel('Email', { exact: true }).fill('mehmet.example.com');
    await dialog.getByRole('button', { name: 'Save' }).click();

    const email = dialog.getByLabel('Email', { exact: true });
    await dialog.getByRole('alert').waitFor();
    await expect(dialog.getByRole('alert').textContent()).resolves.toBe('Enter an email address such as ayse@example.com');
    await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
    // The keyboard lands on the field to fix.
    expect(await settle(() => email.evaluate((el) => el === document.activeElement), true)).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('No people yet.', { exact: false }).waitFor();
  });

  it('switches to Persian: the whole page turns right-to-left, and the choice persists', async () => {
    await open();
    await page.getByRole('button', { name: 'Open the demo team' }).click();
    await page.getByRole('grid').waitFor();
    await page.getByRole('button', { name: 'People' }).click();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fa');
    await page.getByRole('heading', { name: 'کارکنان' }).waitFor();
    await expect(page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).resolves.toEqual(['rtl', 'fa']);
    // Numbers through Intl in Persian digits: "۱۴ نفر".
    await page.getByText('۱۴ نفر').waitFor();

    await page.reload();
    await page.getByRole('button', { name: 'کارکنان' }).click();
    await page.getByRole('heading', { name: 'کارکنان' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');

    await page.getByRole('combobox', { name: 'زبان' }).selectOption('tr');
    await page.getByRole('heading', { name: 'Çalışanlar' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('ltr');
  });

  it('searches people, archives and undoes with Ctrl+Z', async () => {
    await open();
    await page.getByRole('button', { name: 'Open the demo team' }).click();
    await page.getByRole('grid').waitFor();
    await page.getByRole('button', { name: 'People' }).click();
    await page.getByRole('searchbox', { name: 'Search people' }).fill('ayse');
    expect(await settle(() => page.getByRole('row').count(), 2)).toBe(2);
    await page.getByRole('button', { name: 'Archive Ayşe Yılmaz' }).click();
    await page.getByText('Nobody matches “ayse”.').waitFor();

    await page.getByRole('heading', { name: 'People' }).click();
    await page.keyboard.press('Control+z');
    await page.getByRole('row', { name: /Ayşe Yılmaz/ }).waitFor();
    expect(await settle(() => page.getByRole('button', { name: 'Redo' }).isEnabled(), true)).toBe(true);
  });

  it('says the last change at the bottom, and what a page did, in the language chosen since; the notice still clears after eight seconds', async () => {
    await open();
    await page.getByRole('button', { name: 'Open the demo team' }).click();
    await page.getByRole('grid').waitFor();
    // A page's own notice (the rota's "Copied") follows the switch too.
    await page.getByRole('gridcell').nth(10).click();
    await page.keyboard.press('Control+c');
    await page.getByRole('status').filter({ hasText: /Copied 1 cell(?!s)/ }).waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('tr');
    await page.getByRole('status').filter({ hasText: '1 hücre kopyalandı' }).waitFor();
    await page.getByRole('combobox', { name: 'Dil' }).selectOption('en');
    await page.getByRole('button', { name: 'People' }).click();
    await page.getByRole('button', { name: 'Archive Ayşe Yılmaz' }).click();
    await page.getByRole('status').filter({ hasText: 'Done: Archive person' }).waitFor();
    // Switched while it shows: the notice and its Undo read in Turkish (they stayed in English, and stayed on screen).
    await page.getByRole('combobox', { name: 'Language' }).selectOption('tr');
    const turkish = page.getByRole('status').filter({ hasText: 'Tamamlandı: Kişi arşivleme' });
    await turkish.getByRole('button', { name: 'Geri al' }).waitFor();
    expect(await settle(() => turkish.count(), 0, 12_000)).toBe(0);
  });

  it('imports people from a CSV file, and shows every bad line when a file is wrong', async () => {
    await open();
    await createTeam('Import Test');
    const header = 'name,email,phone,skills,contract_hours,hourly_rate\n';
    const upload = (text: string) =>
      page.getByLabel('Import CSV', { exact: true }).and(page.locator('input')).setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

    await upload(header + 'Good Person,good@example.com,,phone,40,30\nNo Mail,not-mail,,phone,40,30\nFax,fax@example.com,,fax,40,30\n');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('Nothing was imported');
    await expect(alert.getByRole('listitem').allTextContents()).resolves.toEqual([
      '3: email: Must be an email address such as ayse@example.com',
      expect.stringMatching(/^4: skills: fax/),
    ]);
    await page.getByText('No people yet.', { exact: false }).waitFor();

    await upload(header + 'Anna Nowak,anna@example.com,,phone;chat,40,"35,5"\n"Kowalski, Jan",jan@example.com,,email,20,30\n');
    await page.getByRole('status').filter({ hasText: 'Imported 2 people' }).waitFor();
    await page.getByRole('row', { name: /Kowalski, Jan/ }).waitFor();
    await expect(page.getByRole('row', { name: /Anna Nowak/ }).textContent()).resolves.toContain('PLN');
  });

  it('guides the first team: the time zone fills country, locale and currency until the lead picks them, and errors name the field', async () => {
    await open();
    const form = page.getByRole('form', { name: 'Create a team' });
    const value = (label: string) => form.getByRole('combobox', { name: label }).inputValue();
    await form.getByRole('button', { name: 'Create team' }).click();
    const name = form.getByLabel('Team name');
    await form.getByRole('alert').waitFor();
    await expect(form.getByRole('alert').textContent()).resolves.toBe('Give the team a name');
    await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await axeSerious(page)).toEqual([]);

    await form.getByRole('combobox', { name: 'Time zone' }).fill('Europe/Istanbul');
    await expect(Promise.all([value('Country (for public holidays)'), value('Locale'), value('Currency')])).resolves.toEqual(['TR', 'tr-TR', 'TRY']);
    await form.getByRole('combobox', { name: 'Time zone' }).fill('Asia/Tehran');
    await expect(Promise.all([value('Country (for public holidays)'), value('Locale'), value('Currency')])).resolves.toEqual(['IR', 'fa-IR', 'IRR']);
    // Iran's working week starts on Saturday.
    await expect(form.getByLabel('Week starts on').inputValue()).resolves.toBe('sat');
    // The lead's own choice stays: only the fields not touched follow the next zone.
    await form.getByRole('combobox', { name: 'Currency' }).fill('EUR');
    await form.getByRole('combobox', { name: 'Time zone' }).fill('Europe/Warsaw');
    await expect(Promise.all([value('Country (for public holidays)'), value('Locale'), value('Currency')])).resolves.toEqual(['PL', 'pl-PL', 'EUR']);
    await expect(form.getByLabel('Week starts on').inputValue()).resolves.toBe('mon');
    // A zone the list does not know is named as the field's problem.
    await form.getByRole('combobox', { name: 'Time zone' }).fill('Mars/Olympus');
    await name.fill('Wsparcie');
    await form.getByRole('button', { name: 'Create team' }).click();
    const zoneError = 'Choose the team’s time zone from the list, such as Europe/Istanbul';
    expect(await settle(() => form.getByRole('alert').textContent(), zoneError)).toBe(zoneError);

    await form.getByRole('combobox', { name: 'Time zone' }).fill('Warsaw');
    await form.getByRole('combobox', { name: 'Country (for public holidays)' }).fill('Poland');
    await form.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('button', { name: 'Team settings' }).click();
    const settings = page.getByRole('form', { name: 'Team settings' });
    await expect(settings.getByRole('combobox', { name: 'Time zone' }).inputValue()).resolves.toBe('Europe/Warsaw');
    await expect(settings.getByRole('combobox', { name: 'Country (for public holidays)' }).inputValue()).resolves.toBe('PL');
    await expect(settings.getByRole('combobox', { name: 'Currency' }).inputValue()).resolves.toBe('EUR');
  });

  it('offers the next step on empty pages: add or import people, and a suggested early and late template set', async () => {
    await open();
    await createTeam('Puste');
    await page.getByRole('button', { name: 'Add the first person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Import people from CSV…' }).waitFor();

    await page.getByRole('button', { name: 'Shift templates' }).click();
    await page.getByText('No shift templates yet.').waitFor();
    expect(await axeSerious(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add Early (E, 08:00–16:00) and Late (L, 14:00–22:00)' }).click();
    const table = page.getByRole('table');
    await table.getByRole('row', { name: /^L / }).waitFor();
    await expect(table.getByRole('columnheader', { name: 'Actions' }).count()).resolves.toBe(1);
    const colour = (code: string) => table.getByRole('row', { name: new RegExp(`^${code} `) }).getByRole('cell').nth(4).textContent();
    const [early, late] = await Promise.all([colour('E'), colour('L')]);
    expect(early).toMatch(/#[0-9a-f]{6}/);
    expect(late).toMatch(/#[0-9a-f]{6}/);
    expect(early).not.toBe(late);
    // The next template's colour is a third one, not the first again.
    await expect(page.getByRole('form', { name: 'Add template' }).getByLabel('Colour').inputValue()).resolves.not.toMatch(new RegExp(`${early?.trim()}|${late?.trim()}`));
  });

  it('edits the team settings and shows a duplicate name next to the field', async () => {
    await open();
    await page.getByRole('button', { name: 'Open the demo team' }).click();
    await page.getByRole('grid').waitFor();
    await page.getByRole('button', { name: 'New team' }).click();
    await createTeam('Second Team');
    await page.getByRole('button', { name: 'Team settings' }).click();
    const form = page.getByRole('form', { name: 'Team settings' });
    await form.getByLabel('Team name').fill('Support Desk Istanbul');
    await form.getByRole('button', { name: 'Save team' }).click();
    await form.getByRole('alert').waitFor();
    await expect(form.getByRole('alert').textContent()).resolves.toBe('A team with this name already exists');

    // A rule out of range names the field and its range.
    await form.getByLabel('Minimum rest between shifts (hours)').fill('30');
    await form.getByLabel('Team name').fill('Zespół Warszawa');
    await form.getByRole('button', { name: 'Save team' }).click();
    const rest = 'Minimum rest between shifts (hours): enter a number from 0 to 24';
    expect(await settle(() => form.getByRole('alert').textContent(), rest)).toBe(rest);
    await form.getByLabel('Minimum rest between shifts (hours)').fill('11');
    await form.getByLabel('Week starts on').selectOption('sun');
    await form.getByRole('button', { name: 'Save team' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await expect(page.getByRole('combobox', { name: 'Team' }).locator('option:checked').textContent()).resolves.toBe('Zespół Warszawa');
  });
});
