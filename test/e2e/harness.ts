import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { tempFile } from '../helpers/tmp';
import { freshService } from '../helpers/service';
import type { Language } from '../../core/contract';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'rosterdesk.mjs');

/** Debian's Chromium, headless, with the flags that keep it off the (closed) network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export interface Served {
  url: string;
  dbPath: string;
  stop(): Promise<void>;
}

/** `rosterdesk serve` on a fresh planner file, as a user would run it. */
export function serve(dbPath = tempFile()): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--db', dbPath, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}${err}`)), 45_000);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/[\w-]+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          dbPath,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${err}`));
    });
  });
}

/** Fails the test on any error the page logs or throws. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/**
 * Waits until `probe` returns the expected value (the UI updates asynchronously),
 * then returns it; on timeout returns the last value so the assertion shows it.
 */
export async function settle<T>(probe: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await probe();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    last = await probe();
  }
  return last;
}

/**
 * One Chromium per test file and, per test, a fresh `rosterdesk serve` on its own
 * planner file and a fresh browser context; every test also fails on any error
 * the page logged.
 */
export function browserSession() {
  let browser: Browser | undefined;
  let served: Served | undefined;
  let context: import('playwright-core').BrowserContext | undefined;
  let errors: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await context?.close();
    await served?.stop();
    context = undefined;
    served = undefined;
    expect(errors).toEqual([]);
  });
  return {
    /** Serves `file` (a fresh one when omitted) and opens it; returns the page. */
    async open(file?: string, viewport = { width: 1400, height: 900 }): Promise<Page> {
      if (!browser) throw new Error('Chromium did not start');
      served = await serve(file);
      context = await browser.newContext({ locale: 'en-GB', viewport });
      const page = await context.newPage();
      errors = watchErrors(page);
      await page.goto(served.url);
      return page;
    },
    /** A fresh demo desk with the UI in `language`, opened (1280×720 unless told) with the rota on screen. */
    async openDemo(language: Language, viewport = { width: 1280, height: 720 }): Promise<Page> {
      const file = tempFile();
      const s = freshService(file);
      s.run('demo.create', {});
      s.run('settings.set', { language });
      s.close();
      const page = await this.open(file, viewport);
      await page.getByRole('grid').waitFor();
      return page;
    },
  };
}

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe-core's findings of serious or critical impact on the page as it is now. The script
 * goes in through the DevTools protocol (page.evaluate), which the app's CSP does not govern.
 */
export async function axeSerious(page: Page): Promise<AxeFinding[]> {
  const { createRequire } = await import('node:module');
  const fs = await import('node:fs');
  const source = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 4).map((n) => n.html.slice(0, 180)) }));
  });
}

/**
 * A rota cell by its person and day ("Anna Nowak, Monday 1 March"): its full name goes on
 * with what it holds ("…: E 07:00–15:00 Locked"), which a screen reader reads out.
 */
export function rotaCell(page: Page, personAndDay: string) {
  const escaped = personAndDay.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('gridcell', { name: new RegExp(`^${escaped}(: |$)`) });
}

/** What a rota cell shows on screen (its text; any visually hidden words left out). */
export function cellText(cell: ReturnType<Page['locator']>): Promise<string> {
  return cell.evaluate((el) =>
    [...el.childNodes]
      .filter((n) => !(n instanceof HTMLElement && n.classList.contains('visually-hidden')))
      .map((n) => n.textContent ?? '')
      .join(''),
  );
}
