/**
 * Folds text for matching what a person types against names: lower case without
 * diacritics, including Turkish dotless ı and Polish ł, so "ayse" finds "Ayşe"
 * and "lukasz" finds "Łukasz".
 */
export function fold(text: string): string {
  return text
    .toLocaleLowerCase('tr')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replaceAll('ı', 'i')
    .replaceAll('ł', 'l');
}

/** Fills `{{name}}` places in a translated sentence (what i18next does in the window, for text made outside it). */
export function fillWords(text: string, params: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** A name safe in every file system, keeping letters of any script: "Destek, Gece; Ekip" → "Destek-Gece-Ekip". */
export function fileSlug(text: string): string {
  return text.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'calendar';
}
