import { describe, expect, it } from 'vitest';
import { toCsv } from '../../core/csv';
import { dataHash } from '../helpers/dbhash';
import { freshService } from '../helpers/service';

describe('a full disk', () => {
  it('a write that does not fit is refused with a clear error, nothing of it stays, and the file works on', () => {
    const s = freshService();
    const team = s.run('demo.create', {});
    const db = s.planner.db;
    const before = dataHash(db);
    // Room for a few more pages only: SQLite then reports SQLITE_FULL, as on a full disk.
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 4}`);
    const csv = toCsv([['name', 'email', 'phone', 'skills', 'contract_hours', 'hourly_rate'], ...Array.from({ length: 5000 }, (_, i) => [`Kişi ${i}`, `k${i}@example.com`, '', 'phone', 40, 30])]);
    const r = s.call('person.import', { teamId: team.id, csv });
    expect(r).toEqual({ ok: false, error: { code: 'disk_full', message: 'The disk is full; nothing was saved.', path: [] } });
    expect(dataHash(db)).toBe(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Nothing to undo: the failed import is not a step.
    expect(s.run('history.state', {}).undoLabel).toBe('Open the demo team');
    db.pragma('max_page_count = 1073741823');
    expect(s.run('person.import', { teamId: team.id, csv }).created).toBe(5000);
    s.close();
  });
});
