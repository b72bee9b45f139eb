import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv, toCsv } from '../../core/csv';
import { UserError } from '../../core/errors';

describe('parseCsv', () => {
  it('reads quotes, embedded commas and newlines, CRLF and a BOM, with the line each record starts on', () => {
    const text = '\ufeffname,notes\r\n"Kowalska, Agnieszka","line one\nline two"\r\n\r\nŞahin,"say ""hi"""\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['name', 'notes'] },
      { line: 2, fields: ['Kowalska, Agnieszka', 'line one\nline two'] },
      { line: 5, fields: ['Şahin', 'say "hi"'] },
    ]);
  });

  it('names the line of an unclosed quote', () => {
    try {
      parseCsv('a,b\n1,2\n"3,4\n5,6\n');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).lines?.[0]?.line).toBe(3);
    }
  });

  it('round-trips any table through toCsv', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ş', ',', '"', '\n', '\r\n', ' ', 'ý', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }), (rows) => {
        // A record of one empty field is a blank line, which the reader skips by design.
        const parsed = parseCsv(toCsv(rows)).map((r) => r.fields);
        expect(parsed).toEqual(rows);
      }),
    );
  });
});
