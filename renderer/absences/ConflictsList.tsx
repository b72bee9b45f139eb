import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../core/contract';
import { useFormat } from '../format';
import { useAbsenceTypeName, useBuiltinNames } from '../i18n/useBuiltinNames';

/** The month's shifts that fall in someone's absence: nobody covers them. */
export function ConflictsList({ conflicts, teamId }: { conflicts: MethodOutput<'absence.conflicts'>; teamId: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const typeName = useAbsenceTypeName(teamId);
  return (
    <section aria-labelledby="conflicts-title">
      <h3 id="conflicts-title">{t('absences.conflicts')}</h3>
      {conflicts.length === 0 ? (
        <p className="muted">{t('absences.noConflicts')}</p>
      ) : (
        <ul>
          {conflicts.map((c) => (
            <li key={c.shiftId}>
              {t('absences.conflict', { name: c.personName, day: fmt.dayLong(c.day), from: fmt.clock(c.startLocal), to: fmt.clock(c.endLocal), type: typeName(c.typeName), channel: c.skill === null ? '—' : names.channel(c.skill) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
