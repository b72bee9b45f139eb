/**
 * The rota grid of a big team in Debian's Chromium: time from pressing "Next week" to the new
 * week's grid being in the page (API call + React render + layout). `rotaPlanner` writes the
 * planner file (N people, three templates, a 9-day pattern, a week of leave each, an on-call
 * rotation), so the 200- and 1 000-person figures come from files alike but for their size.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { toCsv } from '../../core/csv';
import { openPlanner } from '../../db/open';
import { createService } from '../../db/service';

/** The week the bench opens; it then presses "Next week" from there. */
export const FIRST_WEEK = '2026-11-23';

/** Writes a planner file with one team of `people` people planned for the ten weeks from FIRST_WEEK. */
export function rotaPlanner(file: string, people: number): void {
  const s = createService(openPlanner(file), { appVersion: 'bench', now: () => Temporal.Instant.from('2026-11-22T09:00:00Z') });
  const team = s.run('team.create', { name: `Team of ${people}`, timeZone: 'Europe/Warsaw', country: 'PL', currency: 'PLN' });
  const header = ['name', 'email', 'phone', 'skills', 'contract_hours', 'hourly_rate'];
  s.run('person.import', { teamId: team.id, csv: toCsv([header, ...Array.from({ length: people }, (_, i) => [`Agent ${i}`, `a${i}@example.com`, '', 'phone;chat', 40, 30])]) });
  for (const [code, a, b] of [['E', '07:00', '15:00'], ['L', '14:00', '22:00'], ['N', '22:00', '06:00']] as const) {
    s.run('template.create', { teamId: team.id, code, name: code, startLocal: a, endLocal: b, breakMinutes: 30, skill: 'phone' });
  }
  const ids = s.run('person.list', { teamId: team.id }).map((p) => p.id);
  s.run('pattern.apply', { teamId: team.id, cycle: ['E', 'E', 'L', 'L', 'N', 'N', '-', '-', '-'], personIds: ids, start: FIRST_WEEK, weeks: 10, stagger: 1, replace: false });
  const monday = Temporal.PlainDate.from(FIRST_WEEK);
  s.run('absence.import', {
    teamId: team.id,
    csv: toCsv([['person', 'type', 'start', 'end'], ...ids.map((_, i) => [`a${i}@example.com`, 'vacation', monday.add({ weeks: i % 10 }).toString(), monday.add({ weeks: i % 10, days: 4 }).toString()])]),
  });
  s.run('rotation.create', {
    teamId: team.id,
    name: 'Dyżur',
    layers: [{ name: 'Base', participants: ids.slice(0, 20), turnUnit: 'weeks', turnLength: 1, startDay: '2026-01-05', handoffTime: '09:00' }],
  });
  s.close();
}

export interface GridBenchOptions {
  runs?: number;
  /** Another build of the UI to serve (ROSTERDESK_RENDERER_DIR), e.g. the previous commit's. */
  rendererDir?: string;
  /**
   * 'next' (the figure): "Next week" `runs` times from FIRST_WEEK. 'jump': "Go to date" to
   * weeks no earlier step has read, so every figure includes reading the week from the service.
   */
  mode?: 'next' | 'jump';
}

/** Weeks after FIRST_WEEK that 'jump' visits: none is the week after one visited before it. */
const JUMPS = [3, 6, 9, 2, 5, 8, 1];

/** Each figure is one step, in milliseconds, from the click (or typed date) to the new grid painted. */
export async function gridRenderMs(dbPath: string, { runs = 7, rendererDir, mode = 'next' }: GridBenchOptions = {}): Promise<number[]> {
  const bin = path.resolve(import.meta.dirname, '..', '..', 'bin', 'rosterdesk.mjs');
  const env = rendererDir ? { ...process.env, ROSTERDESK_RENDERER_DIR: rendererDir } : process.env;
  const child = spawn(process.execPath, [bin, 'serve', '--db', dbPath, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const url = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Open (http\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
    // API calls in flight: each step starts once the window has none (a lead looks at a week before moving on).
    let inFlight = 0;
    page.on('request', () => (inFlight += 1));
    page.on('requestfinished', () => (inFlight -= 1));
    page.on('requestfailed', () => (inFlight -= 1));
    await page.goto(url);
    await page.getByLabel('Go to date').fill(FIRST_WEEK);
    await page.getByRole('grid', { name: 'Rota for the week of 23 Nov 2026' }).waitFor();
    // Found once, before the clock runs: Playwright's role queries walk the whole page, and on a
    // page of 10 000 cells that walk (not the app) took seconds of each figure.
    const next = await page.getByRole('button', { name: 'Next week' }).elementHandle();
    const dateField = await page.getByLabel('Go to date').elementHandle();
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const weeks = mode === 'next' ? i + 1 : (JUMPS[i % JUMPS.length] ?? 1);
      const week = Temporal.PlainDate.from(FIRST_WEEK).add({ weeks });
      const label = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${week.toString()}T00:00:00Z`));
      // Idle first (the window may start a read when idle), then no read in flight, then idle again.
      await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 2000 })));
      // A request the page has just sent reaches Playwright's events a moment later.
      await page.waitForTimeout(150);
      while (inFlight > 0) await page.waitForTimeout(20);
      await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 2000 })));
      const step = mode === 'next' ? { button: next, field: null, day: '' } : { button: null, field: dateField, day: week.toString() };
      times.push(await page.evaluate(stepAndWait, { ...step, name: `Rota for the week of ${label}` }));
    }
    return times;
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

interface Step {
  button: HTMLElement | SVGElement | null;
  field: HTMLElement | SVGElement | null;
  day: string;
  name: string;
}

/**
 * In the page: clicks `button`, or types `day` into `field`, and resolves, in milliseconds, once the
 * grid named `name` is in the page and its frame has been laid out and painted (a task after the
 * next animation frame). No named inner functions: tsx would wrap them in a helper the page lacks.
 */
function stepAndWait({ button, field, day, name }: Step): Promise<number> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const seen = new MutationObserver(() => {
      if (![...document.querySelectorAll('[role="grid"]')].some((g) => g.getAttribute('aria-label') === name)) return;
      seen.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
    });
    seen.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
    if (button instanceof HTMLElement) button.click();
    else if (field instanceof HTMLInputElement) {
      // As typing does: the value through the native setter, then the input event React listens to.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field, day);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
}
