// Screenshots of every page of the demo desk, for looking at what we build and for the README.
//   node --import tsx scripts/screenshots.ts [outDir] [--lang en,tr,fa] [--size 1280x720] [--pages roster,oncall,hub] [--full]
// Serves a fresh demo planner with `rosterdesk serve` (ROSTERDESK_RENDERER_DIR is honoured) and
// drives Debian's Chromium.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { openPlanner } from '../db/open';
import { createService } from '../db/service';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const outDir = path.resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? path.join(os.tmpdir(), 'rosterdesk-shots'));
const languages = (flag('lang') ?? 'en,tr,fa').split(',') as ('en' | 'tr' | 'pl' | 'fa')[];
const [width, height] = (flag('size') ?? '1280x720').split('x').map(Number);
const only = flag('pages')?.split(',');
const VIEWS = ['roster', 'calendar', 'oncall', 'absences', 'forecast', 'reports', 'people', 'templates', 'team', 'history', 'file'];

fs.mkdirSync(outDir, { recursive: true });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosterdesk-shots-'));
const db = path.join(dir, 'demo.rosterdesk');
// The demo as of now, so the coming week is the one a lead sees today.
const service = createService(openPlanner(db), { appVersion: 'screenshots', now: () => Temporal.Now.instant() });
service.run('demo.create', {});
service.close();

const child = spawn(process.execPath, [path.join(root, 'bin', 'rosterdesk.mjs'), 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const m = /Open (http:\/\/127\.0\.0\.1:\d+\/[\w-]+\/)/.exec(out);
    if (m?.[1]) resolve(m[1]);
  });
  child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
});

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  for (const language of languages) {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: width ?? 1280, height: height ?? 720 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('grid').waitFor();
    await page.getByRole('combobox').filter({ has: page.locator('option[value="fa"]') }).selectOption(language);
    await page.waitForTimeout(400);
    const tabs = page.getByRole('navigation').first().getByRole('button');
    for (let i = 0; i < VIEWS.length; i += 1) {
      const view = VIEWS[i] ?? String(i);
      if (only && !only.includes(view)) continue;
      await tabs.nth(i).click();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      const file = path.join(outDir, `${view}-${language}.png`);
      await page.screenshot({ path: file, fullPage: args.includes('--full') });
      console.log(file);
    }
    if (!only || only.includes('hub')) {
      // The department hub's panel (not connected: no hub here), opened as a lead does, from the rota's More menu; its item is the menu's last.
      await tabs.nth(0).click();
      await page.locator('.rota-toolbar [aria-haspopup="menu"]').click();
      await page.getByRole('menuitem').last().click();
      await page.locator('#hub-title').waitFor();
      await page.waitForTimeout(300);
      const file = path.join(outDir, `hub-${language}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
  child.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
}
