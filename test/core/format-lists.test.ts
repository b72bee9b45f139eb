import { describe, expect, it } from 'vitest';
import { formatters } from '../../renderer/format';

describe('plain lists on screen', () => {
  it('join skills and channels as each language writes a short list', () => {
    const channels = ['telefon', 'czat', 'e-mail'];
    expect(formatters('en', 'gregorian').list(['phone', 'chat', 'email'])).toBe('phone, chat, email');
    expect(formatters('tr', 'gregorian').list(['telefon', 'sohbet'])).toBe('telefon, sohbet');
    expect(formatters('pl', 'gregorian').list(channels)).toBe('telefon, czat i e-mail');
    // Persian's own comma, not the Latin one.
    expect(formatters('fa', 'persian').list(['تلفن', 'چت'])).toMatch(/^تلفن،\s?\u200f?\s?چت$/u);
    expect(formatters('fa', 'persian').list(['تلفن', 'چت'])).not.toContain(',');
  });
});
