import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { UPLOAD_PIECE_BYTES } from '../../core/contract';
import { startOfWeek, todayIn } from '../../core/time';
import { writeTicketsFile } from '../bench/tickets-file';
import { freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';
import { axeSerious, browserSession, settle } from './harness';

const session = browserSession();
let page: Page;
const ZONE = 'Europe/Warsaw';

/** Three weeks of half-hourly phone history before `monday`, 09:00–17:00 on weekdays: 20 calls of 5 minutes each. */
function history(monday: ReturnType<typeof startOfWeek>): string {
  const rows = ['interval_start,channel,volume,aht_seconds'];
  for (let d = -21; d < 0; d += 1) {
    const day = monday.add({ days: d });
    if (day.dayOfWeek > 5) continue;
    for (let h = 9; h < 17; h += 0.5) rows.push(`${day.toString()}T${String(Math.floor(h)).padStart(2, '0')}:${h % 1 ? '30' : '00'},phone,20,300`);
  }
  return rows.join('\n');
}

/**
 * A team in Warsaw with Anna on the phones 09:00–17:00 every weekday of this week and Bartek
 * 10:15–14:00 on Monday (so Monday's 10:00 half hour has 1.5 agents on average).
 */
function team(file: string, options: { withHistory: boolean; hours?: { openLocal: string; closeLocal: string }; ahtSeconds?: number; patienceSeconds?: number }) {
  const monday = startOfWeek(todayIn(ZONE), 'mon');
  const s = freshService(file);
  const t = s.run('team.create', { name: 'Wsparcie', timeZone: ZONE, locale: 'en-GB', currency: 'PLN' });
  const anna = s.run('person.create', { teamId: t.id, name: 'Anna Nowak', skills: ['phone'] });
  const bartek = s.run('person.create', { teamId: t.id, name: 'Bartek Wiśniewski', skills: ['phone'] });
  s.run('template.create', { teamId: t.id, code: 'D', name: 'Day', startLocal: '09:00', endLocal: '17:00', skill: 'phone' });
  s.run('shift.setCells', {
    teamId: t.id,
    entries: [
      ...[0, 1, 2, 3, 4].map((d) => ({ personId: anna.id, day: monday.add({ days: d }).toString(), value: { code: 'D' } })),
      { personId: bartek.id, day: monday.toString(), value: { startLocal: '10:15', endLocal: '14:00', skill: 'phone' } },
    ],
  });
  if (options.withHistory) s.run('volume.import', { teamId: t.id, csv: history(monday) });
  if (options.ahtSeconds || options.patienceSeconds) {
    s.run('staffing.setSettings', { teamId: t.id, channel: 'phone', model: 'erlang', targetServiceLevel: 0.8, targetSeconds: 20, ahtSeconds: options.ahtSeconds ?? null, shrinkage: 0.3, maxOccupancy: 0.85, patienceSeconds: options.patienceSeconds ?? null, responseMinutes: 60 });
  }
  if (options.hours) {
    const window = options.hours;
    s.run('staffing.setOpeningHours', { teamId: t.id, channel: 'phone', weekdays: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, windows: [window] })), closedOnHolidays: false });
  }
  s.close();
  return monday;
}

async function openForecast(file: string): Promise<void> {
  page = await session.open(file, { width: 1400, height: 1600 });
  await page.getByRole('button', { name: 'Forecast & staffing', exact: true }).click();
}

/** The chart's intervals for the day shown: a listbox, one option per interval. */
const intervals = (channel = 'phone') => page.getByRole('listbox', { name: new RegExp(`^Intervals of .* for ${channel}$`) });

describe('the forecast and staffing page', () => {
  it('sends a ticket export of several megabytes in pieces, and imports it whole', async () => {
    const file = tempFile();
    team(file, { withHistory: false });
    const csv = tempFile('tickets.csv');
    const bytes = writeTicketsFile(csv, 70_000);
    expect(bytes).toBeGreaterThan(UPLOAD_PIECE_BYTES);
    await openForecast(file);
    const sent: string[] = [];
    page.on('request', (r) => {
      const body = r.postData();
      if (body?.startsWith('{"method":"upload.append"')) sent.push(body);
    });
    await page.locator('input[type=file]').setInputFiles(csv);
    await page.getByRole('status').filter({ hasText: /^Imported 70,000 rows as [\d,]+ intervals \(/ }).waitFor();
    // In pieces: none of the requests carries the whole file.
    expect(sent).toHaveLength(Math.ceil(bytes / UPLOAD_PIECE_BYTES));
    for (const body of sent) expect(body.length).toBeLessThan((UPLOAD_PIECE_BYTES / 3) * 4 + 200);
  });

  it('imports ticket history from the UI, shows the forecast chart and a red under-staffed interval, and explains it', async () => {
    const file = tempFile();
    team(file, { withHistory: false });
    await openForecast(file);
    await page.getByRole('alert').filter({ hasText: 'Not enough ticket history' }).waitFor();

    const monday = startOfWeek(todayIn(ZONE), 'mon');
    await page.locator('input[type=file]').setInputFiles({ name: 'history.csv', mimeType: 'text/csv', buffer: Buffer.from(history(monday)) });
    await page.getByRole('status').filter({ hasText: 'Imported 240 rows as 240 intervals (phone)' }).waitFor();

    // The forecast chart: the weekday pattern comes back (20 a half hour) with the accuracy beside it.
    const volume = page.getByRole('img', { name: 'Forecast contacts per interval for phone' });
    await volume.locator('svg.recharts-surface').first().waitFor();
    expect(await volume.locator('.recharts-line-curve').count()).toBe(2);
    await expect(page.getByRole('table', { name: /Forecast accuracy/ }).getByRole('rowheader').allTextContents()).resolves.toHaveLength(3);

    // 20 calls × 300 s per half hour is 3.3 Erlangs: one agent on shift is short, so Monday's daytime bars are red.
    await page.getByRole('button', { name: /^Mon \d+ \w+/ }).click();
    const tenOClock = intervals().getByRole('option', { name: /^10:00–10:30: 1\.5 on shift, \d+ needed, under-staffed$/ });
    await tenOClock.waitFor();
    await tenOClock.click();
    const why = page.getByRole('region', { name: 'Why this interval' });
    await why.waitFor();
    const text = (await why.textContent()) ?? '';
    expect(text).toContain('Contacts20');
    expect(text).toContain('Traffic (Erlangs)3.33');
    expect(text).toMatch(/Agents needed\d+ \(\d+ to schedule with shrinkage\)/);
    await expect(page.getByRole('table', { name: 'Per day (volume-weighted)' }).getByRole('row').count()).resolves.toBe(8);
    // The same explanation from the keyboard: the list of under-staffed intervals.
    await page.getByText(/^\d+ under-staffed intervals$/).click();
    await page.getByRole('button', { name: /11:00: 1 on shift, \d+ needed/ }).first().click();
    await expect(why.getByRole('heading').textContent()).resolves.toMatch(/11:00–11:30$/);
  });

  it('with a patience, shows what the requirement gives (answered in time and hang-ups), the predicted hang-ups, and edits the channel’s maximum', async () => {
    const file = tempFile();
    team(file, { withHistory: true, patienceSeconds: 45 });
    await openForecast(file);
    await page.getByRole('button', { name: /^Mon \d+ \w+/ }).click();
    await intervals().getByRole('option', { name: /^10:00–10:30:/ }).click();
    const why = page.getByRole('region', { name: 'Why this interval' });
    const text = (await why.textContent()) ?? '';
    // 3.33 Erlangs: the requirement answers most callers in time and loses at most 5 % to hang-ups.
    const gives = /Agents needed(\d+) \(\d+ to schedule with shrinkage\) · ([\d.]+)% answered in time, ([\d.]+)% hang up/.exec(text);
    expect(gives).not.toBeNull();
    expect(Number(gives?.[2])).toBeGreaterThanOrEqual(80);
    expect(Number(gives?.[3])).toBeLessThanOrEqual(5);
    expect(text).toMatch(/Predicted hang-ups[\d.]+%/);
    const days = page.getByRole('table', { name: 'Per day (volume-weighted)' });
    expect(await days.getByRole('columnheader').allTextContents()).toContain('Predicted hang-ups');

    const form = page.getByRole('form', { name: 'Staffing targets for Phone' });
    const max = form.getByRole('textbox', { name: 'Maximum hang-ups (%)' });
    await expect(max.inputValue()).resolves.toBe('5');
    await expect(form.getByRole('textbox', { name: 'Short hang-ups not counted (seconds)' }).inputValue()).resolves.toBe('0');
    await max.fill('0');
    await form.getByRole('button', { name: 'Save targets' }).click();
    // Refused at its own field, and nothing saved.
    await form.locator('input[aria-invalid="true"]').waitFor();
    await expect(max.getAttribute('aria-invalid')).resolves.toBe('true');
    await max.fill('10');
    await form.getByRole('button', { name: 'Save targets' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Forecast & staffing', exact: true }).click();
    await expect(page.getByRole('form', { name: 'Staffing targets for Phone' }).getByRole('textbox', { name: 'Maximum hang-ups (%)' }).inputValue()).resolves.toBe('10');
  });

  it('makes each interval a whole column to click or reach by keyboard, with waits in minutes and seconds and on-shift averages explained', async () => {
    const file = tempFile();
    // Calls of 65 s: 0.72 Erlangs, so one agent answers them (ASA near three minutes).
    team(file, { withHistory: true, ahtSeconds: 65 });
    await openForecast(file);
    await page.getByRole('button', { name: /^Mon \d+ \w+/ }).click();
    const list = intervals();
    await list.waitFor();
    // A day of half hours: 48 columns, each as tall as the chart and wide enough to hit (not a 2 px bar).
    const options = list.getByRole('option');
    await expect(options.count()).resolves.toBe(48);
    const ten = list.getByRole('option', { name: /^10:00–10:30:/ });
    const box = await ten.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(20);
    expect(box?.height).toBeGreaterThanOrEqual(150);

    // A mouse click at the top of the column (far above the bar) picks it, with no focus box left behind.
    await page.mouse.click((box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + 5);
    const why = page.getByRole('region', { name: 'Why this interval' });
    await expect(why.getByRole('heading').textContent()).resolves.toMatch(/10:00–10:30$/);
    await expect(ten.getAttribute('aria-selected')).resolves.toBe('true');
    const outline = () => page.evaluate(() => (document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : 'none'));
    await expect(outline()).resolves.toBe('none');
    expect(await page.locator('.recharts-active-bar, .recharts-rectangle[stroke="#000"]').count()).toBe(0);

    // Bartek starts at 10:15: 1.5 agents over the half hour, said as an average; waits in minutes and seconds.
    let text = (await why.textContent()) ?? '';
    expect(text).toContain('On shift1.5 on average (breaks and shift edges counted)');
    expect(text).toContain('Handle time (AHT)1 min, 5 secs');
    expect(text).toMatch(/Average wait \(ASA\)\d+ mins?(, \d+ secs?)?Occupancy/);
    expect(text).toContain('Predicted service level');
    expect(text).toMatch(/target 80% within 20 secs/);
    expect(text).not.toMatch(/\d s\b/);
    const days = page.getByRole('table', { name: 'Per day (volume-weighted)' });
    const asaCol = (await days.getByRole('columnheader').allTextContents()).indexOf('Average wait (ASA)') - 1;
    await expect(days.getByRole('row').nth(1).getByRole('cell').nth(asaCol).textContent()).resolves.toMatch(/^\d+ mins?(, \d+ secs?)?$/);

    // The keyboard: Tab reaches the picked interval, the arrows move along the day and explain each one.
    await page.getByRole('button', { name: /^Sun \d+ \w+/ }).focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).resolves.toMatch(/^10:00–10:30:/);
    await page.keyboard.press('ArrowRight');
    await expect(why.getByRole('heading').textContent()).resolves.toMatch(/10:30–11:00$/);
    await expect(list.getByRole('option', { name: /^10:30–11:00:/ }).getAttribute('aria-selected')).resolves.toBe('true');
    // The keyboard's focus is shown (the app's ring), the mouse's is not.
    await expect(outline()).resolves.toBe('solid');
    await page.keyboard.press('End');
    await expect(why.getByRole('heading').textContent()).resolves.toMatch(/23:30–00:00$/);
    text = (await why.textContent()) ?? '';
    expect(text).toContain('On shift0');
    // The chart's options, the tooltip and the explanation pass axe-core as they stand.
    expect(await axeSerious(page)).toEqual([]);
  });

  it('shades closed hours, needs nobody then, and counts the contacts that fall outside opening hours', async () => {
    const file = tempFile();
    // Open 10:00–16:00 on weekdays: the history's 09:00–10:00 and 16:00–17:00 calls now fall outside.
    team(file, { withHistory: true, hours: { openLocal: '10:00', closeLocal: '16:00' } });
    await openForecast(file);
    const notice = page.getByText(/^[\d,]+ contacts fall outside opening hours this week/);
    await notice.waitFor();
    const outside = Number((/^([\d,]+)/.exec((await notice.textContent()) ?? '')?.[1] ?? '0').replace(/,/g, ''));
    // Four half hours of about 20 calls a weekday, five weekdays.
    expect(outside).toBeGreaterThan(250);
    expect(outside).toBeLessThan(550);

    // Per day: Monday's contacts outside hours in their own column; the weekend is closed all day.
    const days = page.getByRole('table', { name: 'Per day (volume-weighted)' });
    const header = await days.getByRole('columnheader').allTextContents();
    const col = header.indexOf('Outside opening hours');
    expect(col).toBeGreaterThan(0);
    const mondayRow = days.getByRole('row').nth(1);
    expect(Number(await mondayRow.getByRole('cell').nth(col - 1).textContent())).toBeGreaterThan(50);
    const slCol = header.indexOf('Predicted service level');
    await expect(days.getByRole('row').nth(7).getByRole('cell').nth(slCol - 1).textContent()).resolves.toBe('closed');
    await page.getByRole('button', { name: /^Sun \d+ \w+ closed$/ }).waitFor();

    // Monday 09:00: closed, nothing needed, the calls counted outside hours, and Anna's bar still drawn (grey).
    await page.getByRole('button', { name: /^Mon \d+ \w+/ }).click();
    const nine = intervals().getByRole('option', { name: /^09:00–09:30: closed, [\d.]+ contacts outside opening hours, 1 on shift$/ });
    await nine.waitFor();
    await intervals().getByRole('option', { name: /^10:00–10:30: .* needed, under-staffed$/ }).waitFor();
    const chart = page.locator('.coverage-chart svg');
    expect(await chart.locator('rect[fill^="url(#"]').count()).toBe(2);
    expect(await chart.locator('rect[data-status="closed"]').evaluateAll((bars) => bars.filter((b) => Number(b.getAttribute('height')) > 0).length)).toBe(4);
    expect(await chart.getByText('Closed').count()).toBe(2);
    await nine.click();
    const why = page.getByRole('region', { name: 'Why this interval' });
    const text = (await why.textContent()) ?? '';
    expect(text).toMatch(/The channel is closed: nobody is needed\. The [\d.]+ contacts forecast here fall outside opening hours\./);
    expect(text).not.toContain('Agents needed');

    // The notice leads to the opening hours.
    await notice.getByRole('button', { name: 'Edit opening hours' }).click();
    await expect(page.evaluate(() => document.activeElement?.closest('form')?.getAttribute('aria-label') ?? '')).resolves.toBe('Opening hours for phone');
  });

  it('edits a channel’s opening hours: windows per weekday, copy to the working week, holidays, around the clock, errors at their field', async () => {
    const file = tempFile();
    const s = freshService(file);
    s.run('demo.create', {});
    s.close();
    page = await session.open(file, { width: 1280, height: 900 });
    await page.getByRole('grid').waitFor();
    await page.getByRole('button', { name: 'Forecast & staffing', exact: true }).click();
    const form = page.getByRole('form', { name: 'Opening hours for phone' });
    await form.waitFor();

    // The demo's phones: weekdays 08:00–20:00, Saturday 09:00–14:00, closed on Sundays and holidays.
    await expect(form.getByRole('checkbox', { name: 'Open around the clock' }).isChecked()).resolves.toBe(false);
    await expect(form.getByLabel('Monday opens', { exact: true }).inputValue()).resolves.toBe('08:00');
    await expect(form.getByLabel('Monday closes', { exact: true }).inputValue()).resolves.toBe('20:00');
    await expect(form.getByLabel('Saturday closes', { exact: true }).inputValue()).resolves.toBe('14:00');
    await expect(form.getByRole('group', { name: 'Sunday' }).textContent()).resolves.toContain('Closed');
    await expect(form.getByRole('checkbox', { name: 'Closed on public holidays' }).isChecked()).resolves.toBe(true);

    // A time that is no time: refused, and said at that field only.
    await form.getByLabel('Wednesday opens', { exact: true }).fill('25:00');
    await form.getByRole('button', { name: 'Save opening hours' }).click();
    await form.getByRole('group', { name: 'Wednesday' }).getByRole('alert').filter({ hasText: 'Not in the expected format' }).waitFor();
    await expect(form.getByLabel('Wednesday opens', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(form.getByRole('alert').count()).resolves.toBe(1);
    // Typed the short way, or in Persian digits, it is written HH:MM.
    await form.getByLabel('Wednesday opens', { exact: true }).fill('۸');
    await form.getByLabel('Wednesday opens', { exact: true }).blur();
    await expect(form.getByLabel('Wednesday opens', { exact: true }).inputValue()).resolves.toBe('08:00');

    // A closing time before the opening: refused, and said at that field.
    await form.getByLabel('Tuesday closes', { exact: true }).fill('07:00');
    await form.getByRole('button', { name: 'Save opening hours' }).click();
    const tuesday = form.getByRole('group', { name: 'Tuesday' });
    await tuesday.getByRole('alert').filter({ hasText: 'Closes before it opens' }).waitFor();
    await expect(form.getByLabel('Tuesday closes', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(form.getByLabel('Tuesday opens', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('false');
    expect(await axeSerious(page)).toEqual([]);

    // Monday gets a lunch break and goes to Tuesday–Friday in one step; Saturday closes; Sunday opens in the morning.
    await form.getByLabel('Monday closes', { exact: true }).fill('12:00');
    await form.getByRole('button', { name: 'Add hours on Monday' }).click();
    await form.getByLabel('Monday opens (2)', { exact: true }).fill('13:00');
    await form.getByLabel('Monday closes (2)', { exact: true }).fill('20:00');
    await form.getByRole('button', { name: 'Copy Monday to Tuesday–Friday' }).click();
    await expect(form.getByLabel('Friday opens (2)', { exact: true }).inputValue()).resolves.toBe('13:00');
    await form.getByRole('button', { name: 'Remove 09:00–14:00 on Saturday' }).click();
    await expect(form.getByRole('group', { name: 'Saturday' }).textContent()).resolves.toContain('Closed');
    await form.getByRole('button', { name: 'Add hours on Sunday' }).click();
    await form.getByLabel('Sunday opens', { exact: true }).fill('10:00');
    await form.getByLabel('Sunday closes', { exact: true }).fill('00:00');
    await form.getByRole('checkbox', { name: 'Closed on public holidays' }).uncheck();
    await expect(form.textContent()).resolves.toContain('69 open hours a week');
    await form.getByRole('button', { name: 'Save opening hours' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await expect(form.getByRole('alert').count()).resolves.toBe(0);

    // Stored: after a reload the form shows what was saved (00:00 as a closing time is midnight).
    await page.reload();
    await page.getByRole('button', { name: 'Forecast & staffing', exact: true }).click();
    await form.waitFor();
    expect(await settle(() => form.getByLabel('Thursday closes (2)', { exact: true }).inputValue(), '20:00')).toBe('20:00');
    await expect(form.getByLabel('Thursday closes (1)', { exact: true }).inputValue()).resolves.toBe('12:00');
    await expect(form.getByLabel('Sunday closes', { exact: true }).inputValue()).resolves.toBe('24:00');
    await expect(form.getByRole('group', { name: 'Saturday' }).textContent()).resolves.toContain('Closed');
    await expect(form.getByRole('checkbox', { name: 'Closed on public holidays' }).isChecked()).resolves.toBe(false);

    // Chat around the clock: the weekday rows go, and the coverage of chat needs people at 03:00.
    await page.getByRole('combobox', { name: 'Channel' }).selectOption('chat');
    const chat = page.getByRole('form', { name: 'Opening hours for chat' });
    await chat.getByRole('checkbox', { name: 'Open around the clock' }).check();
    await expect(chat.getByLabel('Monday opens', { exact: true }).count()).resolves.toBe(0);
    await chat.getByRole('button', { name: 'Save opening hours' }).click();
    await chat.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await expect(chat.textContent()).resolves.toContain('168 open hours a week');
    await intervals('chat').getByRole('option', { name: /^03:00–03:30: .* needed/ }).waitFor();
  });

  it('runs the opening hours in a Tehran team’s own week: Saturday first, Saturday copied to Sunday–Wednesday, in Persian', async () => {
    const file = tempFile();
    const s = freshService(file);
    s.run('team.create', { name: 'پشتیبانی تهران', timeZone: 'Asia/Tehran', locale: 'fa-IR', currency: 'IRR', weekStart: 'sat', skills: ['phone'] });
    s.run('settings.set', { language: 'fa' });
    s.close();
    page = await session.open(file, { width: 1280, height: 900 });
    await page.getByRole('button', { name: 'پیش‌بینی و نیرو', exact: true }).click();
    const form = page.getByRole('form', { name: 'ساعات کاری تلفن' });
    await form.getByRole('checkbox', { name: 'شبانه‌روزی باز' }).uncheck();
    // Office hours start where the team's week does: Saturday to Wednesday open, Thursday and Friday closed.
    const rows = await form.locator('.hours-day-name').allTextContents();
    expect(rows).toEqual(['شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه']);
    await expect(form.getByRole('group', { name: 'جمعه' }).textContent()).resolves.toContain('تعطیل');
    await form.getByLabel('پایان کار شنبه', { exact: true }).fill('۱۶:۰۰');
    await form.getByRole('button', { name: 'کپی شنبه به یکشنبه تا چهارشنبه' }).click();
    // Shown in the screen's digits, saved as 16:00 (the week's 35 hours below).
    await expect(form.getByLabel('پایان کار چهارشنبه', { exact: true }).inputValue()).resolves.toBe('۱۶:۰۰');
    await expect(form.getByRole('group', { name: 'پنجشنبه' }).textContent()).resolves.toContain('تعطیل');
    await form.getByRole('button', { name: 'ذخیرهٔ ساعات کاری' }).click();
    await form.getByRole('status').filter({ hasText: 'ذخیره شد' }).waitFor();
    await expect(form.textContent()).resolves.toContain('۳۵ ساعت کاری در هفته');
  });
});
