import type { ChangeEvent, InputHTMLAttributes } from 'react';
import { latinDigits } from '../../core/calendar';
import { onScreen, useScreenDigits } from './screenDigits';

type NumberProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & {
  value: string;
  onChange(e: ChangeEvent<HTMLInputElement>): void;
};

/**
 * A number field in the screen's digits: on a Persian screen it shows "۱۲٫۵" and takes Persian,
 * Arabic-Indic or Latin digits; its owner gets Latin digits and a point (the event's value is
 * rewritten before onChange sees it), so forms parse as they always did.
 */
export function NumberInput({ value, onChange, ...rest }: NumberProps) {
  const screen = useScreenDigits();
  return (
    <input
      {...rest}
      type="text"
      value={onScreen(value, screen)}
      onChange={(e) => {
        e.target.value = latinDigits(e.target.value);
        onChange(e);
      }}
    />
  );
}
