import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Language } from '../../core/contract';
import { toCsv } from '../../core/csv';
import { startOfWeek, todayIn } from '../../core/time';
import { freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';
import { axeSerious, browserSession, cellText, rotaCell, settle } from './harness';

const session = browserSession();
const PEOPLE = 300;

/**
 * A team of 300 ("Agent 1" … "Agent 300", in that order on screen) whose first 60 work an early
 * shift on Monday 1 March 2027 and on this week's Monday. In English it is opened on the week of
 * 1 March (names of fixed days); in Persian on this week (its date field takes Persian dates).
 */
async function openBigTeam(language: Language = 'en'): Promise<Page> {
  const file = tempFile();
  const s = freshService(file);
  s.run('settings.set', { language });
  const team = s.run('team.create', { name: 'Big desk', timeZone: 'Europe/Warsaw', locale: 'en-GB', currency: 'PLN' });
  const header = ['name', 'email', 'phone', 'skills', 'contract_hours', 'hourly_rate'];
  s.run('person.import', { teamId: team.id, csv: toCsv([header, ...Array.from({ length: PEOPLE }, (_, i) => [`Agent ${i + 1}`, `a${i + 1}@example.com`, '', 'phone', 40, 30])]) });
  s.run('template.create', { teamId: team.id, code: 'E', name: 'Early', startLocal: '07:00', endLocal: '15:00', breakMinutes: 30, skill: 'phone' });
  const people = s.run('person.list', { teamId: team.id });
  const early = people.filter((p) => Number(p.name.split(' ')[1]) <= 60);
  for (const day of ['2027-03-01', startOfWeek(todayIn('Europe/Warsaw'), 'mon').toString()]) {
    s.run('shift.setCells', { teamId: team.id, entries: early.map((p) => ({ personId: p.id, day, value: { code: 'E' } })) });
  }
  s.close();
  const page = await session.open(file, { width: 1280, height: 720 });
  await page.getByRole('grid').waitFor();
  if (language === 'en') await page.getByLabel('Go to date').fill('2027-03-01');
  // That week is the one whose first cell holds Agent 1's early shift.
  await page.locator('[role="grid"] tbody tr[aria-rowindex="2"] td.cell').first().filter({ hasText: 'E' }).waitFor();
  return page;
}

/** The cell with the keyboard: its row's aria-rowindex, its column (0 = the names) and whether the wrapper shows it whole. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const tr = el?.closest('tr');
    const wrap = el?.closest('.grid-wrap');
    if (!(el instanceof HTMLTableCellElement) || !tr || !wrap) return null;
    const c = el.getBoundingClientRect();
    const w = wrap.getBoundingClientRect();
    const head = wrap.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const names = wrap.querySelector('tbody th')?.getBoundingClientRect().width ?? 0;
    const rtl = getComputedStyle(wrap).direction === 'rtl';
    // In sight: inside the wrapper, not under the sticky head row nor the sticky names column.
    const inSight = c.top >= w.top + head - 1 && c.bottom <= w.bottom + 1 && (rtl ? c.right <= w.right - names + 1 && c.left >= w.left - 1 : c.left >= w.left + names - 1 && c.right <= w.right + 1);
    return { row: Number(tr.getAttribute('aria-rowindex')), col: el.cellIndex, inSight };
  });
}

/** How many people rows are in the page. */
const renderedRows = (page: Page) => page.locator('[role="grid"] tbody tr[role="row"]').count();

describe('the rota grid of a 300-person team', () => {
  it('renders only the rows in view, and tells a screen reader the whole size', async () => {
    const page = await openBigTeam();
    const grid = page.getByRole('grid');
    // Head row, 300 people, "phone on shift" and the totals.
    await expect(grid.getAttribute('aria-rowcount')).resolves.toBe(String(1 + PEOPLE + 2));
    expect(await renderedRows(page)).toBeLessThan(60);
    // Each rendered row says where it stands among all of them.
    await page.locator('.grid-wrap').evaluate((w) => (w.scrollTop = w.scrollHeight / 2));
    const row150 = page.getByRole('row', { name: /^Agent 150\b/ });
    await row150.waitFor();
    await expect(row150.getAttribute('aria-rowindex')).resolves.toBe('151');
    expect(await renderedRows(page)).toBeLessThan(60);
    await expect(page.getByRole('row', { name: /^Team total/ }).getAttribute('aria-rowindex')).resolves.toBe(String(1 + PEOPLE + 2));
    expect(await axeSerious(page)).toEqual([]);
  });

  it('prints every person, not only the rows in view', async () => {
    const page = await openBigTeam();
    expect(await renderedRows(page)).toBeLessThan(60);
    // The printed rota is its own table of the whole team (it follows the screen a moment later).
    const printed = () => page.locator('.print-rota tbody tr').evaluateAll((rows) => rows.filter((r) => /^Agent \d+$/.test(r.querySelector('th')?.textContent ?? '')).length);
    expect(await settle(printed, PEOPLE)).toBe(PEOPLE);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-rota tbody tr').filter({ hasText: 'Agent 300' }).isVisible()).resolves.toBe(true);
  });

  it('moves the keyboard to rows out of view (arrows, PageDown, Ctrl+End) and scrolls them into sight', async () => {
    const page = await openBigTeam();
    await rotaCell(page, 'Agent 1, Monday 1 March').click();
    for (let i = 0; i < 25; i += 1) await page.keyboard.press('ArrowDown');
    expect(await settle(() => focused(page), { row: 27, col: 1, inSight: true })).toEqual({ row: 27, col: 1, inSight: true });
    await page.keyboard.press('PageDown');
    const paged = await focused(page);
    expect(paged?.row).toBeGreaterThan(30);
    expect(paged?.inSight).toBe(true);
    await page.keyboard.press('Control+End');
    expect(await settle(() => focused(page), { row: PEOPLE + 1, col: 7, inSight: true })).toEqual({ row: PEOPLE + 1, col: 7, inSight: true });
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('Agent 300, Sunday 7 March');
    await page.keyboard.press('ArrowUp');
    expect(await settle(() => focused(page), { row: PEOPLE, col: 7, inSight: true })).toEqual({ row: PEOPLE, col: 7, inSight: true });
    await page.keyboard.press('Control+Home');
    expect(await settle(() => focused(page), { row: 2, col: 1, inSight: true })).toEqual({ row: 2, col: 1, inSight: true });
    expect(await renderedRows(page)).toBeLessThan(70);
  });

  it('scrolls while a mouse selection is held at the bottom edge, and the selection follows', async () => {
    const page = await openBigTeam();
    // Tuesday: an empty cell (pressing on a shift would drag the shift, to copy it).
    const first = rotaCell(page, 'Agent 1, Tuesday 2 March');
    const start = await first.boundingBox();
    const wrap = await page.locator('.grid-wrap').boundingBox();
    if (!start || !wrap) throw new Error('no grid on screen');
    const bottom = Math.min(wrap.y + wrap.height, 720);
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await page.mouse.down();
    // Down the column to just above the grid's bottom edge, then hold there.
    await page.mouse.move(start.x + start.width / 2, bottom - 8, { steps: 8 });
    await page.waitForFunction(() => (document.querySelector('.grid-wrap')?.scrollTop ?? 0) > 1500, undefined, { timeout: 10_000 });
    await page.mouse.up();
    const scrolled = await page.locator('.grid-wrap').evaluate((w) => w.scrollTop);
    // The selection runs from Agent 1 to the row under the pointer, far below the first screen.
    await page.keyboard.press('Control+c');
    const copied = await page.getByRole('status').filter({ hasText: /^Copied \d+ cells/ }).textContent();
    const cells = Number(/Copied (\d+)/.exec(copied ?? '')?.[1]);
    expect(cells).toBeGreaterThan(1500 / 40);
    expect(cells).toBeLessThan(PEOPLE);
    // Nothing moves once the button is up.
    await page.waitForTimeout(300);
    await expect(page.locator('.grid-wrap').evaluate((w) => w.scrollTop)).resolves.toBe(scrolled);
  });

  it('copies a selection reaching rows out of view and pastes all its rows', async () => {
    const page = await openBigTeam();
    await rotaCell(page, 'Agent 1, Monday 1 March').click();
    for (let i = 0; i < 59; i += 1) await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+c');
    await page.getByRole('status').filter({ hasText: 'Copied 60 cells' }).waitFor();
    // Agent 1's row is long out of view; the selection is places in the week, not elements.
    await expect(page.getByRole('row', { name: /^Agent 1\b/ }).count()).resolves.toBe(0);
    // Paste on Tuesday of Agent 201: the block lands on Agents 201–260.
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 141; i += 1) await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('Agent 201, Tuesday 2 March');
    await page.keyboard.press('Control+v');
    await settle(() => cellText(rotaCell(page, 'Agent 201, Tuesday 2 March')), 'E 07:00–15:00');
    await expect(cellText(rotaCell(page, 'Agent 201, Tuesday 2 March'))).resolves.toBe('E 07:00–15:00');
    // The last pasted row, 59 rows further, out of view until the keyboard goes there.
    for (let i = 0; i < 59; i += 1) await page.keyboard.press('ArrowDown');
    await expect(settle(() => cellText(rotaCell(page, 'Agent 260, Tuesday 2 March')), 'E 07:00–15:00')).resolves.toBe('E 07:00–15:00');
    await page.keyboard.press('ArrowDown');
    await expect(cellText(rotaCell(page, 'Agent 261, Tuesday 2 March'))).resolves.toBe('');
    const phone = page.getByRole('row', { name: /^phone on shift/ });
    expect(await settle(() => phone.getByRole('gridcell').nth(1).textContent(), '60')).toBe('60');
  });

  it('in Persian, right to left, the keyboard still scrolls far rows and the last day into sight', async () => {
    const page = await openBigTeam('fa');
    await page.locator('[role="grid"] tbody td[role="gridcell"]').first().click();
    await page.keyboard.press('Control+End');
    expect(await settle(() => focused(page), { row: PEOPLE + 1, col: 7, inSight: true })).toEqual({ row: PEOPLE + 1, col: 7, inSight: true });
    await page.keyboard.press('Home');
    expect(await settle(() => focused(page), { row: PEOPLE + 1, col: 1, inSight: true })).toEqual({ row: PEOPLE + 1, col: 1, inSight: true });
    expect(await axeSerious(page)).toEqual([]);
  });
});
