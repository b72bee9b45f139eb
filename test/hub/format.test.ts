import { describe, expect, it } from 'vitest';
import { wordsFor } from '../../hub/format';

describe('the hub pages’ words', () => {
  it('names an on-call turn by its rotation, and only once when the name says no more than "on call"', () => {
    // The demo's rotation is stored as "Nöbet"; each language shows it by its own name.
    expect(wordsFor('en').onCall('Nöbet')).toBe('On call');
    expect(wordsFor('tr').onCall('Nöbet')).toBe('Nöbet');
    expect(wordsFor('pl').onCall('Nöbet')).toBe('Dyżur');
    expect(wordsFor('fa').onCall('Nöbet')).toBe('کشیک');
    // A lead's own name is kept, after the word, and isolated in a Persian sentence.
    expect(wordsFor('en').onCall('Tier 2')).toBe('On call · Tier 2');
    expect(wordsFor('en').onCall('on-call')).toBe('On call');
    expect(wordsFor('fa').onCall('Tier 2')).toBe('کشیک · \u2068Tier 2\u2069');
  });
});
