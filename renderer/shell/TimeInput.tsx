import type { ChangeEvent, FocusEvent, InputHTMLAttributes } from 'react';
import { latinDigits } from '../../core/calendar';
import { onScreen, useScreenDigits } from './screenDigits';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & {
  /** "HH:MM" on 24 hours, Latin digits, as the service takes it. */
  value: string;
  onChange(e: ChangeEvent<HTMLInputElement>): void;
};

/** "9" → "09:00", "930" → "09:30", "9.30" → "09:30"; anything else as typed, for the form to refuse. */
export function normalizeClock(typed: string): string {
  const t = latinDigits(typed).trim();
  const m = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(t);
  if (!m) return t;
  return `${(m[1] ?? '').padStart(2, '0')}:${m[2] ?? '00'}`;
}

/**
 * A time of day typed on 24 hours, in the screen's digits: the browser's time input shows
 * "10:00 PM" in an English-US Chromium whatever the page's language, and Latin digits on a
 * Persian screen. This one shows "22:00" (۲۲:۰۰ in Persian), takes Persian or Latin digits, and
 * hands its owner Latin "HH:MM" (the event's value is rewritten before onChange sees it).
 */
export function TimeInput({ value, onChange, onBlur, ...rest }: Props) {
  const shown = onScreen(value, useScreenDigits());
  const emit = (e: ChangeEvent<HTMLInputElement> | FocusEvent<HTMLInputElement>, latin: string) => {
    e.target.value = latin;
    onChange(e as ChangeEvent<HTMLInputElement>);
  };
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      dir="ltr"
      maxLength={5}
      autoComplete="off"
      spellCheck={false}
      value={shown}
      onChange={(e) => emit(e, latinDigits(e.target.value))}
      onBlur={(e) => {
        const normal = normalizeClock(e.target.value);
        if (normal !== value) emit(e, normal);
        onBlur?.(e);
      }}
    />
  );
}
