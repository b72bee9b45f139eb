import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AbsenceType } from '../../core/absence';
import type { Person } from '../../core/person';
import type { Team } from '../../core/team';
import { todayIn } from '../../core/time';
import { call } from '../api/client';
import { useApiQuery } from '../api/queries';
import { useAction } from '../api/useAction';
import { LoadError } from '../shell/LoadError';
import { useFormat } from '../format';
import { useAbsenceTypeName, useBuiltinNames } from '../i18n/useBuiltinNames';
import { FormError } from '../shell/FormError';
import { IdSelect } from '../shell/IdSelect';
import { DateField } from '../shell/DateField';
import { NumberInput } from '../shell/NumberInput';

interface Props {
  team: Team;
  people: Person[];
  types: AbsenceType[];
  personId: number | null;
  onPerson(id: number): void;
}

/** One person's leave: balances as of a day (allowance, carry-over, taken, planned, left) and their absence history. */
export function PersonLeavePanel({ team, people, types, personId, onPerson }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const typeName = useAbsenceTypeName(team.id);
  const shownTypes = useMemo(() => types.map((ty) => ({ ...ty, name: names.absenceType(ty) })), [types, names]);
  const [asOf, setAsOf] = useState(() => todayIn(team.timeZone).toString());
  const balancesQuery = useApiQuery('absence.balance', personId === null ? null : { personId, asOf });
  const historyQuery = useApiQuery('absence.history', personId === null ? null : { personId });
  const balances = balancesQuery.data ?? [];
  const history = historyQuery.data ?? [];
  const [typeId, setTypeId] = useState(() => types.find((x) => x.countsAgainstAllowance)?.id ?? types[0]?.id ?? 0);
  const [amount, setAmount] = useState('');
  const [carryOver, setCarryOver] = useState('0');
  const [unit, setUnit] = useState<'days' | 'hours'>('days');
  const { error, act } = useAction();
  // Audit stamps are UTC instants: shown on the team's clock (a 10:21 change in Istanbul reads 10:21, not 07:21).
  const stampFormat = useMemo(() => new Intl.DateTimeFormat(fmt.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: team.timeZone }), [fmt.locale, team.timeZone]);

  const year = Number(asOf.slice(0, 4));
  const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));
  function setAllowance(e: FormEvent) {
    e.preventDefault();
    if (personId === null) return;
    void act(() => call('absence.setAllowance', { personId, typeId: typeId || (types[0]?.id ?? 0), year, unit, amount: num(amount), carryOver: num(carryOver) }));
  }

  return (
    <section aria-labelledby="leave-title" className="person-leave">
      <h3 id="leave-title">{t('absences.balanceTitle')}</h3>
      <LoadError errors={[balancesQuery.error, historyQuery.error]} />
      <div className="form-grid">
        <label className="field">
          <span>{t('absences.person')}</span>
          <IdSelect aria-label={t('absences.balancePerson')} items={people} value={personId ?? ''} onPick={onPerson} />
        </label>
        <label className="field">
          <span>{t('absences.asOf')}</span>
          <DateField value={asOf} weekStart={team.weekStart} onChange={(d) => d && setAsOf(d)} />
        </label>
      </div>
      {/* Measures down, types across: the side column has room for a type or three, not for seven figures side by side. */}
      <div style={{ overflowX: 'auto' }} tabIndex={0} role="group" aria-label={t('absences.balanceTitle')}>
        <table className="numbers" aria-label={t('absences.balanceTitle')}>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('absences.type')}</span>
              </th>
              {balances.map((b) => (
                <th key={b.typeId} scope="col">
                  {typeName(b.typeName)} ({t(`absences.unit.${b.unit}`)})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(['allowance', 'carryOver', 'taken', 'planned', 'requested', 'left'] as const).map((measure) => (
              <tr key={measure} className={measure === 'left' ? 'total' : undefined}>
                <th scope="row">{t(`absences.${measure}`)}</th>
                {balances.map((b) => (
                  <td key={b.typeId} style={measure === 'left' && b.left < 0 ? { color: 'var(--danger)' } : undefined} data-testid={measure === 'left' ? `left-${b.typeId}` : undefined}>
                    {fmt.number(b[measure], 2)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="form-grid" aria-label={t('absences.setAllowance', { year })} onSubmit={setAllowance} noValidate>
        <label className="field">
          <span>{t('absences.type')}</span>
          <IdSelect items={shownTypes} value={typeId} onPick={setTypeId} />
        </label>
        <label className="field">
          <span>{t('absences.allowanceIn', { year })}</span>
          <NumberInput inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('absences.carryOver')}</span>
          <NumberInput inputMode="decimal" value={carryOver} onChange={(e) => setCarryOver(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('absences.unitLabel')}</span>
          <select value={unit} onChange={(e) => setUnit(e.target.value === 'hours' ? 'hours' : 'days')}>
            <option value="days">{t('absences.unit.days')}</option>
            <option value="hours">{t('absences.unit.hours')}</option>
          </select>
        </label>
        <FormError error={error} fieldCount={0} />
        <div className="actions">
          <button type="submit">{t('absences.saveAllowance')}</button>
        </div>
      </form>
      <h4>{t('absences.historyTitle')}</h4>
      {history.length === 0 ? (
        <p className="muted">{t('absences.noHistory')}</p>
      ) : (
        <ol className="audit" aria-label={t('absences.historyTitle')}>
          {history.map((h) => (
            <li key={h.id}>
              <time dateTime={h.at} title={team.timeZone}>{stampFormat.format(new Date(h.at))}</time> · {h.actor} · {t(`absences.action.${h.action}`)} · {h.absence}
              {h.changes.length > 0 && (
                <span className="muted">
                  {' '}
                  ({h.changes.map((c) => `${t(`absences.field.${c.field}`, { defaultValue: c.field })}: ${c.field === 'status' ? t(`absences.status.${c.from ?? 'none'}`, { defaultValue: '—' }) : c.field === 'type' && c.from !== null ? typeName(c.from) : (c.from ?? '—')} → ${c.field === 'status' ? t(`absences.status.${c.to ?? 'none'}`) : c.field === 'type' && c.to !== null ? typeName(c.to) : (c.to ?? '—')}`).join('; ')})
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
