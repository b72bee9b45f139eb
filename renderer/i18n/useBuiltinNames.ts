import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { builtinNamer, type BuiltinNamer } from '../../core/builtin-names';
import { useApiQuery } from '../api/queries';

/** Built-in leave types, channels and the demo's names in the window's language (core/builtin-names has the rule). */
export function useBuiltinNames(): BuiltinNamer {
  const { i18n } = useTranslation();
  return useMemo(() => builtinNamer(i18n.language), [i18n.language]);
}

/**
 * A leave type's name as shown, for reads that carry only its stored name (the rota week, a day's
 * absences, conflicts, balances): the team's type of that name gives the key the rule needs.
 */
export function useAbsenceTypeName(teamId: number): (storedName: string) => string {
  const names = useBuiltinNames();
  const types = useApiQuery('absenceType.list', { teamId, includeArchived: true }).data;
  return useCallback(
    (storedName: string) => {
      const type = types?.find((t) => t.name === storedName);
      return type ? names.absenceType(type) : storedName;
    },
    [names, types],
  );
}

/**
 * A rule problem's words as the window says them: the channel, rotation and leave type it names.
 * `typeName` comes from useAbsenceTypeName where the team is at hand.
 */
export function ruleParams(params: Readonly<Record<string, string | number>>, names: BuiltinNamer, typeName: (stored: string) => string = (s) => s): Record<string, string | number> {
  const out = { ...params };
  if (typeof out.skill === 'string') out.skill = names.channel(out.skill);
  if (typeof out.rotation === 'string') out.rotation = names.rotation(out.rotation);
  if (typeof out.type === 'string') out.type = typeName(out.type);
  return out;
}
