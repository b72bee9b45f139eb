import { describe, expect, it } from 'vitest';
import { MethodRegistry } from '../../db/registry';
import { freshService } from '../helpers/service';

describe('the method registry', () => {
  it('refuses a method registered by two areas, one the contract lacks, and a contract method nobody answers', () => {
    const answer = () => [];
    expect(() => new MethodRegistry().add('teams', { 'team.list': answer }).add('other', { 'team.list': answer })).toThrow('The API method team.list is registered by both teams and other');
    expect(() => new MethodRegistry().add('teams', { 'team.lists': answer } as never)).toThrow('teams registers team.lists, which the contract does not have');
    expect(() => new MethodRegistry().add('teams', { 'team.list': answer }).complete()).toThrow(/^No area answers .*team\.create/);
  });

  it('the sync door refuses a call whose input takes asynchronous steps, and says which door to use', async () => {
    const s = freshService();
    const team = s.run('team.create', { name: 'Destek', timeZone: 'Europe/Istanbul' });
    const input = { teamId: team.id, from: '2026-11-23', to: '2026-11-29', format: 'xlsx' as const };
    expect(s.call('roster.export', input)).toMatchObject({ ok: false, error: { code: 'needs_async', message: 'roster.export with this input has steps outside the transaction; call it through dispatchAsync' } });
    expect(s.call('file.backup', {})).toMatchObject({ ok: false, error: { code: 'needs_async' } });
    // The same input through the door that runs steps; a CSV export needs none.
    expect(await s.callAsync('roster.export', input)).toMatchObject({ ok: true, value: { filename: expect.stringMatching(/\.xlsx$/), encoding: 'base64' } });
    expect(s.call('roster.export', { ...input, format: 'csv' })).toMatchObject({ ok: true, value: { encoding: 'utf8' } });
    s.close();
  });
});
