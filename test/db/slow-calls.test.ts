import { describe, expect, it } from 'vitest';
import { openPlanner } from '../../db/open';
import { createService, slowCallLogFromEnv } from '../../db/service';
import { FIXED_NOW } from '../helpers/service';
import { tempFile } from '../helpers/tmp';

describe('the slow-call log (a debug switch)', () => {
  it('names every call over the threshold with its time, through both doors, and is off unless ROSTERDESK_DEBUG says slow', async () => {
    const seen: { method: string; ms: number }[] = [];
    const s = createService(openPlanner(tempFile()), { appVersion: 'test', now: () => FIXED_NOW, slowCallMs: 0, onSlowCall: (method, ms) => seen.push({ method, ms }) });
    s.run('demo.create', {});
    await s.callAsync('team.list', {});
    expect(seen.map((c) => c.method)).toEqual(['demo.create', 'team.list']);
    expect(seen.every((c) => c.ms >= 0)).toBe(true);
    s.close();
    // A high threshold: nothing is as slow as that.
    const quiet: string[] = [];
    const t = createService(openPlanner(tempFile()), { appVersion: 'test', slowCallMs: 60_000, onSlowCall: (method) => quiet.push(method) });
    t.run('team.list', {});
    expect(quiet).toEqual([]);
    t.close();
    expect(slowCallLogFromEnv({})).toEqual({});
    expect(slowCallLogFromEnv({ ROSTERDESK_DEBUG: 'slow' }).onSlowCall).toBeTypeOf('function');
    expect(slowCallLogFromEnv({ ROSTERDESK_DEBUG: 'sql,slow' }).onSlowCall).toBeTypeOf('function');
  });
});
