import { describe, expect, it } from 'vitest';
import { DEFAULT_ABSENCE_TYPES } from '../../core/absence';
import { BUILTIN_KINDS, builtinName, builtinNamer, builtinOf, NAME_LANGUAGES, nameLanguage } from '../../core/builtin-names';
import { demoData } from '../../core/demo';
import { Temporal } from '../../core/time';

describe('built-in names in the reader language', () => {
  it('a built-in leave type named in any language reads in each of the four', () => {
    for (const stored of ['Yıllık izin', 'Vacation', 'Urlop wypoczynkowy', 'مرخصی استحقاقی']) {
      expect(NAME_LANGUAGES.map((l) => builtinName('absenceType', 'vacation', stored, l))).toEqual(['Vacation', 'Yıllık izin', 'Urlop wypoczynkowy', 'مرخصی استحقاقی']);
    }
    const sick = builtinNamer('fa').absenceOf({ typeKey: 'sick', typeName: 'Hastalık izni' });
    expect(sick).toBe('مرخصی استعلاجی');
    expect(builtinNamer('en').absenceOf({ typeKey: 'sick', typeName: 'Hastalık izni' })).toBe('Sick');
    expect(builtinNamer('pl').absenceType({ key: 'sick', name: 'Hastalık izni' })).toBe('Zwolnienie lekarskie');
  });

  it('a renamed built-in keeps the name the lead gave it, in every language', () => {
    for (const l of NAME_LANGUAGES) {
      expect(builtinName('absenceType', 'vacation', 'Yıllık izin (2026)', l)).toBe('Yıllık izin (2026)');
      // Another key's name is a rename too: "Sick" given to the vacation type is not the vacation type.
      expect(builtinName('absenceType', 'vacation', 'Sick', l)).toBe('Sick');
    }
    expect(builtinOf('absenceType', 'vacation', 'Izin')).toBeNull();
  });

  it("a type of the lead's own (no key) shows as stored even when it looks like a built-in word", () => {
    expect(builtinName('absenceType', null, 'Yıllık izin', 'en')).toBe('Yıllık izin');
    expect(builtinName('absenceType', 'no-such-key', 'Vacation', 'tr')).toBe('Vacation');
    expect(builtinName('absenceType', 'toString', 'Vacation', 'tr')).toBe('Vacation');
  });

  it('channel codes of a new team read as words; any other code as it is', () => {
    const fa = builtinNamer('fa');
    expect(['phone', 'chat', 'email', 'billing'].map(fa.channel)).toEqual(['تلفن', 'چت', 'ایمیل', 'billing']);
    expect(builtinNamer('tr').channel('email')).toBe('e-posta');
    expect(builtinNamer('en').channel('phone')).toBe('phone');
    expect(builtinNamer('pl').channel('chat')).toBe('czat');
  });

  it('the demo rotation, its layer and its templates read in the language; renamed ones do not', () => {
    const demo = demoData(Temporal.Instant.from('2026-11-28T09:00:00Z'));
    for (const l of NAME_LANGUAGES) {
      const n = builtinNamer(l);
      expect(n.rotation(demo.onCall.name)).toBe(BUILTIN_KINDS.rotation.Nöbet?.[l]);
      expect(n.layer(demo.onCall.layers[0]?.name ?? '')).toBe(BUILTIN_KINDS.layer['Weekend escalation']?.[l]);
      for (const t of demo.templates) expect(n.template(t)).toBe(BUILTIN_KINDS.template[t.code]?.[l]);
    }
    expect(builtinNamer('en').rotation('Nöbet')).toBe('On-call');
    expect(builtinNamer('fa').rotation('Nöbet (Ankara)')).toBe('Nöbet (Ankara)');
    // Without a key column only the name the demo stores is its: a lead's "Dyżur" or "On-call" is the lead's.
    expect(builtinNamer('en').rotation('Dyżur')).toBe('Dyżur');
    expect(builtinNamer('tr').rotation('On-call')).toBe('On-call');
    // A template is the demo's by its code and name together: another code with the name is the lead's.
    expect(builtinNamer('tr').template({ code: 'E', name: 'Early phone' })).toBe('Sabah telefon');
    expect(builtinNamer('tr').template({ code: 'X', name: 'Early phone' })).toBe('Early phone');
    expect(builtinNamer('tr').template({ code: 'E', name: 'Early phones' })).toBe('Early phones');
  });

  it('every built-in has a distinct, non-empty name in each language, the leave types from core/absence', () => {
    for (const table of Object.values(BUILTIN_KINDS)) {
      for (const names of Object.values(table)) {
        for (const l of NAME_LANGUAGES) expect(names[l].trim()).not.toBe('');
      }
      for (const l of NAME_LANGUAGES) {
        const all = Object.values(table).map((n) => n[l]);
        expect(new Set(all).size).toBe(all.length);
      }
    }
    expect(Object.keys(BUILTIN_KINDS.absenceType)).toEqual(DEFAULT_ABSENCE_TYPES.map((t) => t.key));
  });

  it('takes a locale as well as a language; other languages read English', () => {
    expect(nameLanguage('fa-IR')).toBe('fa');
    expect(nameLanguage('tr')).toBe('tr');
    expect(nameLanguage('de-DE')).toBe('en');
  });
});
