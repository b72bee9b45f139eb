import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BuiltinNamer } from '../../core/builtin-names';
import { useFormat, type Format } from '../format';
import { useBuiltinNames } from './useBuiltinNames';

/** What words are put together with: the window's words, its dates and numbers, and its names for built-in things. */
export interface Saying {
  t: TFunction;
  fmt: Format;
  names: BuiltinNamer;
}

/**
 * Words kept as how to say them, not as the words: put into the window's language each time they
 * are drawn. A notice that waits on screen (the toast at the bottom, a panel's "Imported 12
 * people") is kept this way, so a switch of language while it shows says it again, dates and
 * names included, in the new one; words made at the moment of the change stayed in the language
 * of that moment.
 */
export type Later = (say: Saying) => string;

/** The window's way of saying things now, to draw `Later` words with. */
export function useSaying(): Saying {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  return { t, fmt, names };
}

/** A notice kept as `Later` words: what it says now (empty for none), and how to set it (null clears it). */
export function useNotice(): [string, (words: Later | null) => void] {
  const saying = useSaying();
  const [words, setWords] = useState<Later | null>(null);
  // A function in state is set through an updater (React would call it as one); the setter stays the same one, as useState's does.
  const set = useCallback((next: Later | null) => setWords(() => next), []);
  return [words ? words(saying) : '', set];
}
