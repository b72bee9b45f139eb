import type { Language } from '../../../core/contract';
import en from './en.json';
import fa from './fa.json';
import pl from './pl.json';
import tr from './tr.json';

/**
 * Every language's words, in one place: the UI, the desktop menu and the calendar
 * files (their event texts) all read them from here.
 */
export type Translation = typeof en;
export const TRANSLATIONS: Record<Language, Translation> = { en, tr, pl, fa };
