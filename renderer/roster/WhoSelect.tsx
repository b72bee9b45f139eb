import { useTranslation } from 'react-i18next';
import type { Person } from '../../core/person';
import { useApiQuery } from '../api/queries';
import { useByName } from '../collate';
import { useBuiltinNames } from '../i18n/useBuiltinNames';

/** "team", "person:ID" or "rotation:ID": whose events a calendar file or publication holds. */
export type Who = string;

export function whoIds(who: Who): { personId: number | null; rotationId: number | null } {
  const [kind, idText] = who.split(':');
  return { personId: kind === 'person' ? Number(idText) : null, rotationId: kind === 'rotation' ? Number(idText) : null };
}

export function whoOf(personId: number | null, rotationId: number | null): Who {
  return personId !== null ? `person:${personId}` : rotationId !== null ? `rotation:${rotationId}` : 'team';
}

/** The whole team, one person, or one on-call rotation. */
export function WhoSelect({ teamId, value, onChange, label }: { teamId: number; value: Who; onChange(who: Who): void; label: string }) {
  const { t } = useTranslation();
  const { people, rotations } = useWhoLists(teamId, false);
  const names = useBuiltinNames();
  return (
    <label className="inline">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="team">{t('calendarFile.wholeTeam')}</option>
        <optgroup label={t('calendarFile.people')}>
          {people.map((p) => (
            <option key={p.id} value={`person:${p.id}`}>
              {p.name}
            </option>
          ))}
        </optgroup>
        {rotations.length > 0 && (
          <optgroup label={t('calendarFile.rotations')}>
            {rotations.map((r) => (
              <option key={r.id} value={`rotation:${r.id}`}>
                {names.rotation(r.name)}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </label>
  );
}

/** A person's or rotation's name for a Who, from the same lists (archived people too: old targets keep their name). */
export function useWhoNames(teamId: number): (who: Who) => string {
  const { t } = useTranslation();
  const { people, rotations } = useWhoLists(teamId, true);
  const builtin = useBuiltinNames();
  const names = new Map<string, string>([...people.map((x) => [`person:${x.id}`, x.name] as const), ...rotations.map((x) => [`rotation:${x.id}`, builtin.rotation(x.name)] as const)]);
  return (who) => (who === 'team' ? t('calendarFile.wholeTeam') : (names.get(who) ?? who));
}

/** The team's people and on-call rotations (shared reads: kept current as they change). */
function useWhoLists(teamId: number, includeArchived: boolean): { people: Person[]; rotations: { id: number; name: string }[] } {
  const people = useByName(useApiQuery('person.list', { teamId, includeArchived }).data);
  const rotations = useByName(useApiQuery('rotation.list', { teamId }).data);
  return { people, rotations };
}
