import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startOfWeek, todayIn, type Temporal } from '../../core/time';
import { freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';
import { browserSession, cellText, rotaCell, settle } from './harness';

const session = browserSession();
let page: Page;

const ZONE = 'Europe/Warsaw';
const longDay = (d: Temporal.PlainDate) => new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(d.year, d.month - 1, d.day)));

describe('the absences page', () => {
  it('request leave, approve it: the shift that day turns uncovered and the balance goes down', async () => {
    // The next weekday after today: inside the month grid the page opens on, and a working day.
    let day = todayIn(ZONE).add({ days: 1 });
    while (day.dayOfWeek > 5) day = day.add({ days: 1 });
    const file = tempFile();
    const s = freshService(file);
    const team = s.run('team.create', { name: 'Wsparcie', timeZone: ZONE, locale: 'en-GB', currency: 'PLN' });
    const anna = s.run('person.create', { teamId: team.id, name: 'Anna Nowak', skills: ['phone'], contractHoursPerWeek: 40 });
    s.run('person.create', { teamId: team.id, name: 'Piotr Wiśniewski', skills: ['phone'], contractHoursPerWeek: 40 });
    s.run('template.create', { teamId: team.id, code: 'D', name: 'Day', startLocal: '09:00', endLocal: '17:00', skill: 'phone' });
    s.run('shift.setCells', { teamId: team.id, entries: [{ personId: anna.id, day: day.toString(), value: { code: 'D' } }] });
    const vacation = s.run('absenceType.list', { teamId: team.id }).find((t) => t.key === 'vacation');
    s.run('absence.setAllowance', { personId: anna.id, typeId: vacation?.id ?? 0, year: day.year, amount: 20 });
    s.close();

    page = await session.open(file, { width: 1400, height: 1600 });
    await page.getByRole('button', { name: 'Absences', exact: true }).click();
    const balance = page.getByRole('table', { name: 'Leave balance' });
    await page.getByLabel('As of').fill(day.toString());
    // Measures down, types across: the Vacation column of the Left row.
    const left = () => balance.getByRole('row', { name: /^Left/ }).getByRole('cell').first().textContent();
    expect(await settle(left, '20')).toBe('20');

    const form = page.getByRole('form', { name: 'Request leave' });
    await form.getByLabel('Person').selectOption({ label: 'Anna Nowak' });
    await form.getByLabel('Type').selectOption({ label: 'Vacation' });
    await form.getByLabel('First day').fill(day.toString());
    await form.getByLabel('Last day').fill(day.toString());
    await form.getByLabel('Note').fill('Dentist, then a day off');
    await form.getByRole('button', { name: 'Request', exact: true }).click();

    // Requested: listed and waiting, the balance still whole (the request shows apart), no shift uncovered yet.
    await page.getByText('1 request waits for a decision').waitFor();
    expect(await settle(() => balance.getByRole('row', { name: /^Requested/ }).getByRole('cell').first().textContent(), '1')).toBe('1');
    expect(await left()).toBe('20');
    await expect(page.getByRole('region', { name: 'Uncovered shifts' }).textContent()).resolves.toContain('No shift falls on approved leave.');

    await page.getByRole('button', { name: /^Approve Anna Nowak/ }).click();
    expect(await settle(left, '19')).toBe('19');
    const warning = page.getByRole('status', { name: 'Things to check' });
    await expect(warning.textContent()).resolves.toBe('1 of Anna Nowak’s shifts fall in this absence and are now uncovered');
    const conflict = `Anna Nowak is on Vacation on ${longDay(day)}: the 09:00–17:00 shift (phone) is uncovered`;
    expect(await settle(async () => ((await page.getByRole('region', { name: 'Uncovered shifts' }).textContent()) ?? '').includes(conflict), true)).toBe(true);
    // The person's history names each step.
    await settle(() => page.getByRole('list', { name: 'History' }).getByRole('listitem').count(), 2);
    await expect(page.getByRole('list', { name: 'History' }).getByRole('listitem').allTextContents()).resolves.toEqual([
      expect.stringMatching(/ · approved · Vacation .* \(status: requested → approved\)$/),
      expect.stringMatching(/ · recorded · Vacation /),
    ]);
    // The day panel: one of one phone agent gone.
    await page.getByLabel('Day', { exact: true }).fill(day.toString());
    const channels = page.getByRole('table', { name: 'People on shift per channel' });
    expect(await settle(() => channels.getByRole('row', { name: /^phone/ }).textContent(), 'phone10')).toBe('phone10');

    // The rota: Anna's cell that day shows the absence and the struck-through, uncovered shift.
    await page.getByRole('button', { name: 'Rota', exact: true }).click();
    if (!startOfWeek(day, 'mon').equals(startOfWeek(todayIn(ZONE), 'mon'))) await page.getByRole('button', { name: 'Next week' }).click();
    const cell = rotaCell(page, `Anna Nowak, ${longDay(day)}`);
    expect(await settle(() => cellText(cell), 'D 09:00–17:00 Vacation uncovered⚠')).toBe('D 09:00–17:00 Vacation uncovered⚠');
    await expect(cell.locator('.problem-mark').getAttribute('aria-label')).resolves.toContain('Vacation');
  });

  it('imports absences from a CSV file: a bad file is refused line by line, a good one lands on the calendar', async () => {
    const file = tempFile();
    const s = freshService(file);
    const team = s.run('team.create', { name: 'Destek', timeZone: 'Europe/Istanbul', locale: 'tr-TR', currency: 'TRY' });
    s.run('person.create', { teamId: team.id, name: 'Ayşe Yılmaz', email: 'ayse@example.com' });
    s.close();
    const day = todayIn('Europe/Istanbul').toString();
    page = await session.open(file, { width: 1400, height: 1400 });
    await page.getByRole('button', { name: 'Absences', exact: true }).click();
    const input = page.locator('input[type=file]');
    await input.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`person,type,start,end\nayse@example.com,vacation,${day},2000-01-01\nNobody,sick,${day},${day}\n`) });
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    const lines = [`2: end: ends (2000-01-01) before it starts (${day})`, '3: person: nobody in Destek is called or has the email Nobody'];
    expect(await settle(() => alert.getByRole('listitem').allTextContents(), lines)).toEqual(lines);
    await input.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(`person,type,start,end\nAyşe Yılmaz,Hastalık izni,${day},${day}\n`) });
    await page.getByText('Imported 1 absence', { exact: true }).waitFor();
    // On the month calendar as an all-day event titled with the person and the type, and in today's "who is away";
    // the built-in type named in Turkish in the file reads in the window's English.
    await expect(page.getByRole('list', { name: 'Away' }).textContent()).resolves.toBe('Ayşe Yılmaz · Sick');
    expect(await settle(() => page.getByText('Ayşe Yılmaz · Sick', { exact: true }).count(), 2)).toBe(2);
  });
  it('lists every request waiting for a decision whatever month is on screen, with a count that matches, and history times on the team clock', async () => {
    const zone = 'Europe/Istanbul';
    const today = todayIn(zone);
    // One request this month, one three months ahead: the month grid shows only the first.
    const near = today.add({ days: 1 });
    const far = today.add({ months: 3 }).with({ day: 10 });
    const file = tempFile();
    const s = freshService(file);
    const team = s.run('team.create', { name: 'Destek', timeZone: zone, locale: 'tr-TR', currency: 'TRY' });
    const ayse = s.run('person.create', { teamId: team.id, name: 'Ayşe Yılmaz', skills: ['phone'] });
    const mehmet = s.run('person.create', { teamId: team.id, name: 'Mehmet Kaya', skills: ['phone'] });
    const vacation = s.run('absenceType.list', { teamId: team.id })[0]?.id ?? 0;
    // The test service's clock stamps 09:00 UTC: 12:00 in Istanbul.
    s.run('absence.create', { teamId: team.id, personId: ayse.id, typeId: vacation, start: near.toString(), end: near.toString(), hours: null, note: '' });
    s.run('absence.create', { teamId: team.id, personId: mehmet.id, typeId: vacation, start: far.toString(), end: far.add({ days: 2 }).toString(), hours: null, note: 'family visit' });
    s.close();

    page = await session.open(file, { width: 1400, height: 1400 });
    await page.getByRole('button', { name: 'Absences', exact: true }).click();
    const waiting = page.getByRole('list', { name: 'Waiting for a decision' });
    expect(await settle(() => waiting.getByRole('listitem').count(), 2)).toBe(2);
    await page.getByText('2 requests wait for a decision').waitFor();
    await expect(waiting.getByRole('listitem').nth(1).textContent()).resolves.toContain('Mehmet Kaya');

    await page.getByRole('button', { name: /^Approve Mehmet Kaya/ }).click();
    expect(await settle(() => waiting.getByRole('listitem').count(), 1)).toBe(1);
    await page.getByText('1 request waits for a decision').waitFor();

    // Mehmet's history: created and approved, each at its time on Istanbul's clock, not UTC's.
    await page.getByLabel('Person for the balance').selectOption({ label: 'Mehmet Kaya' });
    const history = page.getByRole('list', { name: 'History' });
    expect(await settle(() => history.getByRole('listitem').count(), 2)).toBe(2);
    const created = (await history.getByRole('listitem').nth(1).textContent()) ?? '';
    expect(created).toContain('12:00');
    expect(created).not.toContain('09:00');
  });
});
