import { describe, expect, it } from 'vitest';
import { PERSON_PALETTE } from '../../core/person';
import { freshService } from '../helpers/service';

/** A Warsaw team with Anna on an E template; the service's clock says today is Sunday 22 November 2026. */
function warsawTeam() {
  const s = freshService();
  const team = s.run('team.create', { name: 'Wsparcie', timeZone: 'Europe/Warsaw', locale: 'pl-PL', currency: 'PLN', country: 'PL' });
  const anna = s.run('person.create', { teamId: team.id, name: 'Anna Nowak', skills: ['phone'] });
  const early = s.run('template.create', { teamId: team.id, code: 'E', name: 'Early', startLocal: '07:00', endLocal: '15:00', breakMinutes: 30, skill: 'phone' });
  return { s, team, anna, early };
}

describe('shift templates: colours, lengths and edits that reach planned shifts', () => {
  it('gives each new template a colour of its own: the first palette colour the team does not use yet', () => {
    const { s, team, early } = warsawTeam();
    const late = s.run('template.create', { teamId: team.id, code: 'L', name: 'Late', startLocal: '14:00', endLocal: '22:00' });
    const night = s.run('template.create', { teamId: team.id, code: 'N', name: 'Night', startLocal: '22:00', endLocal: '06:00' });
    expect([early.color, late.color, night.color]).toEqual([PERSON_PALETTE[0], PERSON_PALETTE[1], PERSON_PALETTE[2]]);
    // A chosen colour is kept, and the next free one skips it.
    const mid = s.run('template.create', { teamId: team.id, code: 'M', name: 'Mid', startLocal: '10:00', endLocal: '18:00', color: PERSON_PALETTE[3] });
    expect(mid.color).toBe(PERSON_PALETTE[3]);
    expect(s.run('template.create', { teamId: team.id, code: 'S', name: 'Short', startLocal: '09:00', endLocal: '13:00' }).color).toBe(PERSON_PALETTE[4]);
  });

  it('refuses a template longer than 16 h or shorter than 1 h unless the length is confirmed, and says why', () => {
    const { s, team, early } = warsawTeam();
    const typo = s.call('template.create', { teamId: team.id, code: 'L', name: 'Late', startLocal: '15:00', endLocal: '14:30' });
    expect(typo).toMatchObject({ ok: false, error: { code: 'confirm_length', path: ['endLocal'] } });
    expect(!typo.ok && typo.error.message).toContain('23.5 h');
    expect(s.call('template.create', { teamId: team.id, code: 'Q', name: 'Quick', startLocal: '09:00', endLocal: '09:30' })).toMatchObject({ ok: false, error: { code: 'confirm_length' } });
    expect(s.run('template.list', { teamId: team.id }).map((t) => t.code)).toEqual(['E']);
    expect(s.call('template.create', { teamId: team.id, code: 'H', name: 'Hospital day', startLocal: '08:00', endLocal: '08:00', confirmLength: true }).ok).toBe(true);
    // An edit of the times asks too; an edit of the name of a long template does not.
    expect(s.call('template.update', { id: early.id, endLocal: '06:30' })).toMatchObject({ ok: false, error: { code: 'confirm_length' } });
    expect(s.call('template.update', { id: early.id, endLocal: '06:30', confirmLength: true }).ok).toBe(true);
    expect(s.call('template.update', { id: early.id, name: 'Early long' }).ok).toBe(true);
  });

  it('edits every field of a template; moving its times carries planned shifts from today on along when asked, in one undo step', () => {
    const { s, team, anna, early } = warsawTeam();
    // Last Friday (past), today (Sunday) and next Tuesday: two from today on.
    s.run('shift.setCells', { teamId: team.id, entries: ['2026-11-20', '2026-11-22', '2026-11-24'].map((day) => ({ personId: anna.id, day, value: { code: 'E' } })) });
    expect(s.run('template.usage', { id: early.id })).toEqual({ from: '2026-11-22', shifts: 2 });

    const renamed = s.run('template.update', { id: early.id, code: 'R', name: 'Rano', color: '#123456', breakMinutes: 45, skill: null });
    expect(renamed).toMatchObject({ code: 'R', name: 'Rano', color: '#123456', breakMinutes: 45, skill: null, updatedShifts: 0 });

    const kept = s.run('template.update', { id: early.id, startLocal: '08:00', endLocal: '16:00' });
    expect(kept.updatedShifts).toBe(0);
    const times = () => s.run('shift.list', { teamId: team.id, from: '2026-11-20', to: '2026-11-24' }).map((x) => [x.day, x.startLocal, x.endLocal]);
    expect(times()).toEqual([
      ['2026-11-20', '07:00', '15:00'],
      ['2026-11-22', '07:00', '15:00'],
      ['2026-11-24', '07:00', '15:00'],
    ]);

    const moved = s.run('template.update', { id: early.id, startLocal: '06:00', endLocal: '14:00', futureShifts: 'update' });
    expect(moved.updatedShifts).toBe(2);
    // The past stays as it was worked; today and Tuesday follow.
    expect(times()).toEqual([
      ['2026-11-20', '07:00', '15:00'],
      ['2026-11-22', '06:00', '14:00'],
      ['2026-11-24', '06:00', '14:00'],
    ]);
    expect(s.run('shift.list', { teamId: team.id, from: '2026-11-24', to: '2026-11-24' })[0]).toMatchObject({ breakMinutes: 45, skill: null });
    // One Ctrl+Z puts the template and the shifts back together.
    s.run('history.undo', {});
    expect(times()).toEqual([
      ['2026-11-20', '07:00', '15:00'],
      ['2026-11-22', '07:00', '15:00'],
      ['2026-11-24', '07:00', '15:00'],
    ]);
    expect(s.run('template.list', { teamId: team.id })[0]).toMatchObject({ startLocal: '08:00', endLocal: '16:00' });
  });
});
