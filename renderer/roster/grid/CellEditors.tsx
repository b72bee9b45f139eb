import { useTranslation } from 'react-i18next';
import type { ShiftTemplate } from '../../../core/template';
import { useFormat } from '../../format';
import { useBuiltinNames } from '../../i18n/useBuiltinNames';
import type { CellEdit } from './useCellEdit';

/** The code editor in the focused cell: Enter fills the selection, Escape gives the keyboard back to the cell. */
export function CellEditor({ cellName, value, on }: { cellName: string; value: string; on: CellEdit['editor'] }) {
  const { t } = useTranslation();
  return (
    <input
      className="cell-editor"
      aria-label={t('roster.edit', { cell: cellName })}
      value={value}
      autoFocus
      maxLength={6}
      onChange={(e) => on.change(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          on.commit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          on.cancel();
        }
      }}
      onBlur={on.blur}
    />
  );
}

interface PickerProps {
  cellName: string;
  templates: readonly ShiftTemplate[];
  /** The code the cell holds now, chosen when the list opens. */
  current: string;
  on: CellEdit['picker'];
}

/** The team's codes as a list on the focused cell (Enter or a double click opens it): the day off first. */
export function CellPicker({ cellName, templates, current, on }: PickerProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  return (
    <select
      className="cell-picker"
      size={Math.min(8, templates.length + 1)}
      aria-label={`${t('roster.choose')}: ${cellName}`}
      autoFocus
      defaultValue={current}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          on.pick(e.currentTarget.value);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          on.cancel();
        }
      }}
      onClick={(e) => {
        if ((e.target as HTMLElement).tagName === 'OPTION') on.pick(e.currentTarget.value);
      }}
      onBlur={on.blur}
    >
      <option value="">{t('roster.dayOff')}</option>
      {templates.map((tp) => (
        <option key={tp.id} value={tp.code}>
          {tp.code} — {names.template(tp)} ({fmt.clockRange(tp.startLocal, tp.endLocal)})
        </option>
      ))}
    </select>
  );
}
