import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';
import { browserSession, settle } from './harness';

const session = browserSession();

/** Every API call the page makes, by method, in order. */
function recordCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (req) => {
    if (!req.url().endsWith('/api') || req.method() !== 'POST') return;
    const body = JSON.parse(req.postData() ?? '{}') as { method?: string };
    if (body.method) calls.push(body.method);
  });
  return calls;
}

async function openDemo(): Promise<Page> {
  const file = tempFile();
  const s = freshService(file);
  s.run('demo.create', {});
  s.close();
  const page = await session.open(file);
  await page.getByRole('grid').waitFor();
  return page;
}

describe('the window reads through one shared hook', () => {
  it('refetches only the reads of the tables a change touched, and undo refetches them again', async () => {
    const page = await openDemo();
    // The month's hours and cost are read only while unfolded: unfold them, so the edit has them to refetch.
    await page.getByText(/^Hours and cost in /).click();
    await page.getByRole('table', { name: /^Hours and cost in / }).getByRole('row', { name: /^Team / }).waitFor();
    const calls = recordCalls(page);
    const grid = page.getByRole('grid');
    const cell = grid.getByRole('gridcell').first();
    await cell.click();
    await page.keyboard.type('E');
    await page.keyboard.press('Enter');
    // The edit wrote shifts: the week, its costs and the undo state are read again; teams, templates and the file are not.
    await settle(() => Promise.resolve(calls.includes('roster.week') && calls.includes('history.state')), true);
    const afterEdit = [...calls];
    expect(afterEdit[0]).toBe('shift.setCells');
    expect(afterEdit).toContain('roster.week');
    expect(afterEdit).toContain('roster.costs');
    expect(afterEdit).toContain('history.state');
    expect(afterEdit).not.toContain('team.list');
    expect(afterEdit).not.toContain('template.list');
    expect(afterEdit).not.toContain('app.info');
    // One read per query, not one per component showing it.
    expect(afterEdit.filter((m) => m === 'roster.week')).toHaveLength(1);

    calls.length = 0;
    await page.getByRole('banner').getByRole('button', { name: 'Undo' }).click();
    await settle(() => Promise.resolve(calls.includes('roster.week')), true);
    expect(calls[0]).toBe('history.undo');
    expect(calls).not.toContain('team.list');
    expect(calls).not.toContain('template.list');

    // A template is a different table: the rota's week is not read again for it, the templates are.
    await page.getByRole('button', { name: 'Shift templates' }).click();
    await page.getByRole('table').first().waitFor();
    calls.length = 0;
    await page.getByRole('button', { name: /^Remove / }).first().click();
    await settle(() => Promise.resolve(calls.includes('template.list')), true);
    expect(calls).not.toContain('person.list');
    expect(calls).not.toContain('team.list');
  });

  it('reads the next week while this one shows, so "Next week" only draws', async () => {
    const page = await openDemo();
    const weeks: string[] = [];
    page.on('request', (req) => {
      const body = JSON.parse(req.postData() ?? '{}') as { method?: string; input?: { weekStart?: string } };
      // (This week's read-ahead may come in too, depending on when the window was idle: not looked at.)
      if (body.method === 'roster.week' && body.input?.weekStart?.startsWith('2030')) weeks.push(body.input.weekStart);
    });
    // A week the window has not read: it, then (once idle) the one after it.
    await page.getByLabel('Go to date').fill('2030-01-07');
    await page.getByRole('grid', { name: 'Rota for the week of 7 Jan 2030' }).waitFor();
    expect(await settle(() => Promise.resolve(weeks), ['2030-01-07', '2030-01-14'])).toEqual(['2030-01-07', '2030-01-14']);
    await page.getByRole('button', { name: 'Next week' }).click();
    await page.getByRole('grid', { name: 'Rota for the week of 14 Jan 2030' }).waitFor();
    // That week was not read again; the one after it is read ahead in turn.
    expect(await settle(() => Promise.resolve(weeks), ['2030-01-07', '2030-01-14', '2030-01-21'])).toEqual(['2030-01-07', '2030-01-14', '2030-01-21']);
  });

  it('shows a read that fails, where its figures would be', async () => {
    const page = await openDemo();
    // The fault is injected at the transport, as a dropped or refused answer would come.
    await page.route('**/api', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { method?: string };
      if (body.method !== 'roster.week') return route.continue();
      return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'disk read failed', path: [] } }) });
    });
    // The week before: the week after is read ahead while this one shows, so it may be here already.
    await page.getByRole('button', { name: 'Previous week' }).click();
    await page.getByRole('alert').filter({ hasText: 'disk read failed' }).first().waitFor();
    await expect(page.getByRole('alert').filter({ hasText: 'Could not load' }).count()).resolves.toBeGreaterThan(0);
  });
});
