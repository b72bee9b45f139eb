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
