import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuiltinNames } from '../../i18n/useBuiltinNames';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & { skills: readonly string[]; value: string; onPick(skill: string): void };

/** The channel a template's shifts serve, or none. */
export function SkillSelect({ skills, value, onPick, ...props }: Props) {
  const { t } = useTranslation();
  const names = useBuiltinNames();
  return (
    <select {...props} value={value} onChange={(e) => onPick(e.target.value)}>
      <option value="">{t('templates.none')}</option>
      {skills.map((s) => (
        <option key={s} value={s}>
          {names.channel(s)}
        </option>
      ))}
    </select>
  );
}
