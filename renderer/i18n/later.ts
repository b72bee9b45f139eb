import type { TFunction } from 'i18next';

/**
 * Words kept as how to say them, not as the words: put into the window's language each time they
 * are drawn. A notice that waits on screen (the toast at the bottom, a panel's "Published: …") is
 * kept this way, so a switch of language while it shows says it again in the new one; words made
 * at the moment of the change would stay in the language of that moment.
 */
export type Later = (t: TFunction) => string;
