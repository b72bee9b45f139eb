import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rollingBackup } from '../../db/backup';
import { freshService } from '../helpers/service';
import { tempFile } from '../helpers/tmp';
import { axeSerious, browserSession } from './harness';

const session = browserSession();
const SHOTS = process.env.ROSTERDESK_SHOTS;

/** A demo planner with one rolling backup, then 4 KB of random bytes over its page 8. */
async function damagedWithBackup(): Promise<string> {
  const file = tempFile();
  const s = freshService(file);
  s.run('demo.create', {});
  await rollingBackup(s.planner.db, file, new Date('2026-11-27T08:00:00Z'), { force: true });
  s.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, crypto.randomBytes(4096), 0, 4096, 7 * 4096);
  fs.closeSync(fd);
  // Damage that came later than the close: the app's clean-close mark no longer matches the file, so opening runs the full check.
  const later = new Date(Date.now() + 60_000);
  fs.utimesSync(file, later, later);
  return file;
}

describe('a planner refused as damaged', () => {
  it('shows why and its backups right on the refusal screen; restoring one opens the planner, the damaged file kept aside', async () => {
    const file = await damagedWithBackup();
    const damaged = fs.readFileSync(file);
    const page = await session.open(file, { width: 1280, height: 720 });
    await page.getByRole('heading', { name: 'This planner cannot be opened: it is damaged' }).waitFor();
    await page.locator('code', { hasText: file }).waitFor();
    expect(await axeSerious(page)).toEqual([]);
    if (SHOTS) {
      for (const language of ['en', 'tr', 'fa']) {
        await page.getByRole('combobox').selectOption(language);
        await page.screenshot({ path: path.join(SHOTS, `refused-${language}.png`) });
      }
      await page.getByRole('combobox').selectOption('en');
    }
    const rows = page.getByRole('table', { name: 'Restore a backup' }).getByRole('row');
    expect(await rows.count()).toBe(2);
    await rows.nth(1).getByRole('button', { name: /^Restore the backup from / }).click();
    const confirm = page.getByRole('group', { name: 'Confirm the restore' });
    await expect(confirm.textContent()).resolves.toMatch(/Put the backup from .+ in place of the damaged file\?/);
    await confirm.getByRole('button', { name: 'Restore' }).click();
    // The window opens the restored planner: the demo desk's rota.
    await page.getByRole('grid').waitFor();
    const aside = fs.readdirSync(path.dirname(file)).filter((n) => n.includes('before-restore'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(file), aside[0] ?? '')).equals(damaged)).toBe(true);
  });
});
