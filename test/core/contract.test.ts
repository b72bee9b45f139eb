import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../core/contract';
import { zodIssueToApiError } from '../../core/errors';

describe('the API contract', () => {
  it('gives every method an input and an output schema, and refuses unknown input keys', () => {
    for (const name of METHOD_NAMES) {
      const spec = contract[name];
      const hostile = spec.input.safeParse({ __proto__: { polluted: true }, extraField: 1 });
      expect(hostile.success, name).toBe(false);
      expect(spec.output).toBeDefined();
    }
  });

  it('maps validation problems to stable codes with a path', () => {
    const bad = contract['person.create'].input.safeParse({ teamId: 1, name: 'A', email: 'nope', employmentStart: '2026-02-30' });
    expect(bad.success).toBe(false);
    const errors = bad.error?.issues.map((i) => zodIssueToApiError(i)) ?? [];
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'invalid_email', path: ['email'] }),
        expect.objectContaining({ code: 'invalid_date', path: ['employmentStart'] }),
      ]),
    );
  });

  it('validates team fields: zone, currency, locale, country, week start', () => {
    const t = contract['team.create'].input;
    expect(t.safeParse({ name: 'Warszawa', timeZone: 'Europe/Warsaw', currency: 'PLN', locale: 'pl-PL', country: 'PL', weekStart: 'mon' }).success).toBe(true);
    for (const [field, value] of [
      ['timeZone', 'Mars/Olympus'],
      ['currency', 'XYZ1'],
      ['locale', 'not a locale'],
      ['country', 'turkey'],
      ['weekStart', 'fri'],
    ] as const) {
      const r = t.safeParse({ name: 'T', timeZone: 'Asia/Tehran', [field]: value });
      expect(r.success, field).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual([field]);
    }
  });
});
