/**
 * The rota grid of a 200-person team in Debian's Chromium: time from pressing
 * "Next week" to the new week's grid being in the page (API call + React render).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';

export async function gridRenderMs(dbPath: string, runs = 7): Promise<number[]> {
  const bin = path.resolve(import.meta.dirname, '..', '..', 'bin', 'rosterdesk.mjs');
  const child = spawn(process.execPath, [bin, 'serve', '--db', dbPath, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
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
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
  await page.goto(url);
  await page.getByLabel('Go to date').fill('2026-11-23');
  await page.getByRole('grid', { name: 'Rota for the week of 23 Nov 2026' }).waitFor();
  const times: number[] = [];
  let week = new Date(Date.UTC(2026, 10, 23));
  for (let i = 0; i < runs; i += 1) {
    week = new Date(week.getTime() + 7 * 86_400_000);
    const label = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(week);
    const t0 = performance.now();
    await page.getByRole('button', { name: 'Next week' }).click();
    await page.getByRole('grid', { name: `Rota for the week of ${label}` }).waitFor();
    times.push(performance.now() - t0);
  }
  await browser.close();
  child.kill('SIGTERM');
  return times;
}
