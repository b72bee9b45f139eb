/** The File › Open Recent list: newest first, no duplicates, at most `max`. */
export const MAX_RECENT = 10;

export function addRecent(list: readonly string[], file: string, max = MAX_RECENT): string[] {
  return [file, ...list.filter((f) => f !== file)].slice(0, max);
}

/** Reads the stored list defensively: a damaged recent.json must never stop the app. */
export function parseRecent(text: string | null): string[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}
