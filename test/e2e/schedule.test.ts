import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startOfWeek, todayIn } from '../../core/time';
import { freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';
import { browserSession, settle } from './harness';

const session = browserSession();
let page: Page;
const ZONE = 'Europe/Warsaw';

describe('auto-scheduling from the rota page', () => {
  it('locks a shift, drafts a week with progress, previews coverage before and after with reasons, accepts, and undoes', async () => {
    const monday = startOfWeek(todayIn(ZONE), 'mon');
    const file = tempFile();
    const s = freshService(file);
    const team = s.run('team.create', { name: 'Wsparcie', timeZone: ZONE, locale: 'en-GB', currency: 'PLN' });
    const [anna] = ['Anna Nowak', 'Bartek Zieliński', 'Celina Wójcik'].map((name) => s.run('person.create', { teamId: team.id, name, skills: ['phone'], contractHoursPerWeek: 40 }));
    const late = s.run('template.create', { teamId: team.id, code: 'L', name: 'Late', startLocal: '11:00', endLocal: '19:00', skill: 'phone' });
    s.run('template.create', { teamId: team.id, code: 'D', name: 'Day', startLocal: '09:00', endLocal: '17:00', skill: 'phone' });
    // Anna already works a late Monday, which the lead locks; Celina would rather not do lates on Tuesday.
    s.run('shift.setCells', { teamId: team.id, entries: [{ personId: anna?.id ?? 0, day: monday.toString(), value: { code: 'L' } }] });
    const celina = s.run('person.list', { teamId: team.id }).find((p) => p.name === 'Celina Wójcik');
    s.run('person.setPreferences', { personId: celina?.id ?? 0, preferences: [{ weekday: 2, templateId: late.id, kind: 'prefer_not' }] });
    // Three weeks of weekday phone history, 09:00–19:00: enough for more than three people, so some stays short.
    const rows = ['interval_start,channel,volume,aht_seconds'];
    for (let d = -21; d < 0; d += 1) {
      const day = monday.add({ days: d });
      if (day.dayOfWeek > 5) continue;
      for (let h = 9; h < 19; h += 0.5) rows.push(`${day.toString()}T${String(Math.floor(h)).padStart(2, '0')}:${h % 1 ? '30' : '00'},phone,20,300`);
    }
    s.run('volume.import', { teamId: team.id, csv: rows.join('\n') });
    s.close();

    page = await session.open(file, { width: 1400, height: 1800 });
    await page.getByRole('grid').waitFor();
    const mondayCell = page.getByRole('row', { name: /^Anna Nowak/ }).getByRole('gridcell').first();
    await mondayCell.click();
    await page.keyboard.press('Control+l');
    await mondayCell.getByRole('img', { name: 'Locked: auto-scheduling keeps this shift' }).waitFor();

    await page.getByRole('button', { name: 'Draft roster…' }).click();
    const panel = page.locator('.schedule-panel');
    // The range starts on next week's first day by default: never days already past.
    // The field writes the day as the window's language does (28/11/2026 in English).
    const nextMonday = monday.add({ weeks: 1 });
    await expect(panel.getByLabel('From', { exact: true }).inputValue()).resolves.toBe(`${String(nextMonday.day).padStart(2, '0')}/${String(nextMonday.month).padStart(2, '0')}/${nextMonday.year}`);
    await panel.getByLabel('From', { exact: true }).fill(monday.toString());
    await panel.getByLabel('To', { exact: true }).fill(monday.add({ days: 6 }).toString());
    await panel.getByLabel('Time limit (s)').fill('10');
    await page.getByRole('button', { name: 'Generate draft' }).click();
    // The progress bar while the worker solves, then the preview.
    await page.getByRole('progressbar', { name: 'Drafting progress' }).waitFor();
    const draft = page.getByRole('region', { name: /^Draft for / });
    await draft.waitFor({ timeout: 30_000 });

    const figures = (await draft.locator('dl').textContent()) ?? '';
    expect(figures).toContain('Rule problems0');
    // Coverage before and after for all seven days; weekdays were short before and are less short after.
    const compare = draft.getByRole('table', { name: 'Agent-hours short per day, now and with the draft' });
    const dayRows = compare.getByRole('row').filter({ has: page.getByRole('rowheader') });
    expect(await dayRows.count()).toBe(7);
    const cells = await dayRows.nth(1).getByRole('cell').allTextContents();
    expect(Number(cells[1]?.replace(',', '.'))).toBeLessThan(Number(cells[0]?.replace(',', '.')));
    // What stays short says why: three people cannot staff every interval.
    await expect(draft.getByRole('listitem').filter({ hasText: 'everyone with phone skill who is free is already on shift that day' }).count()).resolves.toBeGreaterThan(0);

    // The draft is drawn on the grid before it is accepted: its shifts outlined and named so, hours before → after.
    expect(await page.getByRole('gridcell', { name: /new in the draft/ }).count()).toBeGreaterThan(0);
    const bar = page.getByRole('region', { name: 'Draft under review' });
    await expect(bar.textContent()).resolves.toMatch(/[1-9]\d* new, 0 changed, 0 removed this week/);
    await expect(page.getByRole('row', { name: /^Bartek Zieliński/ }).getByRole('gridcell').nth(7).textContent()).resolves.toMatch(/^0 of 40 h→ [1-9]\d* h with the draft$/);
    // Anna's locked Monday stays as it is.
    await expect(mondayCell.getByRole('img', { name: 'Locked: auto-scheduling keeps this shift' }).count()).resolves.toBe(1);
    // The week calendar shows the same draft, until it is accepted or discarded on the rota.
    await page.getByRole('button', { name: 'Calendar', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /^Showing the week as the draft roster for / }).waitFor();
    expect(await settle(() => page.getByText(/ \(draft\)$/).count().then((n) => n > 0), true)).toBe(true);
    await page.getByRole('button', { name: 'Rota', exact: true }).click();
    await page.getByRole('grid').waitFor();
    await bar.getByRole('button', { name: 'Accept draft' }).click();
    await page.getByRole('status').filter({ hasText: /^Draft accepted: \d+ shifts/ }).waitFor();
    // Three people, five weekdays; Anna's locked Monday late is still hers.
    const codes = () => page.getByRole('grid').locator('.shift .code').count();
    expect(await settle(codes, 15)).toBe(15);
    await expect(mondayCell.textContent()).resolves.toContain('11:00–19:00');
    await mondayCell.getByRole('img', { name: 'Locked: auto-scheduling keeps this shift' }).waitFor();

    // One undo takes the whole draft back.
    await page.keyboard.press('Control+z');
    expect(await settle(codes, 1)).toBe(1);
  }, 90_000);

  it('keeps a person\'s days and shifts they cannot or would rather not work', async () => {
    const file = tempFile();
    const s = freshService(file);
    const team = s.run('team.create', { name: 'Wsparcie', timeZone: ZONE, locale: 'en-GB' });
    s.run('person.create', { teamId: team.id, name: 'Anna Nowak', skills: ['phone'] });
    s.run('template.create', { teamId: team.id, code: 'N', name: 'Night', startLocal: '22:00', endLocal: '06:00', skill: 'phone' });
    s.close();
    page = await session.open(file);
    await page.getByRole('button', { name: 'People' }).click();
    await page.getByRole('button', { name: 'Edit Anna Nowak' }).click();
    let dialog = page.getByRole('dialog', { name: 'Edit Anna Nowak' });
    await dialog.getByRole('button', { name: 'Add a day or shift' }).click();
    await dialog.getByLabel('Weekday').selectOption({ label: 'Fri' });
    await dialog.getByLabel('Shift', { exact: true }).selectOption({ label: 'N 22:00–06:00' });
    await dialog.getByLabel('Preference').selectOption('cannot');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Edit Anna Nowak' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit Anna Nowak' });
    expect(await settle(() => dialog.getByLabel('Preference').count(), 1)).toBe(1);
    await expect(dialog.getByLabel('Weekday').inputValue()).resolves.toBe('5');
    await expect(dialog.getByLabel('Preference').inputValue()).resolves.toBe('cannot');
    // One undo step takes the preference back.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.keyboard.press('Control+z');
    await page.getByRole('button', { name: 'Edit Anna Nowak' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit Anna Nowak' });
    await dialog.getByRole('button', { name: 'Add a day or shift' }).waitFor();
    expect(await settle(() => dialog.getByLabel('Preference').count(), 0)).toBe(0);
  });
});
