import en from './en.json';
import fa from './fa.json';
import pl from './pl.json';
import tr from './tr.json';

/**
 * Every language's words, in one place: the UI (renderer/i18n), the desktop menu
 * (electron/menu.ts) and the calendar files' event texts (db/handlers/calendar.ts)
 * all read them from here. This folder is a leaf: it imports nothing else of ours,
 * so any layer may use it without depending on another layer's folder.
 *
 * The keys are core/contract's Language; that is not imported (it would make the leaf
 * depend on the contract), but every caller indexes TRANSLATIONS with a Language, so
 * a language added to the contract without its words fails the type check there.
 */
export type Translation = typeof en;
export const TRANSLATIONS = { en, tr, pl, fa } satisfies Record<string, Translation>;
