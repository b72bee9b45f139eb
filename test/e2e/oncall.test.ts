import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Temporal, todayIn } from '../../core/time';
import { freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';
import { browserSession, rotaCell, settle } from './harness';

const session = browserSession();
let page: Page;
const ZONE = 'Europe/Warsaw';

/** "Monday 23 November", as the page names a day in English. */
const dayLong = (d: Temporal.PlainDate) => new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(d.year, d.month - 1, d.day)));
/** Monday of this week in Warsaw. */
const thisMonday = () => {
  const today = todayIn(ZONE);
  return today.subtract({ days: today.dayOfWeek - 1 });
};

function warsaw() {
  const file = tempFile();
  const s = freshService(file);
  const team = s.run('team.create', { name: 'Wsparcie', timeZone: ZONE, locale: 'pl-PL', currency: 'PLN' });
  const anna = s.run('person.create', { teamId: team.id, name: 'Anna Nowak', phone: '+48 600 100 200' });
  const piotr = s.run('person.create', { teamId: team.id, name: 'Piotr Wiśniewski', phone: '+48 600 300 400' });
  return { file, s, team, anna, piotr };
}

async function openOnCall(file: string, height = 1200) {
  page = await session.open(file, { width: 1360, height });
  await page.getByRole('button', { name: 'On-call', exact: true }).click();
}

describe('the on-call page', () => {
  it('shows who is on call now, lets an override take over, and creates a rotation', async () => {
    const { file, s, team, anna } = warsaw();
    const start = todayIn(ZONE).subtract({ days: 3 }).toString();
    s.run('rotation.create', { teamId: team.id, name: 'Dyżur', layers: [{ name: 'All the time', participants: [anna.id], turnUnit: 'days', turnLength: 1, startDay: start, handoffTime: '09:00' }] });
    s.close();
    await openOnCall(file);

    const card = page.getByRole('region', { name: 'Dyżur', exact: true });
    const now = card.getByRole('definition').first();
    expect(await settle(() => now.getByRole('strong').textContent(), 'Anna Nowak')).toBe('Anna Nowak');
    await expect(now.textContent()).resolves.toContain('+48 600 100 200');

    // Piotr covers from an hour ago for three hours (local time in Warsaw).
    const local = Temporal.Now.zonedDateTimeISO(ZONE);
    const fmt = (z: Temporal.ZonedDateTime) => z.toPlainDateTime().toString().slice(0, 16);
    const form = page.getByRole('form', { name: 'Add override' });
    await form.getByLabel('Who covers').selectOption({ label: 'Piotr Wiśniewski' });
    await form.getByLabel('From').fill(fmt(local.subtract({ hours: 1 })));
    await form.getByLabel('To').fill(fmt(local.add({ hours: 2 })));
    await form.getByRole('button', { name: 'Add override' }).click();
    expect(await settle(() => now.getByRole('strong').textContent(), 'Piotr Wiśniewski')).toBe('Piotr Wiśniewski');
    await page.getByRole('button', { name: 'Delete override of Piotr Wiśniewski' }).click();
    expect(await settle(() => now.getByRole('strong').textContent(), 'Anna Nowak')).toBe('Anna Nowak');

    // The load over the days shown: Anna is the only one on call, Piotr (on no rotation) is not listed.
    const fair = page.getByRole('table', { name: /^How the load is shared/ });
    expect(await settle(() => fair.getByRole('rowheader').allTextContents(), ['Anna Nowak'])).toEqual(['Anna Nowak']);

    // The rota shows who is on call: a mark in Anna's cell today, and the "On call" footer row.
    await page.getByRole('button', { name: 'Rota', exact: true }).click();
    const today = todayIn(ZONE);
    const mark = rotaCell(page, `Anna Nowak, ${dayLong(today)}`).getByRole('img');
    expect(await settle(() => mark.getAttribute('aria-label'), 'On call 00:00–24:00 (Dyżur)')).toBe('On call 00:00–24:00 (Dyżur)');
    // Today's column of the footer (the team's week starts on Monday).
    await expect(page.getByRole('row', { name: /^On call/ }).getByRole('gridcell').nth(today.dayOfWeek - 1).textContent()).resolves.toBe('Anna Nowak');
    await page.getByRole('button', { name: 'On-call', exact: true }).click();

    // Pausing: nobody is on call now; resuming brings Anna back.
    await card.getByRole('button', { name: 'Pause rotation' }).click();
    await card.getByRole('status').filter({ hasText: 'Paused since' }).waitFor();
    await card.getByRole('button', { name: 'Resume rotation' }).click();
    expect(await settle(() => card.getByRole('definition').first().getByRole('strong').textContent(), 'Anna Nowak')).toBe('Anna Nowak');

    // A second rotation from the editor: weekends only, Piotr.
    await page.getByRole('combobox', { name: 'Rotation', exact: true }).selectOption({ label: 'New rotation' });
    const editor = page.getByRole('form', { name: 'Create a rotation' });
    await editor.getByLabel('Name', { exact: true }).fill('Weekend');
    await editor.getByRole('checkbox', { name: 'Piotr Wiśniewski' }).check();
    await editor.getByLabel('When this layer covers').selectOption({ label: 'Weekends, Saturday 00:00 – Monday 00:00' });
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

  it('shows who is on call now and next in every rotation, with their phones', async () => {
    const { file, s, team, anna, piotr } = warsaw();
    const ewa = s.run('person.create', { teamId: team.id, name: 'Ewa Lis', phone: '+48 600 500 600' });
    const start = todayIn(ZONE).subtract({ days: 3 });
    s.run('rotation.create', { teamId: team.id, name: 'Dyżur', layers: [{ name: 'Daily', participants: [anna.id, piotr.id], turnUnit: 'days', turnLength: 1, startDay: start.toString(), handoffTime: '09:00' }] });
    s.run('rotation.create', { teamId: team.id, name: 'Weekend', layers: [{ name: 'Weekends', participants: [ewa.id], turnUnit: 'weeks', turnLength: 1, startDay: start.toString(), handoffTime: '09:00', restrictions: [{ fromDay: 6, fromTime: '08:00', toDay: 1, toTime: '08:00' }] }] });
    s.close();
    await openOnCall(file);

    // The daily turn that holds now began at 09:00 today, or yesterday before 09:00.
    const local = Temporal.Now.zonedDateTimeISO(ZONE);
    const turnDay = local.hour < 9 ? local.toPlainDate().subtract({ days: 1 }) : local.toPlainDate();
    const k = start.until(turnDay).days;
    const [current, next] = k % 2 === 0 ? ['Anna Nowak', 'Piotr Wiśniewski'] : ['Piotr Wiśniewski', 'Anna Nowak'];
    const handoff = `${dayLong(turnDay.add({ days: 1 }))} 09:00`;
    const daily = page.getByRole('region', { name: 'Dyżur', exact: true });
    // The name, then when the turn ends or starts as its own line, then the phone.
    expect(await settle(() => daily.getByRole('definition').first().textContent(), `${current}Until ${handoff}${current === 'Anna Nowak' ? '+48 600 100 200' : '+48 600 300 400'}`)).toBe(
      `${current}Until ${handoff}${current === 'Anna Nowak' ? '+48 600 100 200' : '+48 600 300 400'}`,
    );
    await expect(daily.getByRole('definition').nth(1).textContent()).resolves.toBe(`${next}From ${handoff}${next === 'Anna Nowak' ? '+48 600 100 200' : '+48 600 300 400'}`);

    // The weekend rotation has its own card: Ewa now (at the weekend) or next (from Saturday 08:00).
    const weekend = page.getByRole('region', { name: 'Weekend', exact: true });
    await expect(weekend.textContent()).resolves.toContain('Ewa Lis');
    await expect(weekend.textContent()).resolves.toContain('+48 600 500 600');
  });

  it('draws each layer, the overrides and the final schedule as named bars over the days, with prev and next', async () => {
    const { file, s, team, anna, piotr } = warsaw();
    const ewa = s.run('person.create', { teamId: team.id, name: 'Ewa Lis' });
    const monday = thisMonday();
    const r = s.run('rotation.create', {
      teamId: team.id,
      name: 'Dyżur',
      layers: [
        { name: 'Daily', participants: [anna.id, piotr.id], turnUnit: 'days', turnLength: 1, startDay: monday.toString(), handoffTime: '09:00' },
        { name: 'Weekends', participants: [ewa.id], turnUnit: 'weeks', turnLength: 1, startDay: monday.toString(), handoffTime: '09:00', restrictions: [{ fromDay: 6, fromTime: '08:00', toDay: 1, toTime: '08:00' }] },
      ],
    });
    // Piotr covers Anna's Wednesday evening.
    const wed = monday.add({ days: 2 });
    s.run('oncall.addOverride', { rotationId: r.id, personId: piotr.id, start: `${wed}T18:00`, end: `${wed}T22:00` });
    s.close();
    await openOnCall(file, 1400);

    const timeline = page.getByRole('region', { name: 'Timeline of Dyżur' });
    const row = (name: string) => timeline.getByRole('list', { name: new RegExp(`^${name}`) });
    const t = (d: Temporal.PlainDate, time: string) => `${dayLong(d)} ${time}`;
    // The base layer: Anna's first turn, Monday 09:00 to Tuesday 09:00.
    await row('Daily').getByRole('listitem', { name: `Anna Nowak, ${t(monday, '09:00')} – ${t(monday.add({ days: 1 }), '09:00')} (Daily)` }).waitFor();
    // The weekend layer says its window in words and has Ewa from Saturday 08:00 to Monday 08:00.
    await expect(row('Weekends').getAttribute('aria-label')).resolves.toBe('Weekends (Weekends, Saturday 08:00 – Monday 08:00)');
    await timeline.getByText('Weekends, Saturday 08:00 – Monday 08:00', { exact: true }).waitFor();
    await row('Weekends').getByRole('listitem', { name: `Ewa Lis, ${t(monday.add({ days: 5 }), '08:00')} – ${t(monday.add({ days: 7 }), '08:00')} (Weekends)` }).waitFor();
    // The override in its row and in the final schedule; the final schedule also has the weekend layer's Ewa.
    await row('Overrides').getByRole('listitem', { name: `Piotr Wiśniewski, ${t(wed, '18:00')} – ${t(wed, '22:00')} (override)` }).waitFor();
    const final = row('Final schedule');
    await final.getByRole('listitem', { name: `Piotr Wiśniewski, ${t(wed, '18:00')} – ${t(wed, '22:00')} (override)` }).waitFor();
    await final.getByRole('listitem', { name: `Ewa Lis, ${t(monday.add({ days: 5 }), '08:00')} – ${t(monday.add({ days: 7 }), '08:00')} (Weekends)` }).waitFor();
    // Bars are reachable by keyboard.
    await expect(final.getByRole('listitem').first().getAttribute('tabindex')).resolves.toBe('0');

    // Two weeks from this Monday; "Later" moves on by two weeks.
    const range = (from: Temporal.PlainDate) => {
      const d = (x: Temporal.PlainDate) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(x.year, x.month - 1, x.day)));
      return `${d(from)} – ${d(from.add({ days: 13 }))}`;
    };
    await expect(page.getByText(range(monday), { exact: true }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Later', exact: true }).click();
    await page.getByText(range(monday.add({ days: 14 })), { exact: true }).waitFor();
    const later = monday.add({ days: 14 });
    await row('Daily').getByRole('listitem', { name: new RegExp(`^(Anna Nowak|Piotr Wiśniewski), ${t(later, '09:00')} – `) }).waitFor();
    expect(await row('Overrides').getByRole('listitem').count()).toBe(0);
  });

  it('says after saving a rotation which shifts it leaves too little rest, in the rule\u2019s words', async () => {
    const { file, s, team, anna } = warsaw();
    s.run('template.create', { teamId: team.id, code: 'E', name: 'Early', startLocal: '07:00', endLocal: '15:00' });
    const today = todayIn(ZONE);
    s.run('shift.setCells', { teamId: team.id, entries: Array.from({ length: 14 }, (_, i) => ({ personId: anna.id, day: today.add({ days: i }).toString(), value: { code: 'E' } })) });
    s.close();
    await openOnCall(file);

    const editor = page.getByRole('form', { name: 'Create a rotation' });
    await editor.getByLabel('Name', { exact: true }).fill('Weeknights');
    await editor.getByRole('checkbox', { name: 'Anna Nowak' }).check();
    await editor.getByLabel('When this layer covers').selectOption({ label: 'Weeknights, Monday–Friday 18:00 – 08:00' });
    await editor.getByRole('button', { name: 'Save rotation' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'leaves too little rest' });
    await alert.waitFor();
    const items = await alert.getByRole('listitem').allTextContents();
    await expect(alert.getByRole('heading').textContent()).resolves.toBe(`Saved. Weeknights leaves too little rest next to shifts on ${items.length} days in the next four weeks:`);
    expect(items.length).toBeGreaterThan(4);
    // One line a day with its shortest rest: 3 h from Monday's early to the evening's standby; other weekdays
    // also have the night before, whose standby ends at 08:00, after the 07:00 start (no rest at all).
    const day = nextWeekday(today);
    expect(items).toContain(`Anna Nowak · ${dayLong(day)} · Only ${day.dayOfWeek === 1 ? 3 : 0} h rest between on-call (Weeknights) and a shift (at least 11 h)`);
    expect(new Set(items).size).toBe(items.length);
    expect(items.every((x) => x.startsWith('Anna Nowak · ') && x.includes('rest between on-call (Weeknights) and a shift (at least 11 h)'))).toBe(true);
  });

  it('offers only future whole turns to swap, named with full dates, and lists both halves', async () => {
    const { file, s, team, anna, piotr } = warsaw();
    const first = todayIn(ZONE).with({ day: 1 });
    s.run('rotation.create', { teamId: team.id, name: 'Dyżur', layers: [{ name: 'Daily', participants: [anna.id, piotr.id], turnUnit: 'days', turnLength: 1, startDay: first.toString(), handoffTime: '09:00' }] });
    s.close();
    await openOnCall(file, 1400);
    const form = page.getByRole('form', { name: 'Swap two turns' });
    await form.waitFor();
    // The first turn offered is the next one to begin: today's at 09:00 if that is still ahead, else tomorrow's.
    const local = Temporal.Now.zonedDateTimeISO(ZONE);
    const day = local.hour < 9 ? local.toPlainDate() : local.toPlainDate().add({ days: 1 });
    const who = (d: Temporal.PlainDate) => (first.until(d).days % 2 === 0 ? 'Anna Nowak' : 'Piotr Wiśniewski');
    const turn = (d: Temporal.PlainDate) => `${who(d)} · ${dayLong(d)} 09:00 – ${dayLong(d.add({ days: 1 }))} 09:00`;
    const options = await form.getByLabel('First turn').locator('option').allTextContents();
    expect(options[0]).toBe(turn(day));
    expect(options[1]).toBe(turn(day.add({ days: 1 })));
    await form.getByLabel('First turn').selectOption({ label: turn(day) });
    await form.getByLabel('Second turn').selectOption({ label: turn(day.add({ days: 1 })) });
    await form.getByRole('button', { name: 'Swap' }).click();
    const overrides = page.getByRole('region', { name: 'Overrides' }).getByRole('listitem');
    expect(await settle(() => overrides.count(), 2)).toBe(2);
    await expect(overrides.first().textContent()).resolves.toMatch(new RegExp(`^${who(day.add({ days: 1 }))} · ${dayLong(day)} 09:00 – ${dayLong(day.add({ days: 1 }))} 09:00 · Swap with ${who(day)}`));
  });
});

/** The next Monday-to-Friday day after `d`: the morning after a weeknight's standby. */
function nextWeekday(d: Temporal.PlainDate): Temporal.PlainDate {
  let x = d.add({ days: 1 });
  while (x.dayOfWeek > 5) x = x.add({ days: 1 });
  return x;
}
