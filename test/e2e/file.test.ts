import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { backupFolder } from '../../db/backup';
import { freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';
import { browserSession, serve, settle } from './harness';

const session = browserSession();
let page: Page;

async function demoFile(): Promise<string> {
  const file = tempFile();
  const s = freshService(file);
  s.run('demo.create', {});
  s.close();
  return file;
}

async function renameTeam(name: string) {
  await page.getByRole('button', { name: 'Team settings' }).click();
  await page.getByLabel('Team name').fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved').waitFor();
}

describe('the planner file in the browser', () => {
  it('backs up on request and restores a backup from the File page, keeping the replaced plan as a backup', async () => {
    const file = await demoFile();
    page = await session.open(file);
    await page.getByRole('grid').waitFor();
    // The backup taken just after the file was opened (it waits for the first screen).
    const backups = () => Promise.resolve(fs.existsSync(backupFolder(file)) ? fs.readdirSync(backupFolder(file)).length : 0);
    expect(await settle(backups, 1)).toBe(1);
    await page.getByRole('button', { name: 'File & backups' }).click();
    await page.getByRole('heading', { name: 'Planner file' }).waitFor();
    await page.getByText(file).waitFor();
    // The backups' table, not the About section's table of libraries below it.
    const rows = page.getByRole('table', { name: 'Backups' }).getByRole('row');
    expect(await settle(() => rows.count(), 2)).toBe(2);

    await renameTeam('Yeni Ad');
    await page.getByRole('button', { name: 'File & backups' }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText(/^Backed up as \d{8}T\d{6}\.rosterdesk\.$/).waitFor();
    expect(await settle(() => rows.count(), 3)).toBe(3);

    // The oldest (from the opening) holds the old name: restore it, after saying yes.
    await rows.nth(2).getByRole('button', { name: /^Restore the backup from / }).click();
    const confirm = page.getByRole('group', { name: 'Confirm the restore' });
    await expect(confirm.textContent()).resolves.toMatch(/Replace the whole plan with the backup from .+\?/);
    // Cancel has the focus: Enter does no harm.
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    await rows.nth(2).getByRole('button', { name: /^Restore the backup from / }).click();
    await confirm.getByRole('button', { name: 'Restore' }).click();
    await page.getByText(/^Restored the backup from .+\. The plan as it was is kept as backup \d{8}T\d{6}\.rosterdesk\.$/).waitFor();
    await expect(page.getByRole('combobox', { name: 'Team' }).locator('option:checked').textContent()).resolves.toBe('Support Desk Istanbul');
    expect(await settle(() => rows.count(), 4)).toBe(4);
    // Ctrl+Z has nothing to take back: a restore starts the history afresh.
    await expect(page.getByRole('banner').getByRole('button', { name: 'Undo' }).isDisabled()).resolves.toBe(true);
  });

  it('opens read-only, saying so, when another Rosterdesk has the file', async () => {
    const file = await demoFile();
    const first = await serve(file);
    try {
      page = await session.open(file);
      await page.getByRole('grid').waitFor();
      const banner = page.getByRole('alert').filter({ hasText: 'Read-only' });
      await expect(banner.textContent()).resolves.toMatch(/^Read-only: it is open in another Rosterdesk \(process \d+, since .+ UTC\), so this window shows it read-only\. Changes cannot be saved here\.$/);
      await page.getByRole('button', { name: 'Team settings' }).click();
      await page.getByLabel('Team name').fill('Değişmez');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText(/^Nothing was saved: the planner file cannot be written\./).waitFor();
    } finally {
      await first.stop();
    }
  });

  it('keeps what was typed when the file has become read-only, and saves it once writable again', async () => {
    const file = await demoFile();
    page = await session.open(file);
    await page.getByRole('grid').waitFor();
    await page.getByRole('button', { name: 'People' }).click();
    await page.getByRole('button', { name: 'Add person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByLabel('Name', { exact: true }).fill('Zeynep Arslan');
    await dialog.getByLabel('Email', { exact: true }).fill('zeynep@example.com');
    fs.chmodSync(file, 0o444);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'has become read-only' }).waitFor();
    await expect(dialog.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('Zeynep Arslan');
    fs.chmodSync(file, 0o644);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /Zeynep Arslan/ }).waitFor();
  });
});
