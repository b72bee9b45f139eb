import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeSerious, browserSession, type AxeFinding } from './harness';

const session = browserSession();


/** Every section of the navigation, in order, and the findings on each after it has loaded. */
async function tour(page: Page): Promise<Record<string, AxeFinding[]>> {
  const found: Record<string, AxeFinding[]> = {};
  const tabs = page.getByRole('navigation').first().getByRole('button');
  const count = await tabs.count();
  for (let i = 0; i < count; i += 1) {
    const tab = tabs.nth(i);
    const name = (await tab.textContent()) ?? String(i);
    await tab.click();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const findings = await axeSerious(page);
    if (findings.length) found[name] = findings;
  }
  expect(count).toBe(11);
  return found;
}

describe('accessible by measurement (axe-core: no serious or critical finding)', () => {
  it.each(['en', 'fa'] as const)('every page in %s', async (language) => {
    const page = await session.openDemo(language);
    const found = await tour(page);
    expect(found).toEqual({});
  });

  it('the person dialog', async () => {
    const page = await session.openDemo('en');
    await page.getByRole('button', { name: 'People', exact: true }).click();
    await page.getByRole('button', { name: /^Edit / }).first().click();
    await page.getByRole('dialog').waitFor();
    expect(await axeSerious(page)).toEqual([]);
  });

  it('the rota page with each side panel open, the More menu and the shift dialog', async () => {
    const page = await session.openDemo('en');
    const found: Record<string, unknown[]> = {};
    for (const button of ['Draft roster…', 'Patterns…', 'Print…']) {
      await page.getByRole('button', { name: button }).click();
      await page.getByRole('complementary').first().waitFor();
      const f = await axeSerious(page);
      if (f.length) found[button] = f;
    }
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('menu').waitFor();
    const menu = await axeSerious(page);
    if (menu.length) found.menu = menu;
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Calendar', exact: true }).click();
    await page.setViewportSize({ width: 1400, height: 1400 });
    await page.getByText(/^Ayşe Yılmaz · E/).first().dispatchEvent('click');
    await page.getByRole('dialog').waitFor();
    const dialog = await axeSerious(page);
    if (dialog.length) found.shiftDialog = dialog;
    expect(found).toEqual({});
  });
});
