import { describe, expect, it } from 'vitest';
import { normalizeClock } from '../../renderer/shell/TimeInput';

describe('a time typed on 24 hours', () => {
  it('reads Persian or Latin digits, with or without the colon, as HH:MM', () => {
    expect(normalizeClock('9')).toBe('09:00');
    expect(normalizeClock('930')).toBe('09:30');
    expect(normalizeClock('9.30')).toBe('09:30');
    expect(normalizeClock('۲۲:۰۰')).toBe('22:00');
    expect(normalizeClock('٠٨:٣٠')).toBe('08:30');
    expect(normalizeClock('24:00')).toBe('24:00');
    // Not a time: left as typed, for the form to refuse at its field.
    expect(normalizeClock('10 PM')).toBe('10 PM');
  });
});
