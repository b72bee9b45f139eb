import { useMemo } from 'react';
import { useFormat } from './format';

/**
 * Names in the order a reader of the UI language expects: Intl.Collator of that language, so
 * "Łukasz" comes after "Leyla" and before "Mehmet" in Polish, and "Çağrı" after "Can" in Turkish.
 * The planner file sorts by code point (SQLite's BINARY), which puts every Ł, Ş or Ö after Z;
 * the service keeps that stable order for the CLI and exports, and screens re-sort for reading.
 */
const collators = new Map<string, Intl.Collator>();

export function nameCollator(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) collators.set(locale, (c = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })));
  return c;
}

/** A copy of `items` by `name` in the locale's order; equal names keep their order. */
export function byName<T extends { name: string }>(items: readonly T[], locale: string): T[] {
  const c = nameCollator(locale);
  return [...items].sort((a, b) => c.compare(a.name, b.name));
}

/** `byName` in the UI language, kept while the list and the language stay the same. */
export function useByName<T extends { name: string }>(items: readonly T[] | null | undefined): T[] {
  const { locale } = useFormat();
  return useMemo(() => byName(items ?? [], locale), [items, locale]);
}
