import { describe, expect, it } from 'vitest';
import { decodeText, importText, legacyEncodingOf } from '../../core/text-decode';
import { detectSeparator, parseCsv, spreadsheetCsv } from '../../core/csv';
import { csvDialect, numberCell, parseDateCell, parseNumberCell, parseTimeCell } from '../../core/spreadsheet-format';
import { UserError } from '../../core/errors';

/**
 * Bytes as Excel writes them, made here from known text: Node's own encoders for UTF-8 and
 * UTF-16, and for the Windows code pages the inverse of the platform's decoder (every byte
 * 0x00-0xFF decoded once), so the test owns no code-page table either.
 */
function encodeLegacy(text: string, encoding: string): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const byteOf = new Map<string, number>();
  for (let b = 0; b < 256; b += 1) byteOf.set(decoder.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...text].map((ch) => {
    const b = byteOf.get(ch);
    if (b === undefined) throw new Error(`${ch} is not in ${encoding}`);
    return b;
  }));
}
const utf16le = (text: string, bom = true) => Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le.swap16())]);
};

const TURKISH = 'name,email\r\nŞükrü Öztürk,sukru@example.com\r\nÇağla Iğdır,cagla@example.com\r\n';
const POLISH = 'name,email\r\nŁukasz Żółć,lukasz@example.com\r\n';
// Letters Windows-1256 has (it has the Arabic yeh, not the Persian one).
const PERSIAN = 'name,email\r\nسارا محمدزاده,sara@example.com\r\n';

describe('decodeText', () => {
  it('reads Windows-1254, -1250 and -1256 files by the team locale when the bytes are not UTF-8', () => {
    expect(decodeText(encodeLegacy(TURKISH, 'windows-1254'), { locale: 'tr-TR' })).toEqual({ text: TURKISH, encoding: 'windows-1254' });
    expect(decodeText(encodeLegacy(POLISH, 'windows-1250'), { locale: 'pl-PL' })).toEqual({ text: POLISH, encoding: 'windows-1250' });
    expect(decodeText(encodeLegacy(PERSIAN, 'windows-1256'), { locale: 'fa-IR' })).toEqual({ text: PERSIAN, encoding: 'windows-1256' });
    // Named outright, whatever the team.
    expect(decodeText(encodeLegacy(TURKISH, 'windows-1254'), { locale: 'en-GB', encoding: 'windows-1254' }).text).toBe(TURKISH);
    expect(legacyEncodingOf('tr-TR')).toBe('windows-1254');
    expect(legacyEncodingOf('pl')).toBe('windows-1250');
    expect(legacyEncodingOf('fa-IR')).toBe('windows-1256');
  });

  it('reads UTF-8 with and without a mark, UTF-16 LE and BE with a mark, and UTF-16 LE without one', () => {
    expect(decodeText(Buffer.from(TURKISH), { locale: 'tr-TR' })).toEqual({ text: TURKISH, encoding: 'utf-8' });
    expect(decodeText(Buffer.from(`\ufeff${POLISH}`), { locale: 'tr-TR' })).toEqual({ text: POLISH, encoding: 'utf-8' });
    expect(decodeText(utf16le(TURKISH), { locale: 'pl-PL' })).toEqual({ text: TURKISH, encoding: 'utf-16le' });
    expect(decodeText(utf16be(POLISH), { locale: 'tr-TR' })).toEqual({ text: POLISH, encoding: 'utf-16be' });
    expect(decodeText(utf16le(PERSIAN, false), { locale: 'en-GB' })).toEqual({ text: PERSIAN, encoding: 'utf-16le' });
  });

  it('refuses bytes that are no text in the encoding, naming the line, and never hands on U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from('name,email\nAyşe,a@example.com\n'), Buffer.from([0x41, 0xff, 0xfe, 0x0a])]);
    const refused = (() => {
      try {
        decodeText(bytes, { locale: 'tr-TR', encoding: 'utf-8' });
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(refused).toBeInstanceOf(UserError);
    expect((refused as UserError).lines).toEqual([{ line: 3, message: expect.stringContaining('cannot be read as utf-8') as string }]);
    // A byte Windows-1250 leaves unassigned (0x81 becomes a C1 control) is refused too.
    expect(() => decodeText(Uint8Array.of(0x61, 0x0a, 0x62, 0x81), { locale: 'pl-PL' })).toThrow(/Line 2: .*U\+0081.*windows-1250/);
    // Text a browser already garbled (file.text() on a Windows-1254 file) is refused, not stored.
    expect(() => importText({ csv: 'name\n\ufffd\ufffdkr\ufffd\n' }, 'tr-TR')).toThrow(/Line 2/);
    expect(importText({ bytes: Buffer.from(encodeLegacy(TURKISH, 'windows-1254')).toString('base64') }, 'tr-TR')).toBe(TURKISH);
  });
});

describe('CSV dialects', () => {
  it('detects comma, semicolon and tab from the header, outside quotes, and Excel’s sep= line', () => {
    expect(detectSeparator('name;email;"a,b,c"\n1,2,3').separator).toBe(';');
    expect(detectSeparator('"x;y";b,c\n').separator).toBe(',');
    expect(detectSeparator('a\tb\tc\n').separator).toBe('\t');
    expect(parseCsv('sep=;\r\na;b\r\n1,5;2\r\n')).toEqual([{ line: 2, fields: ['a', 'b'] }, { line: 3, fields: ['1,5', '2'] }]);
  });

  it('writes UTF-8 with a byte-order mark, the language’s separator and decimal mark, numbers never grouped or quoted', () => {
    expect(csvDialect('tr')).toEqual({ separator: ';', decimal: ',' });
    expect(csvDialect('pl')).toEqual({ separator: ';', decimal: ',' });
    expect(csvDialect('en')).toEqual({ separator: ',', decimal: '.' });
    expect(csvDialect('fa')).toEqual({ separator: ',', decimal: '.' });
    expect(spreadsheetCsv([['person', 'hours'], ['Şükrü; Öztürk', 1234.5], ['x', -0.25]], csvDialect('tr'))).toBe('\ufeffperson;hours\r\n"Şükrü; Öztürk";1234,5\r\nx;-0,25\r\n');
    expect(spreadsheetCsv([['a', 'b'], [1234567.5, 'q"x']], csvDialect('en'))).toBe('\ufeffa,b\r\n1234567.5,"q""x"\r\n');
    expect(numberCell(1e-7, ',')).toBe('0,0000001');
    expect(numberCell(1e21, '.')).toBe('1000000000000000000000');
  });
});

describe('cells', () => {
  it('reads decimal commas, grouped thousands and Persian or Arabic-Indic digits', () => {
    expect(parseNumberCell('37,5')).toBe(37.5);
    expect(parseNumberCell('37.5')).toBe(37.5);
    expect(parseNumberCell('۳۷٫۵')).toBe(37.5);
    expect(parseNumberCell('٤٠')).toBe(40);
    expect(parseNumberCell('1.234,5')).toBe(1234.5);
    expect(parseNumberCell('1,234.5')).toBe(1234.5);
    expect(parseNumberCell('1 234,5')).toBe(1234.5);
    expect(parseNumberCell('')).toBeNull();
    expect(parseNumberCell('12 apples')).toBeNaN();
  });

  it('reads ISO and DD.MM.YYYY dates, and Solar Hijri YYYY/MM/DD (a year below 1700) in any team', () => {
    expect(parseDateCell('2026-11-28')).toBe('2026-11-28');
    expect(parseDateCell('28.11.2026')).toBe('2026-11-28');
    expect(parseDateCell('1.3.2026')).toBe('2026-03-01');
    expect(parseDateCell('31.02.2026')).toBeNull();
    expect(parseDateCell('11/28/2026')).toBeNull();
    expect(parseDateCell('1405/09/07')).toBe('2026-11-28');
    expect(parseDateCell('۱۴۰۵/۰۱/۰۱')).toBe('2026-03-21');
    expect(parseDateCell('1405-09-07')).toBe('2026-11-28');
    expect(parseDateCell('2026/11/28')).toBe('2026-11-28');
    // What a Persian window exports, a Turkish team reads back: no roster is of the year 1405 AD.
    expect(parseDateCell('1405/09/07')).toBe('2026-11-28');
    expect(parseTimeCell('۰۷:۳۰')).toBe('07:30');
    expect(parseTimeCell('0,3125')).toBe('07:30');
  });
});
