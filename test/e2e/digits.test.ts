import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSession } from './harness';

const session = browserSession();
/** The Reports tab's place among the eleven. */
const REPORTS = 5;

/**
 * Every piece of text a Persian reader meets on the page that holds a Latin digit: text on
 * screen and in the print view, chart labels (SVG), the chosen option of each select, what the
 * app put in its fields, and the words a screen reader says for an element (aria-label, title).
 * The one exception is an element the app marks translate="no" on purpose: codes, e-mails, phone
 * numbers, file paths, colours and file examples, written as they are typed; and licence
 * identifiers. (A loose "looks like a code" regex would hide the very mistakes this looks for.)
 */
function latinDigitsOnPage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const latin = /[0-9]/;
    const exempt = (el: Element) => el.closest('[translate="no"]') !== null;
    // Read out though visually hidden, or printed: visually-hidden text and the print view count.
    // Recharts measures text in a span of its own far off screen; nobody sees that one.
    const shown = (el: Element) => !el.closest('#recharts_measurement_span') && (el.closest('.print-root') !== null || el.checkVisibility({ visibilityProperty: true }));
    // Licence identifiers are names, written as their owners write them ("CC BY 3.0" in Help › About).
    const licence = /\bCC BY(?:-SA|-NC|-ND)* \d\.\d\b|\b(?:Apache|GPL|LGPL|AGPL|MPL|EPL)-\d(?:\.\d)?\b/g;
    const note = (where: Element, text: string) => {
      const trimmed = text.replace(/\s+/g, ' ').trim().replace(licence, '');
      if (!latin.test(trimmed) || exempt(where)) return;
      const place = where.closest('[aria-label],section,table,form,header,nav,main,li,tr,svg')?.tagName.toLowerCase() ?? '';
      found.push(`${place} ${where.tagName.toLowerCase()}: ${trimmed.slice(0, 140)}`);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest('script,style,option,datalist,template') || !shown(parent)) continue;
      note(parent, n.textContent ?? '');
    }
    for (const select of document.querySelectorAll('select')) {
      if (shown(select)) note(select, select.selectedOptions[0]?.text ?? '');
    }
    // What a field holds as the app filled it in (numbers, times, dates); e-mail, phone and web
    // address fields are written as typed.
    for (const input of document.querySelectorAll<HTMLInputElement>('input:not([type]), input[type=text], input[type=number], input[type=search], input[type=time]')) {
      if (shown(input)) note(input, input.value);
    }
    for (const el of document.querySelectorAll('[aria-label],[title]')) {
      if (!shown(el)) continue;
      for (const attr of ['aria-label', 'title']) {
        const value = el.getAttribute(attr);
        if (value) note(el, `@${attr} ${value}`);
      }
    }
    return [...new Set(found)];
  });
}


describe('one set of digits per screen', () => {
  it('shows no Latin digit on any page of the Persian demo desk, outside codes, e-mails and phones', async () => {
    const page = await session.openDemo('fa');
    const tabs = page.getByRole('navigation').first().getByRole('button');
    const count = await tabs.count();
    expect(count).toBe(11);
    const latin: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const tab = (await tabs.nth(i).textContent()) ?? String(i);
      await tabs.nth(i).click();
      await page.waitForLoadState('networkidle');
      // Reports reads a month of coverage before it draws anything: wait for its charts.
      if (i === REPORTS) await page.getByRole('region').filter({ has: page.locator('svg.recharts-surface') }).first().waitFor();
      await page.waitForTimeout(400);
      for (const text of await latinDigitsOnPage(page)) latin.push(`${tab} › ${text}`);
    }
    expect(latin).toEqual([]);
  }, 120_000);
});

describe('times typed on 24 hours in the screen’s digits', () => {
  it('a Persian time field shows ۲۲:۰۰ and reads typed Persian digits as a time', async () => {
    const page = await session.openDemo('fa');
    await page.getByRole('navigation').first().getByRole('button', { name: 'تنظیمات تیم' }).click();
    const nightStart = page.getByLabel('آغاز شب', { exact: true });
    // The browser's own time input would say "22:00" to a script and "10:00 PM" on screen.
    await expect(nightStart.inputValue()).resolves.toBe('۲۲:۰۰');
    await nightStart.fill('۲۱۳۰');
    await nightStart.blur();
    await expect(nightStart.inputValue()).resolves.toBe('۲۱:۳۰');
  });
});

describe('sentences that need no declension', () => {
  it('the Polish on-call card puts the date after a label, never after "do" or "od"', async () => {
    const page = await session.openDemo('pl');
    await page.getByRole('navigation').first().getByRole('button', { name: 'Dyżury' }).click();
    // The demo's rotation cards (their names may be said in Polish): the regions with "now" and "next".
    const definitions = page.getByRole('region').filter({ has: page.getByRole('definition') }).getByRole('definition');
    await definitions.first().waitFor();
    const text = (await definitions.allInnerTexts()).join('\n');
    const weekday = '(poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela)';
    expect(text).not.toMatch(new RegExp(`\\b(do|od) ${weekday}`, 'i'));
    // Who is on call until when, and who comes next from when: each date after its own label.
    expect(text).toMatch(new RegExp(`(Do|Od): ${weekday}, \\d+ \\p{L}+ \\d\\d:\\d\\d`, 'u'));
  });
});
