import { describe, expect, it } from 'vitest';
import { freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';
import { browserSession, cellText, settle } from './harness';

const session = browserSession();


describe('the rota page fits a laptop', () => {
  it('shows at least ten people at 1280×720 without scrolling, and a skip link reaches the grid', async () => {
    const page = await session.openDemo('en');
    const bottoms = await page.getByRole('grid').getByRole('row').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().bottom));
    // The header row and the people rows wholly inside the window.
    expect(bottoms.filter((b) => b <= 720).length - 1).toBeGreaterThanOrEqual(10);

    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to the rota grid');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('gridcell');
  });

  it('says a wrong code at its cell, keeps the typing there, and the grid does not move', async () => {
    const page = await session.openDemo('en');
    const grid = page.getByRole('grid');
    const before = await grid.boundingBox();
    const cell = grid.getByRole('gridcell').first();
    const text = await cellText(cell);
    await cell.click();
    await page.keyboard.type('X');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'There is no shift template with this code' });
    await alert.waitFor();
    const after = await grid.boundingBox();
    expect({ x: after?.x, y: after?.y, height: Math.round(after?.height ?? 0) }).toEqual({ x: before?.x, y: before?.y, height: Math.round(before?.height ?? 0) });
    // The keyboard is still in the cell's editor, with what was typed.
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).resolves.toBe('X');
    // The message sits just under the cell.
    const [c, a] = await Promise.all([cell.boundingBox(), alert.boundingBox()]);
    expect(Math.abs((a?.y ?? 0) - ((c?.y ?? 0) + (c?.height ?? 0)))).toBeLessThan(8);
    await page.keyboard.press('Escape');
    expect(await cellText(cell)).toBe(text);
  });

  it('asks before clearing the week, with Cancel on the keyboard', async () => {
    const page = await session.openDemo('en');
    const filled = () => page.getByRole('gridcell').evaluateAll((cells) => cells.filter((c) => c.querySelector('strong')).length);
    const shifts = await filled();
    expect(shifts).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('menuitem', { name: 'Clear this week…' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Clear this week…' });
    await ask.waitFor();
    await expect(ask.textContent()).resolves.toContain(`Remove all ${String(shifts)} shifts`);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Cancel');
    await page.keyboard.press('Enter');
    expect(await filled()).toBe(shifts);
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('menuitem', { name: 'Clear this week…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Clear this week' }).click();
    expect(await settle(filled, 0)).toBe(0);
  });

  it('groups the week’s problems by person and rule, with counts, the newly caused first', async () => {
    const page = await session.openDemo('en');
    const problems = page.getByRole('region', { name: /^Problems/ });
    const groups = () => problems.getByRole('listitem').filter({ has: page.getByRole('list') }).evaluateAll((items) => items.map((i) => i.querySelector('summary')?.textContent ?? ''));
    const first = await settle(() => groups().then((g) => g.length > 0), true).then(groups);
    for (const g of first) expect(g).toMatch(/\(\d+\)/);
    // A new short rest: Monday late after nothing, then an early on Tuesday for the same person.
    const row = page.getByRole('grid').getByRole('row').nth(2);
    const person = (await row.getByRole('rowheader').textContent())?.trim() ?? '';
    await row.getByRole('gridcell').nth(0).click();
    await page.keyboard.type('C');
    await page.keyboard.press('Enter');
    await page.keyboard.type('E');
    await page.keyboard.press('Enter');
    const top = await settle(() => groups().then((g) => g[0]?.startsWith(`${person} · Rest between shifts`) ?? false), true).then(groups);
    expect(top[0]).toContain('new');
  });

  it('keeps the tabs on one line and no page scrolls sideways at 1024 px', async () => {
    const page = await session.openDemo('en', { width: 1024, height: 768 });
    const tabs = page.getByRole('navigation').first().getByRole('button');
    const tops = await tabs.evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    const heights = await tabs.evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().height)));
    // No label breaks inside its tab ("On-/call").
    expect(Math.max(...heights) - Math.min(...heights)).toBeLessThanOrEqual(1);
    const wide: string[] = [];
    for (let i = 0; i < (await tabs.count()); i += 1) {
      await tabs.nth(i).click();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) wide.push(`${(await tabs.nth(i).textContent()) ?? i}: ${overflow}px`);
    }
    expect(wide).toEqual([]);
  });

  it('offers the next step on a week nobody has planned: copy last week', async () => {
    const file = tempFile();
    const s = freshService(file);
    const team = s.run('demo.create', {});
    // Empty the week after this one.
    const monday = s.run('roster.week', { teamId: team.id, weekStart: '2026-11-23' }).weekStart;
    const next = new Date(Date.parse(`${monday}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const nextEnd = new Date(Date.parse(`${next}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
    s.run('shift.clearRange', { teamId: team.id, from: next, to: nextEnd });
    s.close();
    const page = await session.open(file, { width: 1280, height: 720 });
    await page.getByRole('grid').waitFor();
    await page.getByLabel('Go to date').fill(next);
    const empty = page.getByRole('region', { name: 'Nothing planned this week' });
    await empty.waitFor();
    await empty.getByRole('button', { name: 'Copy last week' }).click();
    const filled = () => page.getByRole('gridcell').evaluateAll((cells) => cells.filter((c) => c.querySelector('strong')).length);
    expect(await settle(() => filled().then((n) => n > 20), true)).toBe(true);
  });
});

describe('labels fit in every language at 1280×720', () => {
  for (const language of ['en', 'tr', 'pl', 'fa'] as const) {
    it(`${language}: the eleven tabs on one line, and no page's buttons, tabs or headings clip their words`, async () => {
      const page = await session.openDemo(language);
      const tabs = page.getByRole('navigation').first().getByRole('button');
      expect(await tabs.count()).toBe(11);
      const boxes = await tabs.evaluateAll((buttons) => buttons.map((b) => ({ top: Math.round(b.getBoundingClientRect().top), height: Math.round(b.getBoundingClientRect().height), text: b.textContent ?? '' })));
      // One row, and no label broken inside its tab ("Prognoza i / obsada").
      expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
      expect(Math.max(...boxes.map((b) => b.height)) - Math.min(...boxes.map((b) => b.height))).toBeLessThanOrEqual(1);
      const clipped: string[] = [];
      for (let i = 0; i < boxes.length; i += 1) {
        await tabs.nth(i).click();
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(250);
        const tab = boxes[i]?.text ?? String(i);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (wide > 0) clipped.push(`${tab}: page ${wide}px wider than the window`);
        // A control or heading whose words are cut off: wider content than its box, and not a scroller on purpose.
        const cut = await page.evaluate(() =>
          [...document.querySelectorAll('button, [role=tab], nav a, h1, h2, h3, h4, th, label, summary, legend')]
            .filter((el) => {
              const e = el as HTMLElement;
              if (!e.checkVisibility() || e.closest('.visually-hidden, .print-root')) return false;
              const style = getComputedStyle(e);
              if (style.overflowX === 'auto' || style.overflowX === 'scroll') return false;
              // Shortened on purpose with an ellipsis (an event in a month cell): its name still says it whole.
              if (style.textOverflow === 'ellipsis') return false;
              return e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0;
            })
            .map((e) => `${e.tagName.toLowerCase()} "${(e.textContent ?? '').trim().slice(0, 60)}" ${e.scrollWidth}>${e.clientWidth}`),
        );
        for (const c of cut) clipped.push(`${tab}: ${c}`);
        // Buttons and tabs whose label wraps to a second line.
        const wrapped = await page.evaluate(() =>
          [...document.querySelectorAll('main button, header button, nav button')]
            .filter((el) => {
              const e = el as HTMLElement;
              // A label of plain words; buttons laid out in lines on purpose (a day and its status) hold elements.
              if (!e.checkVisibility() || e.childElementCount > 0 || (e.textContent ?? '').trim() === '') return false;
              const lineHeight = parseFloat(getComputedStyle(e).lineHeight) || 20;
              const range = document.createRange();
              range.selectNodeContents(e);
              const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
              return lines.size > 1 && e.getBoundingClientRect().height > lineHeight * 1.8;
            })
            .map((e) => `button "${(e.textContent ?? '').trim().slice(0, 60)}" wraps`),
        );
        for (const c of wrapped) clipped.push(`${tab}: ${c}`);
      }
      expect(clipped).toEqual([]);
    }, 120_000);
  }
});
