import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Temporal } from '../../core/time';
import { freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';
import { axeSerious, browserSession, settle } from './harness';

const session = browserSession();
let page: Page;

/** Saturday 7 Azar 1405 in Tehran: 2026-11-28. Azar 1405 runs 2026-11-22..2026-12-21 (30 days). */
const NOW = new Date('2026-11-28T08:30:00Z');
const AZAR_1405 = Array.from({ length: 30 }, (_, i) => Temporal.PlainDate.from('2026-11-22').add({ days: i }).toString());

/** A Tehran team (week from Saturday) in Persian, with one shift today, opened on a clock fixed at 7 Azar 1405. */
async function openTehran(): Promise<{ page: Page }> {
  const file = tempFile();
  const s = freshService(file);
  const team = s.run('team.create', { name: 'پشتیبانی تهران', timeZone: 'Asia/Tehran', locale: 'fa-IR', currency: 'IRR', weekStart: 'sat', skills: ['phone'] });
  const reza = s.run('person.create', { teamId: team.id, name: 'رضا احمدی', skills: ['phone'], contractHoursPerWeek: 40 });
  s.run('template.create', { teamId: team.id, code: 'D', name: 'روز', startLocal: '08:00', endLocal: '16:00', skill: 'phone' });
  s.run('shift.setCells', { teamId: team.id, entries: [{ personId: reza.id, day: '2026-11-29', value: { code: 'D' } }] });
  s.run('settings.set', { language: 'fa' });
  s.close();
  const opened = await session.open(file, { width: 1400, height: 1400 });
  await opened.clock.setFixedTime(NOW);
  await opened.reload();
  await opened.getByRole('navigation').first().waitFor();
  return { page: opened };
}

/** The month grid's title and the ISO days of its day cells, in order. */
async function monthShown(p: Page): Promise<{ title: string; days: string[]; names: string[]; headers: string[] }> {
  const grid = p.locator('.month-grid');
  await grid.waitFor();
  return {
    title: ((await grid.getByRole('heading').textContent()) ?? '').trim(),
    days: await grid.locator('td[data-day]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-day') ?? '')),
    names: await grid.locator('td[data-day] button.day-number').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') ?? '')),
    headers: await grid.getByRole('columnheader').allTextContents(),
  };
}

async function noSeriousFindings(p: Page): Promise<void> {
  await p.waitForLoadState('networkidle');
  expect(await axeSerious(p)).toEqual([]);
}

describe('one calendar on every Persian screen', () => {
  it('the Absences and Calendar month views show Azar 1405 whole: title and every day cell the same Solar Hijri month, weeks from Saturday', async () => {
    ({ page } = await openTehran());
    await page.getByRole('button', { name: 'مرخصی‌ها', exact: true }).click();
    let shown = await monthShown(page);
    expect(shown.title).toBe('آذر ۱۴۰۵');
    expect(shown.days).toEqual(AZAR_1405);
    expect(shown.names.every((n) => n.endsWith('آذر ۱۴۰۵'))).toBe(true);
    expect(shown.names[6]).toBe('شنبه ۷ آذر ۱۴۰۵');
    expect(shown.headers[0]).toBe('شنبه');
    // 1 Azar is a Sunday: the first row starts with an empty Saturday.
    await expect(page.locator('.month-grid tbody tr').first().locator('td').first().getAttribute('data-day')).resolves.toBeNull();
    await noSeriousFindings(page);

    // Next month is Dey 1405, 2026-12-22..2027-01-20 (30 days); Today comes back to Azar.
    await page.getByRole('button', { name: 'ماه بعد' }).click();
    shown = await monthShown(page);
    expect(shown.title).toBe('دی ۱۴۰۵');
    expect(shown.days[0]).toBe('2026-12-22');
    expect(shown.days.at(-1)).toBe('2027-01-20');
    await page.getByRole('button', { name: 'امروز' }).click();
    expect((await monthShown(page)).title).toBe('آذر ۱۴۰۵');

    // The Calendar page's month overview and a person's month: the same month, with the shift on 8 Azar.
    await page.getByRole('button', { name: 'تقویم', exact: true }).click();
    await page.getByRole('button', { name: 'نمای ماه' }).click();
    shown = await monthShown(page);
    expect(shown.title).toBe('آذر ۱۴۰۵');
    expect(shown.days).toEqual(AZAR_1405);
    await expect(page.locator('.month-grid td[data-day="2026-11-29"] .chip').textContent()).resolves.toBe('رضا احمدی · D');
    await page.getByRole('button', { name: 'ماهِ یک نفر' }).click();
    expect((await monthShown(page)).days).toEqual(AZAR_1405);
    await expect(page.locator('.month-grid td[data-day="2026-11-29"] .chip').textContent()).resolves.toBe('D ۰۸:۰۰–۱۶:۰۰');
    await noSeriousFindings(page);

    // The week view's title and day headers are Solar Hijri too, in Persian digits.
    await page.getByRole('button', { name: 'هفتهٔ تیم' }).click();
    const headers = page.getByRole('columnheader');
    await headers.first().waitFor();
    const texts = await headers.allTextContents();
    expect(texts.some((h) => h.includes('۸ آذر ۱۴۰۵'))).toBe(true);
    expect(texts.join(' ')).not.toMatch(/[0-9]|نوامبر/);
  });

  it('a date typed as ۱۴۰۵/۰۹/۰۷ or 1405/9/7 is 2026-11-28; a wrong one says so and changes nothing', async () => {
    ({ page } = await openTehran());
    await page.getByRole('button', { name: 'مرخصی‌ها', exact: true }).click();
    const form = page.getByRole('form', { name: 'درخواست مرخصی' });
    await form.getByLabel('شخص').selectOption({ label: 'رضا احمدی' });
    const first = form.getByLabel('روز اول');
    const last = form.getByLabel('روز آخر');
    await first.fill('۱۴۰۵/۰۹/۰۷');
    await last.fill('1405/9/7');
    await last.blur();
    // Shown back as the screen writes it.
    await expect(last.inputValue()).resolves.toBe('۱۴۰۵/۰۹/۰۷');
    await form.getByRole('button', { name: 'درخواست', exact: true }).click();
    const item = page.getByRole('region', { name: 'مرخصی‌های این ماه' }).getByRole('listitem');
    expect(await settle(() => item.count(), 1)).toBe(1);
    await expect(item.textContent()).resolves.toContain('رضا احمدی');
    await expect(item.textContent()).resolves.toContain('۷ آذر ۱۴۰۵');
    // On the month grid, on 7 Azar (the ISO day 2026-11-28) and on no other day.
    await expect(page.locator('.month-grid td[data-day="2026-11-28"] .chip').textContent()).resolves.toContain('رضا احمدی');
    await expect(page.locator('.month-grid .chip').count()).resolves.toBe(1);

    // Not a day (there is no 13th month): an inline message, the day panel unchanged.
    const dayField = page.getByRole('combobox', { name: 'روز', exact: true });
    const title = page.locator('#day-title');
    const before = await title.textContent();
    await dayField.fill('1405/13/40');
    await dayField.press('Enter');
    await expect(dayField.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByRole('alert').filter({ hasText: 'این تاریخ معتبر نیست' }).textContent()).resolves.toContain('۱۴۰۵/۰۹/۰۷');
    await expect(title.textContent()).resolves.toBe(before);
    await dayField.fill('۱۴۰۵/۰۹/۱۰');
    expect(await settle(() => title.textContent(), 'روز سه‌شنبه ۱۰ آذر')).toContain('۱۰ آذر');
    await expect(dayField.getAttribute('aria-invalid')).resolves.toBe('false');
  });

  it('picks a day from the keyboard: arrows (mirrored right to left), PageDown, Enter; Escape closes and gives focus back', async () => {
    ({ page } = await openTehran());
    await page.getByRole('button', { name: 'مرخصی‌ها', exact: true }).click();
    const dayField = page.getByRole('combobox', { name: 'روز', exact: true });
    await expect(dayField.inputValue()).resolves.toBe('۱۴۰۵/۰۹/۰۷');
    await dayField.focus();
    await page.keyboard.press('ArrowDown');
    const picker = page.getByRole('dialog', { name: /انتخاب تاریخ/ });
    await picker.waitFor();
    await expect(picker.getByRole('grid').getAttribute('aria-labelledby')).resolves.toBeTruthy();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(await settle(focused, 'شنبه ۷ آذر ۱۴۰۵')).toBe('شنبه ۷ آذر ۱۴۰۵');
    // Right to left: the next day is to the left.
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('یکشنبه ۸ آذر ۱۴۰۵');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('یکشنبه ۱۵ آذر ۱۴۰۵');
    await page.keyboard.press('PageDown');
    expect(await focused()).toBe('سه\u200cشنبه ۱۵ دی ۱۴۰۵');
    await expect(picker.getByRole('grid').locator('button').first().getAttribute('aria-label')).resolves.toBe('سه\u200cشنبه ۱ دی ۱۴۰۵');
    await noSeriousFindings(page);
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'detached' });
    // 15 Dey 1405 is 2027-01-05.
    await expect(dayField.inputValue()).resolves.toBe('۱۴۰۵/۱۰/۱۵');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await expect(page.locator('#day-title').textContent()).resolves.toContain('۱۵ دی');

    // Escape closes without picking and gives focus back to the field.
    await page.keyboard.press('ArrowDown');
    await picker.waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await expect(dayField.inputValue()).resolves.toBe('۱۴۰۵/۱۰/۱۵');
  });

  it('the header’s calendar choice turns the same screens Gregorian, fields included', async () => {
    ({ page } = await openTehran());
    await page.getByRole('combobox', { name: 'تقویم' }).selectOption('gregorian');
    await page.getByRole('button', { name: 'مرخصی‌ها', exact: true }).click();
    const november = Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
    const shown = await monthShown(page);
    expect(shown.title).toBe('نوامبر ۲۰۲۶');
    expect(shown.days).toEqual(november);
    expect(shown.names[27]).toBe('شنبه ۲۸ نوامبر ۲۰۲۶');
    const dayField = page.getByRole('combobox', { name: 'روز', exact: true });
    await expect(dayField.inputValue()).resolves.toBe('۲۰۲۶/۱۱/۲۸');
    await dayField.fill('2026-12-01');
    expect(await settle(async () => ((await page.locator('#day-title').textContent()) ?? '').includes('۱ دسامبر'), true)).toBe(true);
    await noSeriousFindings(page);

    await page.getByRole('button', { name: 'تقویم', exact: true }).click();
    await page.getByRole('button', { name: 'نمای ماه' }).click();
    expect((await monthShown(page)).days).toEqual(november);
    await page.getByRole('button', { name: 'هفتهٔ تیم' }).click();
    await page.getByRole('columnheader').first().waitFor();
    const texts = await page.getByRole('columnheader').allTextContents();
    expect(texts.some((h) => h.includes('۲۹ نوامبر ۲۰۲۶'))).toBe(true);
    expect(texts.join(' ')).not.toContain('آذر');
  });
  it('picks a date inside the person dialog (a modal): Nowruz 1405 as the first day of employment', async () => {
    ({ page } = await openTehran());
    await page.getByRole('button', { name: 'کارکنان', exact: true }).click();
    await page.getByRole('button', { name: /رضا احمدی/ }).filter({ hasText: 'ویرایش' }).click();
    const dialog = page.getByRole('dialog', { name: /رضا احمدی/ });
    const start = dialog.getByRole('combobox', { name: 'آغاز همکاری' });
    await start.fill('1405/1/1');
    await start.press('ArrowDown');
    const picker = page.getByRole('dialog', { name: /انتخاب تاریخ/ });
    await picker.waitFor();
    // Inside the modal, not behind it: the day under the pointer is the picker's.
    expect(await settle(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), 'شنبه ۱ فروردین ۱۴۰۵')).toBe('شنبه ۱ فروردین ۱۴۰۵');
    await picker.getByRole('button', { name: 'یکشنبه ۲ فروردین ۱۴۰۵' }).click();
    await picker.waitFor({ state: 'detached' });
    await expect(start.inputValue()).resolves.toBe('۱۴۰۵/۰۱/۰۲');
    await dialog.getByRole('button', { name: 'ذخیره' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /رضا احمدی/ }).filter({ hasText: 'ویرایش' }).click();
    await expect(page.getByRole('dialog', { name: /رضا احمدی/ }).getByRole('combobox', { name: 'آغاز همکاری' }).inputValue()).resolves.toBe('۱۴۰۵/۰۱/۰۲');
  });
});
