import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseCsv } from '../../core/csv';
import { freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';
import { browserSession, settle } from './harness';

const session = browserSession();
let page: Page;

describe('the reports page', () => {
  it('shows each report with a chart and its figures, compares cost with the monthly budget, and exports Excel', async () => {
    const file = tempFile();
    const s = freshService(file);
    const team = s.run('demo.create', {});
    s.run('team.update', { id: team.id, rules: { monthlyBudget: 250000 } });
    s.close();
    page = await session.open(file, { width: 1400, height: 1200 });
    await page.getByRole('grid').waitFor();
    await page.getByRole('button', { name: 'Reports', exact: true }).click();
    for (const title of ['Hours against contract', 'Labour cost per month and week', 'On-call load and pay', 'Absence', 'Forecast accuracy', 'Predicted service level per day']) {
      const section = page.getByRole('region', { name: title, exact: true });
      await section.waitFor();
      expect(await settle(() => section.locator('svg.recharts-surface').count().then((n) => n > 0), true), title).toBe(true);
    }
    const cost = page.getByRole('region', { name: 'Labour cost per month and week' });
    await cost.getByText(/^Monthly budget TRY\s?250,000\.00 \(dashed line\)\.$/).waitFor();
    // The budget is drawn as a line, and each month's share of it is in the figures.
    expect(await cost.locator('.recharts-reference-line').count()).toBe(2);
    await expect(cost.getByRole('table').getByRole('row').nth(1).textContent()).resolves.toMatch(/\d%$/);
    // Every person is named on the charts' name axis, each name whole on one line (recharts wraps a name its axis is too narrow for).
    for (const title of ['Hours against contract', 'On-call load and pay', 'Absence']) {
      const ticks = page.getByRole('region', { name: title, exact: true }).locator('.recharts-yAxis-tick-labels text');
      const lines = await ticks.evaluateAll((texts) => texts.map((t) => t.querySelectorAll('tspan').length));
      expect(lines.length, title).toBeGreaterThan(4);
      expect(lines.every((n) => n === 1), title).toBe(true);
    }
    // Everyone in the demo appears in hours against contract.
    await expect(page.getByRole('region', { name: 'Hours against contract' }).getByRole('rowheader').count()).resolves.toBe(14);

    const onCall = page.getByRole('region', { name: 'On-call load and pay' });
    const [download] = await Promise.all([page.waitForEvent('download'), onCall.getByRole('button', { name: 'On-call ledger (Excel)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Support-Desk-Istanbul-oncall-\d{4}-\d\d-01-\d{4}-\d\d-\d\d\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.getRow(1).values).toEqual([undefined, 'person', 'oncall_hours', 'nights', 'weekend_days', 'holidays', 'allowance', 'currency']);
  });

  it('absence statistics agree on the Absences tab, in Reports and in its CSV export, month by month', async () => {
    const file = tempFile();
    const s = freshService(file);
    s.run('demo.create', {});
    s.close();
    page = await session.open(file, { width: 1400, height: 1000 });
    await page.getByRole('grid').waitFor();
    const rowsOf = (table: ReturnType<Page['getByRole']>) =>
      table.getByRole('row').evaluateAll((rows) => rows.slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));

    await page.getByRole('button', { name: 'Absences', exact: true }).click();
    const month = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric' }).format(new Date());
    const tab = page.getByRole('table', { name: `Absence statistics, ${month}` });
    await tab.waitFor();
    const onTab = await settle(() => rowsOf(tab).then((r) => r.length > 2), true).then(() => rowsOf(tab));

    await page.getByRole('button', { name: 'Reports', exact: true }).click();
    const section = page.getByRole('region', { name: 'Absence', exact: true });
    const inReports = section.getByRole('table', { name: 'Absence statistics' });
    await inReports.waitFor();
    expect(await rowsOf(inReports)).toEqual(onTab);

    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Absence statistics (CSV)' }).click()]);
    const lines = parseCsv(fs.readFileSync(await download.path(), 'utf8')).map((r) => r.fields);
    const header = lines[0] ?? [];
    const col = (name: string) => header.indexOf(name);
    // The export's working days and rate, formatted as the pages format them.
    const fromCsv = lines.slice(1).map((l) => [l[col('working_days')], l[col('absence_rate')]]);
    const fromTab = onTab.map((r) => [r[1], r[3]]);
    expect(fromCsv.map(([days, rate]) => [new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(Number(days)), new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(Number(rate))])).toEqual(fromTab);
    // A part-timer works fewer days than a full-timer in the same month.
    const days = onTab.slice(0, -1).map((r) => Number((r[1] ?? '').replace(/,/g, '')));
    expect(Math.min(...days)).toBeLessThan(Math.max(...days));
  });
});
