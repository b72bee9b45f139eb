import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors';
import { parsePeopleCsv } from '../../core/people-import';

const HEADER = 'name,email,phone,skills,contract_hours,hourly_rate';

function problems(csv: string) {
  try {
    const parsed = parsePeopleCsv(csv);
    if (parsed.problems.length) return parsed.problems;
  } catch (err) {
    if (err instanceof UserError) return err.lines ?? [];
    throw err;
  }
  throw new Error('expected the import to be refused');
}

describe('parsePeopleCsv', () => {
  it('reads people with skills split on ; and a decimal comma', () => {
    const { rows } = parsePeopleCsv(`${HEADER},color\nAyşe Yılmaz,ayse@example.com,+90 532 000,phone;chat,40,"312,5",#aa0000\nPiotr,,,email,32,290,\n`);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.person).toMatchObject({ name: 'Ayşe Yılmaz', skills: ['phone', 'chat'], hourlyRate: 312.5, color: '#aa0000' });
    expect(rows[1]?.person).toMatchObject({ name: 'Piotr', email: null, contractHoursPerWeek: 32 });
    expect(rows[1]?.line).toBe(3);
  });

  it('reports every bad line with its number and column', () => {
    const found = problems(
      [HEADER, 'Ok Person,ok@example.com,,phone,40,10', ',x@example.com,,phone,40,10', 'Bad Mail,not-an-email,,phone,40,10', 'Hours,h@example.com,,phone,ninety,10', 'Dup,OK@example.com,,phone,40,10', 'Short,1,2'].join('\n'),
    );
    expect(found.map((p) => [p.line, p.column ?? null])).toEqual([
      [3, 'name'],
      [4, 'email'],
      [5, 'contract_hours'],
      [6, 'email'],
      [7, null],
    ]);
    expect(found.find((p) => p.line === 5)?.message).toContain('Must be a number');
  });

  it('refuses a file without the required columns or with unknown ones', () => {
    const found = problems('name,mail\nA,b\n');
    expect(found.map((p) => p.message)).toEqual(expect.arrayContaining(['Unknown column "mail"', 'Missing column "email"']));
    expect(() => parsePeopleCsv('')).toThrow(/empty/);
  });
});
