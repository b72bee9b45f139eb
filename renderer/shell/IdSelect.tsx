import type { SelectHTMLAttributes } from 'react';

/** A select of named things by id (people, types…): the chosen id comes back as a number. */
export function IdSelect({ items, value, onPick, ...rest }: { items: readonly { id: number; name: string }[]; value: number | ''; onPick(id: number): void } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  return (
    <select {...rest} value={value} onChange={(e) => onPick(Number(e.target.value))}>
      {items.map((x) => (
        <option key={x.id} value={x.id}>
          {x.name}
        </option>
      ))}
    </select>
  );
}
