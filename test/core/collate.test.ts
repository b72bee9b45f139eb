import { describe, expect, it } from 'vitest';
import { byName } from '../../renderer/collate';

const people = ['Reza Hosseini', 'Łukasz Zieliński', 'Ayşe Yılmaz', 'Zeynep Demir', 'Leyla Şahin', 'Çağrı Öztürk', 'Can Aydın', 'Mehmet Kaya', 'Özge Arslan'].map((name, id) => ({ id, name }));
const names = (locale: string) => byName(people, locale).map((p) => p.name);

describe('names in the reader’s order', () => {
  it('puts Łukasz between Leyla and Mehmet in Polish, not after Zeynep as code points do', () => {
    expect([...people].sort((a, b) => (a.name < b.name ? -1 : 1)).at(-1)?.name).toBe('Łukasz Zieliński');
    // Ç is no letter of Polish: read as C, so "Çağ" comes before "Can" there (unlike Turkish, below).
    expect(names('pl-PL')).toEqual(['Ayşe Yılmaz', 'Çağrı Öztürk', 'Can Aydın', 'Leyla Şahin', 'Łukasz Zieliński', 'Mehmet Kaya', 'Özge Arslan', 'Reza Hosseini', 'Zeynep Demir']);
  });

  it('sorts Ç after C and Ö after O in Turkish, and by the calendar-carrying locale the screen uses', () => {
    const tr = names('tr-TR-u-ca-gregory');
    expect(tr.indexOf('Çağrı Öztürk')).toBe(tr.indexOf('Can Aydın') + 1);
    expect(tr.indexOf('Özge Arslan')).toBeGreaterThan(tr.indexOf('Mehmet Kaya'));
    expect(tr.indexOf('Özge Arslan')).toBeLessThan(tr.indexOf('Reza Hosseini'));
    expect(names('en-GB').indexOf('Łukasz Zieliński')).toBeLessThan(names('en-GB').indexOf('Mehmet Kaya'));
  });

  it('orders Persian names by the Persian alphabet, with Latin names kept in their own order', () => {
    const fa = byName([{ name: 'نیلوفر' }, { name: 'آرش' }, { name: 'پریسا' }, { name: 'بهرام' }, { name: 'ژاله' }, { name: 'زهرا' }], 'fa-IR-u-ca-persian').map((p) => p.name);
    // آ ب پ … ز ژ … ن: پ and ژ are Persian letters Arabic code points put after ی.
    expect(fa).toEqual(['آرش', 'بهرام', 'پریسا', 'زهرا', 'ژاله', 'نیلوفر']);
  });
});
