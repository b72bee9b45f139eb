import { useFormat } from '../format';

/** The screen's digits for 0-9, or null where they are Latin; and its decimal mark if it is not a point. */
export function useScreenDigits(): { digits: string[] | null; decimal: string } {
  const fmt = useFormat();
  const digits = fmt.number(0) === '0' ? null : Array.from({ length: 10 }, (_, d) => fmt.number(d));
  return { digits, decimal: digits ? fmt.number(1.5, 1).replace(/\p{Nd}/gu, '') : '.' };
}

/** A Latin "12.5" as the screen writes it ("۱۲٫۵" in Persian); the same text elsewhere. */
export function onScreen(value: string, { digits, decimal }: { digits: string[] | null; decimal: string }): string {
  return digits ? value.replace(/\d/g, (d) => digits[Number(d)] ?? d).replace(/\./g, decimal) : value;
}
