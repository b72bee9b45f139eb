import { DEFAULT_ABSENCE_TYPES } from './absence';

/**
 * Built-in words in the reader's language. Rosterdesk names some things itself: the leave types
 * a new team gets, the channels a new team starts with (phone, chat, email), and what the demo
 * makes (its shift templates and its on-call rotation). Those are shown in the language of
 * whoever reads them (the window, or the file being written) until the lead renames them; a
 * name the lead typed is shown as typed.
 *
 * The one rule: an item is built-in when it has a key here and its stored name is still one of
 * that key's names in any of the four languages (a Turkish team's "Yıllık izin" is the same
 * built-in as an English team's "Vacation"); then its name in the reader's language is shown.
 * Otherwise the stored name. Where a table has no key column the key is what identifies the
 * demo's item without one: a template's code, a channel's code, and for a rotation or a layer
 * (nothing else to go by) the very name the demo stores, so a rotation a lead named "Dyżur"
 * stays "Dyżur" in every window.
 */

export const NAME_LANGUAGES = ['en', 'tr', 'pl', 'fa'] as const;
export type NameLanguage = (typeof NAME_LANGUAGES)[number];
export type BuiltinNames = Readonly<Record<NameLanguage, string>>;

/**
 * Channel codes a new team and the demo start with. A channel's code is also its stored name, so
 * the code itself is the key; lower case, because they also stand inside sentences
 * ("nobody has the phone skill").
 */
export const BUILTIN_CHANNELS: Readonly<Record<string, BuiltinNames>> = {
  phone: { en: 'phone', tr: 'telefon', pl: 'telefon', fa: 'تلفن' },
  chat: { en: 'chat', tr: 'sohbet', pl: 'czat', fa: 'چت' },
  email: { en: 'email', tr: 'e-posta', pl: 'e-mail', fa: 'ایمیل' },
};

/** The demo's shift templates, by code (core/demo.ts stores the English names). */
export const DEMO_TEMPLATE_NAMES: Readonly<Record<string, BuiltinNames>> = {
  E: { en: 'Early phone', tr: 'Sabah telefon', pl: 'Telefon rano', fa: 'تلفن صبح' },
  L: { en: 'Late phone', tr: 'Akşam telefon', pl: 'Telefon popołudniu', fa: 'تلفن عصر' },
  S: { en: 'Saturday phone', tr: 'Cumartesi telefon', pl: 'Telefon w sobotę', fa: 'تلفن شنبه' },
  D: { en: 'Day chat', tr: 'Gündüz sohbet', pl: 'Czat dzienny', fa: 'چت روز' },
  C: { en: 'Evening chat', tr: 'Akşam sohbet', pl: 'Czat wieczorny', fa: 'چت شب' },
  W: { en: 'Weekend chat', tr: 'Hafta sonu sohbet', pl: 'Czat weekendowy', fa: 'چت آخر هفته' },
  M: { en: 'Mail desk', tr: 'E-posta masası', pl: 'Obsługa poczty', fa: 'میز ایمیل' },
  A: { en: 'Afternoon mail', tr: 'Öğleden sonra e-posta', pl: 'Poczta po południu', fa: 'ایمیل بعدازظهر' },
};

/** The demo's on-call rotation and its layer, by the name core/demo.ts stores ("Nöbet": the demo team is in Istanbul). */
export const DEMO_ROTATION_NAMES: Readonly<Record<string, BuiltinNames>> = {
  Nöbet: { en: 'On-call', tr: 'Nöbet', pl: 'Dyżur', fa: 'کشیک' },
};
export const DEMO_LAYER_NAMES: Readonly<Record<string, BuiltinNames>> = {
  'Weekend escalation': { en: 'Weekend escalation', tr: 'Hafta sonu eskalasyon', pl: 'Eskalacja weekendowa', fa: 'ارجاع آخر هفته' },
};

const ABSENCE_TYPE_NAMES: Readonly<Record<string, BuiltinNames>> = Object.fromEntries(DEFAULT_ABSENCE_TYPES.map((t) => [t.key, t.names]));

export const BUILTIN_KINDS = {
  absenceType: ABSENCE_TYPE_NAMES,
  channel: BUILTIN_CHANNELS,
  template: DEMO_TEMPLATE_NAMES,
  rotation: DEMO_ROTATION_NAMES,
  layer: DEMO_LAYER_NAMES,
} as const;
export type BuiltinKind = keyof typeof BUILTIN_KINDS;
/** Kinds whose items carry their key (a leave type's key column, a channel's or template's code): no key, not built-in. */
const KEYED: ReadonlySet<BuiltinKind> = new Set(['absenceType', 'channel', 'template']);

/** A UI language or a locale ("fa-IR") as one of the four; English for any other. */
export function nameLanguage(languageOrLocale: string): NameLanguage {
  const lang = languageOrLocale.slice(0, 2).toLowerCase();
  return (NAME_LANGUAGES as readonly string[]).includes(lang) ? (lang as NameLanguage) : 'en';
}

/**
 * The built-in entry an item still is, or null when it is the lead's own (no key, an unknown key,
 * or renamed). Rotations and layers have no key column: their stored name is the key.
 */
export function builtinOf(kind: BuiltinKind, key: string | null | undefined, storedName: string): BuiltinNames | null {
  const table = BUILTIN_KINDS[kind];
  const name = storedName.trim();
  const lookup = KEYED.has(kind) ? key : name;
  const names = lookup !== null && lookup !== undefined && Object.hasOwn(table, lookup) ? table[lookup] : undefined;
  return names && NAME_LANGUAGES.some((l) => names[l] === name) ? names : null;
}

/** The name to show a reader in `language`: the built-in's translation, else the stored name. */
export function builtinName(kind: BuiltinKind, key: string | null | undefined, storedName: string, language: string): string {
  return builtinOf(kind, key, storedName)?.[nameLanguage(language)] ?? storedName;
}

/** Readers for one language, so a page or a file says every built-in word the same way. */
export interface BuiltinNamer {
  language: NameLanguage;
  absenceType(t: { key: string | null; name: string }): string;
  /** An absence's type as it carries it (typeKey, typeName). */
  absenceOf(a: { typeKey: string | null; typeName: string }): string;
  /** A channel or skill code: a built-in code in words, any other as it is. */
  channel(code: string): string;
  template(t: { code: string; name: string }): string;
  rotation(name: string): string;
  layer(name: string): string;
}

export function builtinNamer(language: string): BuiltinNamer {
  const lang = nameLanguage(language);
  return {
    language: lang,
    absenceType: (t) => builtinName('absenceType', t.key, t.name, lang),
    absenceOf: (a) => builtinName('absenceType', a.typeKey, a.typeName, lang),
    channel: (code) => builtinName('channel', code, code, lang),
    template: (t) => builtinName('template', t.code, t.name, lang),
    rotation: (name) => builtinName('rotation', null, name, lang),
    layer: (name) => builtinName('layer', null, name, lang),
  };
}
