import fs from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BUILTIN_KINDS } from '../../core/builtin-names';
import { freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';
import { axeSerious, browserSession } from './harness';

const session = browserSession();

/** Every Turkish built-in word the demo stores or a Turkish team gets (leave types, the rotation "Nöbet"…). */
const TURKISH = Object.values(BUILTIN_KINDS).flatMap((table) => Object.values(table).map((n) => n.tr));

/**
 * Everything a reader meets on the page: its text (visible, or read out), every option of every
 * select, and the names a screen reader says (aria-label, title).
 */
function pageWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [document.body.innerText];
    for (const option of document.querySelectorAll('option')) parts.push(option.text);
    for (const el of document.querySelectorAll('[aria-label],[title]')) parts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '');
    return parts.join('\n');
  });
}

async function openDemo(language: 'en' | 'fa' | null, prepare?: (s: ReturnType<typeof freshService>, teamId: number) => void): Promise<Page> {
  const file = tempFile();
  const s = freshService(file);
  const team = s.run('demo.create', {});
  if (language) s.run('settings.set', { language });
  prepare?.(s, team.id);
  s.close();
  const page = await session.open(file, { width: 1280, height: 720 });
  await page.getByRole('grid').waitFor();
  return page;
}

/** Visits every tab (and opens each closed details panel on it), returning what each says. */
async function everyTab(page: Page): Promise<{ tab: string; words: string }[]> {
  const tabs = page.getByRole('navigation').first().getByRole('button');
  const out: { tab: string; words: string }[] = [];
  for (let i = 0; i < (await tabs.count()); i += 1) {
    const tab = (await tabs.nth(i).textContent()) ?? String(i);
    await tabs.nth(i).click();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    out.push({ tab, words: await pageWords(page) });
  }
  return out;
}

const turkishOn = (pages: { tab: string; words: string }[]) => pages.flatMap(({ tab, words }) => TURKISH.filter((w) => words.includes(w)).map((w) => `${tab}: ${w}`));

describe('built-in words in the window’s language', () => {
  it('the English window of the Istanbul demo shows no Turkish leave type, rotation or template name', async () => {
    const page = await openDemo(null);
    const pages = await everyTab(page);
    expect(turkishOn(pages)).toEqual([]);
    const all = pages.map((p) => p.words).join('\n');
    for (const word of ['Vacation', 'Sick', 'On-call', 'Early phone']) expect(all).toContain(word);
  });

  it('the Persian window shows the leave types, the rotation, the templates and the channels in Persian', async () => {
    const page = await openDemo('fa');
    const pages = await everyTab(page);
    expect(turkishOn(pages)).toEqual([]);
    const all = pages.map((p) => p.words).join('\n');
    for (const word of ['مرخصی استحقاقی', 'مرخصی استعلاجی', 'کشیک', 'تلفن صبح']) expect(all).toContain(word);

    // The forecast's channel choice names channels in words, not the codes phone/chat/email.
    await page.getByRole('navigation').first().getByRole('button', { name: 'پیش‌بینی و نیرو' }).click();
    const channel = page.getByRole('combobox', { name: 'کانال' });
    await expect(channel.locator('option').allTextContents()).resolves.toEqual(['تلفن', 'چت', 'ایمیل']);
    await expect(channel.locator('option:checked').textContent()).resolves.toBe('تلفن');
    const forecast = await pageWords(page);
    expect(forecast).not.toMatch(/\b(phone|chat|email)\b/);
    expect(await axeSerious(page)).toEqual([]);
  });

  for (const language of ['en', 'fa'] as const) {
    it(`a renamed leave type keeps the lead's name (${language}); the others follow the window`, async () => {
      const page = await openDemo(language, (s, teamId) => {
        const vacation = s.run('absenceType.list', { teamId }).find((t) => t.key === 'vacation');
        s.run('absenceType.update', { id: vacation?.id ?? 0, name: 'Yıllık izin (ücretli)' });
      });
      await page.getByRole('navigation').first().getByRole('button', { name: language === 'en' ? 'Absences' : 'مرخصی\u200cها' }).click();
      // The sick type, not renamed, still follows the window (in the request form's type choice).
      await page.locator('option', { hasText: language === 'en' ? 'Sick' : 'مرخصی استعلاجی' }).first().waitFor({ state: 'attached' });
      const words = await pageWords(page);
      expect(words).toContain('Yıllık izin (ücretli)');
      expect(words).not.toContain(language === 'en' ? 'Vacation' : 'مرخصی استحقاقی');
    });
  }

  it('the calendar file from the English window is in English; the language next to the button changes it', async () => {
    const page = await openDemo(null);
    await page.setViewportSize({ width: 1400, height: 1400 });
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('menuitem', { name: 'Calendar file (.ics)' }).click();
    const panel = page.getByRole('complementary', { name: 'Calendar file (.ics)' });
    await panel.getByLabel(/^Whose(?! events)/).selectOption({ label: 'Ayşe Yılmaz' });
    const language = panel.getByRole('combobox', { name: 'Language of the file' }).first();
    await expect(language.inputValue()).resolves.toBe('en');
    const download = async () => {
      const [file] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download calendar file' }).click()]);
      const text = fs.readFileSync(await file.path(), 'utf8');
      return { text, descriptions: new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('description'))) };
    };
    const english = await download();
    expect(english.descriptions.some((d) => d.includes('Shift: E (Early phone)') && d.includes('Breaks: 30 min unpaid'))).toBe(true);
    for (const turkish of ['Vardiya', 'Molalar', 'ücretsiz']) expect(english.text).not.toContain(turkish);

    await language.selectOption('tr');
    const turkish = await download();
    expect(turkish.descriptions.some((d) => d.includes('Vardiya: E (Sabah telefon)') && d.includes('Molalar: 30 dk ücretsiz'))).toBe(true);
    expect(await axeSerious(page)).toEqual([]);
  });
});
