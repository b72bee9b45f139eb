import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import ICAL from 'ical.js';
import { startOfWeek, Temporal, todayIn } from '../../core/time';
import { openPlanner } from '../../db/open';
import { createService } from '../../db/service';
import type { PlanItem } from '../../core/hub-plan';
import { createInvitation } from '../../hub/accounts';
import { rows } from '../../hub/pg';
import { browserOf, PASSWORD, testHub, type Browser as HubBrowser, type TestHub } from '../helpers/hub';
import { startPostgres, type Postgres } from '../helpers/postgres';
import { tempFile } from '../helpers/tmp';
import { axeSerious, cellText, launchChromium, rotaCell, serve, settle, watchErrors, type Served } from './harness';

/**
 * The department hub from both ends: a lead's desktop (browser mode, the demo desk) connected to a
 * real hub on a throwaway PostgreSQL, and an agent of the demo team on the hub's phone page. Set
 * ROSTERDESK_SHOTS to a folder to get the screenshots of the hub panel and of the agent's page.
 */

const SHOTS = process.env.ROSTERDESK_SHOTS;
const ZONE = 'Europe/Istanbul';
const LEAD = 'lead@example.com';
/** Ayşe Yılmaz of the demo team: the hub finds her in the published plan by this email. */
const AGENT = 'ayse.yilmaz@example.com';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 720 };

let pg: Postgres;
let hub: TestHub;
let browser: Browser;
let served: Served | undefined;
const contexts: BrowserContext[] = [];
/** What each page logged as an error or threw. */
const logs: string[][] = [];

beforeAll(async () => {
  pg = startPostgres();
  hub = await testHub(pg);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
  pg?.stop();
});
afterEach(async () => {
  const logged = logs.splice(0).flat();
  for (const c of contexts.splice(0)) await c.close();
  await served?.stop();
  served = undefined;
  // Any error a page logged (the app's or the hub's) fails the test.
  expect(logged).toEqual([]);
});

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport });
  contexts.push(context);
  const page = await context.newPage();
  logs.push(watchErrors(page));
  return page;
}

/** A phone on the hub's pages. The hub serves no icon, and the browser's own request for one is not an error of the page. */
async function phonePage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: PHONE, isMobile: true, hasTouch: true });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text());
  });
  logs.push(errors);
  return page;
}

/**
 * The demo desk on the real clock: the hub shows an agent the weeks around its own now, so the
 * demo's rota must be around today too (the test service's fixed clock would put it elsewhere).
 */
function demoPlanner(): string {
  const file = tempFile();
  const s = createService(openPlanner(file), { appVersion: 'test', now: () => Temporal.Now.instant() });
  s.run('demo.create', {});
  s.close();
  return file;
}

const utcDay = (d: Temporal.PlainDate) => new Date(Date.UTC(d.year, d.month - 1, d.day));
/** "Saturday 5 December": how a rota cell names its day. */
const longDay = (d: Temporal.PlainDate) => new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(utcDay(d));
/** "05/12/2026": how a date field shows a day in British English. */
const fieldDay = (d: Temporal.PlainDate) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC' }).format(utcDay(d));

async function shot(page: Page, name: string, fullPage = false) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name), fullPage });
}

/** Shows the whole side panel (it sticks to the top once the page is scrolled to it) with `selector` at its top. */
async function drawerTo(page: Page, selector: string) {
  await page.locator(selector).evaluate((el) => {
    const box = el.closest('.drawer');
    if (!box) return;
    window.scrollTo(0, 0);
    window.scrollTo(0, box.getBoundingClientRect().top - 8);
    box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
  });
}

/** The desktop's window language, from the header (the calendar panel has file-language selects of its own). */
async function desktopLanguage(page: Page, language: 'en' | 'tr' | 'fa') {
  await page.locator('header').getByRole('combobox').filter({ has: page.locator('option[value="fa"]') }).selectOption(language);
  await page.locator(`html[lang="${language}"]`).waitFor();
}

/** With ROSTERDESK_SHOTS: the desktop page in English, Turkish and Persian as `<name>-<language>.png`, back in English after. */
async function desktopShots(page: Page, name: string) {
  if (!SHOTS) return;
  for (const language of ['en', 'tr', 'fa'] as const) {
    await desktopLanguage(page, language);
    await shot(page, `${name}-${language}.png`);
  }
  await desktopLanguage(page, 'en');
}

/** The hub page's own language choice, in its footer (it is the account's language from then on). */
async function phoneLanguage(page: Page, language: 'en' | 'tr' | 'fa') {
  await page.locator('footer select[name="language"]').selectOption(language);
  await page.locator('footer button[type="submit"]').click();
  await page.locator(`html[lang="${language}"]`).waitFor();
}

/** The demo planner in browser mode on a desktop-sized page, with Rota › More › Department hub open: the page and the hub's panel. */
async function openHubPanel() {
  served = await serve(demoPlanner());
  const desk = await newPage(DESKTOP);
  await desk.goto(served.url);
  await desk.getByRole('grid').waitFor();
  await desk.getByRole('button', { name: 'More' }).click();
  await desk.getByRole('menuitem', { name: 'Department hub' }).click();
  return { desk, panel: desk.getByRole('region', { name: 'Department hub' }) };
}

/** Connects the open panel to the hub as `email` and publishes the default days: the hub then knows the team's people and turns. */
async function connectAndPublish(panel: ReturnType<Page['getByRole']>, email: string, hubTeam: string) {
  const connectForm = panel.getByRole('form', { name: 'Connect to a hub' });
  await connectForm.getByLabel('Hub address (URL)').fill(hub.hub.url);
  await connectForm.getByLabel('Your email on the hub').fill(email);
  await connectForm.getByLabel('Password').fill(PASSWORD);
  await connectForm.getByRole('button', { name: 'Connect' }).click();
  await panel.getByRole('status').filter({ hasText: `Connected: Support Desk Istanbul publishes to the hub team ${hubTeam}.` }).waitFor();
  await panel.getByRole('button', { name: 'Preview changes' }).click();
  await panel.getByRole('button', { name: 'Publish to the hub' }).click();
  await panel.getByRole('status').filter({ hasText: /^Published: the hub now holds version 1 / }).waitFor();
}

/** An agent's browser session on the hub: signed in if their account exists (another test of this file may have made it), else joined by invitation. */
async function agentOnHub(email: string): Promise<HubBrowser> {
  const res = await fetch(`${hub.hub.url}/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email, password: PASSWORD }) });
  if (res.status === 303) return browserOf(hub.hub.url, /rd_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '');
  return hub.join(email, 'agent');
}

/** A rota-style day name of a team-local "YYYY-MM-DDTHH:MM" and its time: "Saturday 5 December 08:00", as the on-call page writes a moment. */
const moment = (local: string) => `${longDay(Temporal.PlainDate.from(local.slice(0, 10)))} ${local.slice(11, 16)}`;

describe('the department hub', () => {
  // Under Referrer-Policy no-referrer Chromium posted the hub's forms with `Origin: null`, which its origin check refused.
  it("the hub takes the forms of its own pages from Chromium, as a phone's browser sends them", async () => {
    await hub.join('origin.check@example.com', 'agent');
    const context = await browser.newContext({ locale: 'en-GB', viewport: PHONE });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${hub.hub.url}/login`);
    await page.getByLabel('Email').fill('origin.check@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    const answer = page.waitForResponse((r) => r.url() === `${hub.hub.url}/login` && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Signed in, the hub sends the browser on to the agent's page (it answered 403, "The request came from another site").
    expect((await answer).status()).toBe(303);
    await page.getByRole('heading', { name: 'Hello, origin.check' }).waitFor({ timeout: 5_000 });
  });

  it('a lead of several hub teams chooses which one the team is, or goes back', async () => {
    const first = await hub.team('Destek Ankara');
    const second = await hub.team('Destek İzmir');
    await hub.join('two.teams@example.com', 'lead', [first, second]);
    const { desk, panel } = await openHubPanel();
    const connectForm = panel.getByRole('form', { name: 'Connect to a hub' });
    const connect = async () => {
      await connectForm.getByLabel('Hub address (URL)').fill(hub.hub.url);
      await connectForm.getByLabel('Your email on the hub').fill('two.teams@example.com');
      await connectForm.getByLabel('Password').fill(PASSWORD);
      await connectForm.getByRole('button', { name: 'Connect' }).click();
    };
    await connect();
    const choose = panel.getByRole('form', { name: 'Choose the hub team' });
    await choose.getByText('Your account leads several teams on the hub. Which one is Support Desk Istanbul?').waitFor();
    expect(await axeSerious(desk)).toEqual([]);
    if (SHOTS) {
      await drawerTo(desk, '#hub-title');
      await shot(desk, 'hub-choose-en.png');
    }
    // Nothing is linked yet: going back leaves the team unconnected.
    await choose.getByRole('button', { name: 'Cancel' }).click();
    await connect();
    await choose.getByLabel('Hub team').selectOption({ label: 'Destek İzmir' });
    await choose.getByRole('button', { name: 'Link to this team' }).click();
    await panel.getByRole('status').filter({ hasText: 'Connected: Support Desk Istanbul publishes to the hub team Destek İzmir.' }).waitFor();
    expect(await settle(() => panel.getByRole('definition').nth(2).textContent(), 'Destek İzmir')).toBe('Destek İzmir');
  });

  it('a lead connects, previews and publishes; an agent asks for leave on the phone; the lead syncs, approves and publishes; the agent sees it, with the feed', async () => {
    const hubTeamId = await hub.team('Destek');
    await hub.join(LEAD, 'lead', [hubTeamId]);
    const today = todayIn(ZONE);
    const monday = startOfWeek(today, 'mon');
    // Wednesday of the week after next: Ayşe works the early shift on weekdays, and no demo leave falls there.
    const leaveDay = monday.add({ days: 16 });
    // Saturday of next week: Ayşe has no shift; the lead gives her one before the last publish.
    const extraDay = monday.add({ days: 12 });

    // Rota › More › Department hub: the calendar panel opens at the hub, its heading focused.
    const { desk, panel } = await openHubPanel();
    await expect(desk.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Department hub');
    const connectForm = panel.getByRole('form', { name: 'Connect to a hub' });

    // A hub nobody answers at, then a wrong password: each says what went wrong, in words.
    await connectForm.getByLabel('Hub address (URL)').fill('http://127.0.0.1:9');
    await connectForm.getByLabel('Your email on the hub').fill(LEAD);
    await connectForm.getByLabel('Password').fill(PASSWORD);
    await connectForm.getByRole('button', { name: 'Connect' }).click();
    await connectForm.getByRole('alert').filter({ hasText: 'The department hub cannot be reached; check its address and the network' }).waitFor();
    await connectForm.getByLabel('Hub address (URL)').fill(hub.hub.url);
    await connectForm.getByLabel('Password').fill('not the password');
    await connectForm.getByRole('button', { name: 'Connect' }).click();
    await connectForm.getByRole('alert').filter({ hasText: 'The department hub refused: The email or the password is wrong.' }).waitFor();
    expect(await axeSerious(desk)).toEqual([]);
    if (SHOTS) {
      for (const language of ['en', 'tr', 'fa'] as const) {
        await desktopLanguage(desk, language);
        await drawerTo(desk, '#hub-title');
        await shot(desk, `hub-connect-${language}.png`);
      }
      await desktopLanguage(desk, 'en');
    }

    await connectForm.getByLabel('Password').fill(PASSWORD);
    await connectForm.getByRole('button', { name: 'Connect' }).click();
    await panel.getByRole('status').filter({ hasText: 'Connected: Support Desk Istanbul publishes to the hub team Destek.' }).waitFor();
    const facts = panel.getByRole('definition');
    // Address, account, hub team, last publish, decisions to send, requests waiting.
    const linked = [hub.hub.url, LEAD, 'Destek', 'not published yet', '0', '0'];
    expect(await settle(() => facts.allTextContents(), linked)).toEqual(linked);

    // The default days: last week to five weeks after this one.
    await expect(panel.getByLabel('Hub plan from').inputValue()).resolves.toBe(fieldDay(monday.subtract({ weeks: 1 })));
    await expect(panel.getByLabel('Hub plan to').inputValue()).resolves.toBe(fieldDay(monday.add({ weeks: 6 }).subtract({ days: 1 })));

    // Preview first: everything is new to an empty hub, fourteen people among it.
    await panel.getByRole('button', { name: 'Preview changes' }).click();
    const preview = panel.getByRole('group', { name: 'What a publish would send' });
    const row = (kind: string) =>
      preview
        .getByRole('row', { name: new RegExp(`^${kind} \\d`) })
        .getByRole('cell')
        .allTextContents();
    expect(await settle(() => row('People'), ['14', '0', '0'])).toEqual(['14', '0', '0']);
    expect(Number((await row('Shifts'))[0])).toBeGreaterThan(100);
    expect(await axeSerious(desk)).toEqual([]);
    await preview.getByRole('button', { name: 'Publish to the hub' }).click();
    await panel.getByRole('status').filter({ hasText: /^Published: the hub now holds version 1 / }).waitFor();
    expect(await settle(() => facts.nth(3).textContent().then((x) => /· version 1$/.test(x ?? '')), true)).toBe(true);
    await expect(preview.count()).resolves.toBe(0);

    // The agent: invited by email, joins and lands on their own page, on a phone.
    const invitation = await createInvitation(hub.pool, { email: AGENT, role: 'agent', teamIds: [], createdBy: null });
    const phone = await phonePage();
    await phone.goto(`${hub.hub.url}/invite/${invitation}`);
    await phone.getByLabel('Your name').fill('Ayşe');
    await phone.getByLabel('Choose a password (at least 10 characters)').fill(PASSWORD);
    await phone.getByRole('button', { name: 'Create my account' }).click();
    await phone.getByRole('heading', { name: 'Hello, Ayşe' }).waitFor();
    const team = phone.getByRole('region', { name: 'Support Desk Istanbul' });
    // Her weeks: the early phone shift on weekdays.
    await expect(team.getByRole('listitem').filter({ hasText: '08:00–16:30' }).count()).resolves.toBeGreaterThan(3);
    const balanceLine = () => team.locator('ul.balance li').filter({ hasText: 'of 20 days left' }).textContent();
    expect((await balanceLine()) ?? '').toMatch(/: 20 of 20 days left$/);

    // She asks for the Wednesday off, and says she cannot work Sundays.
    const leaveForm = phone.getByRole('region', { name: 'Ask for leave' });
    await leaveForm.getByLabel('First day').fill(leaveDay.toString());
    await leaveForm.getByLabel('Last day').fill(leaveDay.toString());
    await leaveForm.getByLabel('Note for your lead (optional)').fill('School play');
    await leaveForm.getByRole('button', { name: 'Send' }).click();
    await phone.getByRole('status').waitFor();
    const availability = phone.getByRole('region', { name: 'When I can work' });
    await availability.getByLabel('Sunday').selectOption('cannot');
    await availability.getByRole('button', { name: 'Send' }).click();
    await phone.getByRole('status').waitFor();
    await expect(phone.getByRole('region', { name: 'My requests' }).getByRole('listitem').count()).resolves.toBe(2);

    // The lead syncs: the leave goes to the Absences page, the availability waits in the panel.
    await panel.getByRole('button', { name: 'Sync requests' }).click();
    await panel.getByRole('status').filter({ hasText: '2 requests arrived from the hub. 1 leave request waits on the Absences page.' }).waitFor();
    const waiting = panel.getByRole('list', { name: 'Waiting for your decision' });
    expect(await settle(() => waiting.getByRole('listitem').count(), 1)).toBe(1);
    await expect(waiting.textContent()).resolves.toContain('Ayşe Yılmaz · Availability: Sun: cannot work');
    expect(await axeSerious(desk)).toEqual([]);
    if (SHOTS) {
      // The panel as a lead sees it with a request waiting and a preview open, in three languages.
      await panel.getByRole('button', { name: 'Preview changes' }).click();
      await preview.waitFor();
      for (const language of ['en', 'tr', 'fa'] as const) {
        await desktopLanguage(desk, language);
        await drawerTo(desk, '#hub-title');
        await shot(desk, `hub-panel-${language}.png`);
        await drawerTo(desk, '.hub-preview');
        await shot(desk, `hub-panel-preview-${language}.png`);
      }
      await desktopLanguage(desk, 'en');
    }
    await waiting.getByRole('button', { name: /^Approve the request of Ayşe Yılmaz: Availability/ }).click();
    expect(await settle(() => waiting.count(), 0)).toBe(0);
    expect(await settle(() => facts.nth(4).textContent(), '1')).toBe('1');

    // The leave waits on the Absences page like any request; the lead approves it there.
    await desk.getByRole('button', { name: 'Absences', exact: true }).click();
    const absences = desk.getByRole('list', { name: 'Waiting for a decision' });
    const ayse = absences.getByRole('listitem').filter({ hasText: 'Ayşe Yılmaz' });
    expect(await settle(() => ayse.count(), 1)).toBe(1);
    await desk.getByRole('button', { name: /^Approve Ayşe Yılmaz/ }).click();
    expect(await settle(() => ayse.count(), 0)).toBe(0);

    // A shift for Ayşe on next week's Saturday, typed into the rota.
    await desk.getByRole('button', { name: 'Rota', exact: true }).click();
    await desk.getByRole('button', { name: 'Next week' }).click();
    const saturdayCell = rotaCell(desk, `Ayşe Yılmaz, ${longDay(extraDay)}`);
    await saturdayCell.click();
    await desk.keyboard.type('S');
    await desk.keyboard.press('Enter');
    expect(await settle(() => cellText(saturdayCell).then((x) => x.includes('09:00–14:00')), true)).toBe(true);

    // Preview again: the new shift, the leave (an absence since the sync), and both decisions.
    await desk.getByRole('button', { name: 'More' }).click();
    await desk.getByRole('menuitem', { name: 'Department hub' }).click();
    expect(await settle(() => facts.nth(4).textContent(), '2')).toBe('2');
    await panel.getByRole('button', { name: 'Preview changes' }).click();
    expect(await settle(() => row('Leave'), ['1', '0', '0'])).toEqual(['1', '0', '0']);
    expect((await row('Leave balances'))[1]).not.toBe('0');
    expect((await row('Shifts'))[0]).toBe('1');
    // The availability approved in the panel, the leave approved on the Absences page.
    await preview.getByText('2 decisions on requests go back to the agents.').waitFor();
    await preview.getByRole('button', { name: 'Publish to the hub' }).click();
    await panel.getByRole('status').filter({ hasText: /^Published: the hub now holds version 2 / }).waitFor();
    expect(await settle(() => facts.nth(4).textContent(), '0')).toBe('0');

    // Disconnecting asks first, with Cancel on the keyboard; then the panel offers to connect again.
    await panel.getByRole('button', { name: 'Disconnect' }).click();
    const ask = panel.getByRole('alertdialog');
    await expect(ask.textContent()).resolves.toContain(`Disconnect Support Desk Istanbul from the hub at ${hub.hub.url}?`);
    await expect(desk.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Cancel');
    expect(await axeSerious(desk)).toEqual([]);
    await ask.getByRole('button', { name: 'Disconnect' }).click();
    await panel.getByRole('status').filter({ hasText: 'Disconnected from the hub.' }).waitFor();
    await connectForm.waitFor();

    // The agent's page: the leave approved, one day less left, the availability approved.
    await phone.goto(`${hub.hub.url}/me`);
    await team.locator('ul.leave li').filter({ hasText: 'approved' }).waitFor();
    expect((await balanceLine()) ?? '').toMatch(/: 19 of 20 days left$/);
    const mine = phone.getByRole('region', { name: 'My requests' });
    await expect(mine.getByRole('listitem').filter({ hasText: 'When I can work' }).textContent()).resolves.toContain('approved');

    // Her calendar subscription has the Saturday shift the lead added before the last publish.
    await phone.getByRole('button', { name: 'Make an address' }).click();
    const feedUrl = await phone.getByRole('textbox', { name: 'Calendar subscription' }).inputValue();
    const ics = await (await fetch(feedUrl)).text();
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const saturday = events.filter((e) => e.startDate.toJSDate().toISOString().slice(0, 10) === extraDay.toString());
    expect(saturday.map((e) => e.summary)).toEqual([expect.stringMatching(/^09:00–14:00/)]);
    expect(await axeSerious(phone)).toEqual([]);

    if (SHOTS) {
      for (const language of ['en', 'tr', 'fa'] as const) {
        await phoneLanguage(phone, language);
        await shot(phone, `hub-phone-${language}.png`);
        await shot(phone, `hub-phone-${language}-full.png`, true);
      }
      await phoneLanguage(phone, 'en');
    }
  });

  it("an agent asks for other days and a colleague takes an on-call turn on the hub; the lead decides each on the page it belongs to", { timeout: 150_000 }, async () => {
    const hubTeamId = await hub.team('Destek Talepler');
    const lead = 'lead.requests@example.com';
    await hub.join(lead, 'lead', [hubTeamId]);
    const { desk, panel } = await openHubPanel();
    const tab = (name: string) => desk.getByRole('navigation').first().getByRole('button', { name, exact: true }).click();

    // No hub yet: the People and On-call pages are as they always were.
    await tab('People');
    await desk.getByRole('row', { name: /Ayşe Yılmaz/ }).waitFor();
    await expect(desk.getByText('Asked on the hub').count()).resolves.toBe(0);
    await tab('On-call');
    await desk.getByRole('region', { name: 'Timeline of On-call' }).waitFor();
    await expect(desk.getByRole('region', { name: 'Swaps asked on the hub' }).count()).resolves.toBe(0);

    // Ayşe would rather not work Saturdays, says the lead's planner today.
    await tab('People');
    await desk.getByRole('button', { name: 'Edit Ayşe Yılmaz' }).click();
    let dialog = desk.getByRole('dialog', { name: 'Edit Ayşe Yılmaz' });
    await dialog.getByRole('button', { name: 'Add a day or shift' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    await tab('Rota');
    await desk.getByRole('button', { name: 'More' }).click();
    await desk.getByRole('menuitem', { name: 'Department hub' }).click();
    await connectAndPublish(panel, lead, 'Destek Talepler');

    // On the hub: Ayşe asks to work neither Saturdays nor Sundays; the next weekend's on-call person offers that turn, and the colleague after them takes it, giving their own next turn in return.
    const published = (await rows<{ item: PlanItem }>(hub.pool, "SELECT item FROM plan_item WHERE team_id = $1 AND kind IN ('person', 'oncall') ORDER BY starts_at NULLS FIRST", [hubTeamId])).map((r) => r.item);
    const person = (key: string) => published.find((i): i is Extract<PlanItem, { kind: 'person' }> => i.kind === 'person' && i.key === key)?.body;
    const turns = published.filter((i): i is Extract<PlanItem, { kind: 'oncall' }> => i.kind === 'oncall' && Date.parse(i.startsAt) > Date.now() + 86_400_000);
    const offered = turns[0];
    const given = turns.find((i) => i.personKey !== offered?.personKey);
    const offerer = person(offered?.personKey ?? '');
    const taker = person(given?.personKey ?? '');
    if (!offered || !given || !offerer?.email || !taker?.email) throw new Error('the demo has no two people with coming on-call turns');
    const ayse = await agentOnHub(AGENT);
    expect((await ayse.form('/me/requests', { teamId: String(hubTeamId), kind: 'preferences', weekday6: 'cannot', weekday7: 'cannot', note: 'Choir on weekends' })).status).toBe(201);
    const a = await agentOnHub(offerer.email);
    const b = await agentOnHub(taker.email);
    expect((await a.form('/me/requests', { teamId: String(hubTeamId), kind: 'swap', turnKey: offered.key, note: '' })).status).toBe(201);
    const offers = (await (await b.get('/api/me/requests')).json()) as { offers: { id: number; teamId: number }[] };
    const offer = offers.offers.find((o) => o.teamId === hubTeamId);
    expect((await b.form(`/me/offers/${offer?.id}/accept`, { inReturnKey: given.key })).status).toBe(303);

    // The lead syncs in English, then switches to Turkish while the notice shows: it reads in Turkish.
    await panel.getByRole('button', { name: 'Sync requests' }).click();
    await panel.getByRole('status').filter({ hasText: '2 requests arrived from the hub.' }).waitFor();
    await desk.getByRole('status').filter({ hasText: 'Done: Pull hub requests' }).waitFor();
    await desktopLanguage(desk, 'tr');
    await desk.getByRole('status').filter({ hasText: 'Tamamlandı: Hub taleplerini çek' }).waitFor();
    // The panel's own notice too (the panel is "Departman hub'ı" now).
    await desk.getByRole('region', { name: "Departman hub'ı" }).getByRole('status').filter({ hasText: "Hub'dan 2 talep geldi." }).waitFor();
    await desktopLanguage(desk, 'en');

    // People: a notice above the list, and the request under Ayşe's row with what it replaces.
    await tab('People');
    await desk.getByText('1 person asks on the hub for other days and shifts: Ayşe Yılmaz. Approve or decline under each name below, or in Edit.').waitFor();
    const ask = desk.locator('tr.hub-ask-row');
    await expect(ask.count()).resolves.toBe(1);
    await expect(ask.textContent()).resolves.toMatch(/^Asked on the hubSat: cannot work; Sun: cannot work · Note: “Choir on weekends” · asked .* · instead of: Sat: would rather not work/);
    expect(await axeSerious(desk)).toEqual([]);
    await desktopShots(desk, 'requests-people');
    // Her dialog says it too, beside her days and shifts.
    await desk.getByRole('button', { name: 'Edit Ayşe Yılmaz' }).click();
    dialog = desk.getByRole('dialog', { name: 'Edit Ayşe Yılmaz' });
    await dialog.getByText('Approving puts these in place of the days and shifts below.').waitFor();
    expect(await axeSerious(desk)).toEqual([]);
    if (SHOTS) await shot(desk, 'requests-person-dialog-en.png');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Approved under her row: the request and the notice go, and her days and shifts are the asked ones.
    await desk.getByRole('button', { name: 'Approve the request of Ayşe Yılmaz: Availability: Sat: cannot work; Sun: cannot work' }).click();
    expect(await settle(() => ask.count(), 0)).toBe(0);
    await expect(desk.getByText('Asked on the hub').count()).resolves.toBe(0);
    await desk.getByRole('button', { name: 'Edit Ayşe Yılmaz' }).click();
    dialog = desk.getByRole('dialog', { name: 'Edit Ayşe Yılmaz' });
    const preferenceRows = async () => {
      const weekdays = await dialog.getByLabel('Weekday').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
      const kinds = await dialog.getByLabel('Preference').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
      return weekdays.map((w, i) => `${w} ${kinds[i]}`);
    };
    expect(await settle(preferenceRows, ['6 cannot', '7 cannot'])).toEqual(['6 cannot', '7 cannot']);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // On-call: the swap beside who is on call, with both turns and who gives what.
    await tab('On-call');
    const card = desk.getByRole('region', { name: 'Swaps asked on the hub' });
    await card.waitFor();
    const span = (i: Extract<PlanItem, { kind: 'oncall' }>) => `${moment(i.body.startLocal)} – ${moment(i.body.endLocal)}`;
    await card.getByText(`${offerer.name} offers the turn ${span(offered)}`).waitFor();
    await card.getByText(`${taker.name} takes it over and gives the turn ${span(given)} in return`).waitFor();
    expect(await axeSerious(desk)).toEqual([]);
    await desktopShots(desk, 'requests-oncall');
    await card.getByRole('button', { name: new RegExp(`^Approve the request of ${offerer.name}: On-call swap`) }).click();
    await card.waitFor({ state: 'detached' });
    // The final schedule over four weeks: each now holds the other's turn.
    await desk.getByLabel('Days shown').selectOption({ label: '4 weeks' });
    const finalBars = desk.getByRole('region', { name: 'Timeline of On-call' }).getByRole('list', { name: 'Final schedule' }).getByRole('listitem');
    const holder = async (i: Extract<PlanItem, { kind: 'oncall' }>) => ((await finalBars.evaluateAll((els, at) => els.map((e) => e.getAttribute('aria-label') ?? '').find((x) => x.includes(at)), `, ${moment(i.body.startLocal)} –`)) ?? '').split(',')[0];
    expect(await settle(() => Promise.all([holder(offered), holder(given)]), [taker.name, offerer.name])).toEqual([taker.name, offerer.name]);

    // The hub panel agrees: nothing waits, and both decisions go back with the next publish.
    await tab('Rota');
    await desk.getByRole('button', { name: 'More' }).click();
    await desk.getByRole('menuitem', { name: 'Department hub' }).click();
    await panel.getByText('No availability or swap request waits for you. Leave requests wait on the Absences page.').waitFor();
    expect(await settle(() => panel.getByRole('definition').nth(4).textContent(), '2')).toBe('2');
  });
});
