import { useTranslation } from 'react-i18next';
import type { ShownError } from '../api/errors';
import type { TeamRules } from '../../core/team-rules';
import { useFormat } from '../format';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { Field } from '../shell/Field';
import { TimeInput } from '../shell/TimeInput';
import { NumberInput } from '../shell/NumberInput';

/** Rule limits and premiums as text fields (so a half-typed number is not lost), validated by the service. */
export type RulesDraft = Record<Exclude<keyof TeamRules, 'weekendDays' | 'maxAwayBySkill' | 'onCallCountsForRest'>, string> & {
  weekendDays: number[];
  maxAwayBySkill: Record<string, string>;
  onCallCountsForRest: boolean;
};

export function rulesDraft(rules: TeamRules): RulesDraft {
  const { weekendDays, maxAway, maxAwayBySkill, onCallCountsForRest, monthlyBudget, ...rest } = rules;
  return {
    ...(Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)])) as Omit<RulesDraft, 'weekendDays' | 'maxAway' | 'maxAwayBySkill' | 'onCallCountsForRest' | 'monthlyBudget'>),
    weekendDays,
    onCallCountsForRest,
    // No limit is an empty field.
    maxAway: maxAway === null ? '' : String(maxAway),
    monthlyBudget: monthlyBudget === null ? '' : String(monthlyBudget),
    maxAwayBySkill: Object.fromEntries(Object.entries(maxAwayBySkill).map(([k, v]) => [k, String(v)])),
  };
}

const NUMBER_FIELDS = ['minRestHours', 'maxWeeklyHours', 'maxConsecutiveDays', 'contractToleranceHours', 'nightMultiplier', 'weekendMultiplier', 'holidayMultiplier'] as const;
const TIME_FIELDS = ['nightStart', 'nightEnd'] as const;

/** The values the API takes: numbers as numbers (a decimal comma is accepted), times and the region as typed. */
export function rulesPatch(d: RulesDraft) {
  const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.replace(',', '.')));
  return {
    minRestHours: num(d.minRestHours),
    maxWeeklyHours: num(d.maxWeeklyHours),
    maxConsecutiveDays: num(d.maxConsecutiveDays),
    contractToleranceHours: num(d.contractToleranceHours),
    nightMultiplier: num(d.nightMultiplier),
    weekendMultiplier: num(d.weekendMultiplier),
    holidayMultiplier: num(d.holidayMultiplier),
    nightStart: d.nightStart,
    nightEnd: d.nightEnd,
    weekendDays: d.weekendDays,
    holidayRegion: d.holidayRegion.trim().toUpperCase(),
    onCallCountsForRest: d.onCallCountsForRest,
    maxAway: d.maxAway.trim() === '' ? null : num(d.maxAway),
    monthlyBudget: d.monthlyBudget.trim() === '' ? null : num(d.monthlyBudget),
    maxAwayBySkill: Object.fromEntries(Object.entries(d.maxAwayBySkill).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, num(v)])),
  };
}

/** The limits the service holds each number to (core/team-rules.ts), for an error that names them. */
const RANGES: Record<string, { min: number; max: number; whole?: boolean }> = {
  minRestHours: { min: 0, max: 24 },
  maxWeeklyHours: { min: 1, max: 168 },
  maxConsecutiveDays: { min: 1, max: 31, whole: true },
  contractToleranceHours: { min: 0, max: 80 },
  nightMultiplier: { min: 1, max: 10 },
  weekendMultiplier: { min: 1, max: 10 },
  holidayMultiplier: { min: 1, max: 10 },
  maxAway: { min: 1, max: 1000, whole: true },
  monthlyBudget: { min: 0, max: 1_000_000_000 },
};
const OUT_OF_RANGE = new Set(['too_small', 'too_big', 'invalid_type', 'required', 'invalid']);

export function RulesFields({ draft, onChange, errors, skills }: { draft: RulesDraft; onChange(d: RulesDraft): void; errors: Map<string, ShownError>; skills: readonly string[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  // Errors on rules come back with the path ['rules', field]. A number out of range says which
  // field and what range, not "Too short or too small".
  const errorOf = (field: string): ShownError | undefined => {
    const e = errors.get('rules');
    if (!e || e.path[1] !== field) return undefined;
    const range = RANGES[field];
    if (!range || !OUT_OF_RANGE.has(e.code)) return e;
    const label = t(`team.${field}`);
    const words = t(range.whole ? 'errors.rulesWholeRange' : 'errors.rulesRange', { field: label, min: fmt.number(range.min), max: fmt.number(range.max) });
    return { ...e, code: 'asWritten', message: words };
  };
  return (
    <fieldset className="rules">
      <legend>{t('team.rulesTitle')}</legend>
      <div className="form-grid">
        {NUMBER_FIELDS.map((f) => (
          <Field key={f} label={t(`team.${f}`)} error={errorOf(f)}>
            {(p) => <NumberInput {...p} inputMode="decimal" value={draft[f]} onChange={(e) => onChange({ ...draft, [f]: e.target.value })} />}
          </Field>
        ))}
        {TIME_FIELDS.map((f) => (
          <Field key={f} label={t(`team.${f}`)} error={errorOf(f)}>
            {(p) => <TimeInput {...p} value={draft[f]} onChange={(e) => onChange({ ...draft, [f]: e.target.value })} />}
          </Field>
        ))}
        <Field label={t('team.holidayRegion')} error={errorOf('holidayRegion')}>
          {(p) => <input {...p} value={draft.holidayRegion} maxLength={10} onChange={(e) => onChange({ ...draft, holidayRegion: e.target.value })} />}
        </Field>
        <Field label={t('team.maxAway')} hint={t('team.maxAwayHint')} error={errorOf('maxAway')}>
          {(p) => <NumberInput {...p} inputMode="numeric" value={draft.maxAway} onChange={(e) => onChange({ ...draft, maxAway: e.target.value })} />}
        </Field>
        <Field label={t('team.monthlyBudget')} hint={t('team.monthlyBudgetHint')} error={errorOf('monthlyBudget')}>
          {(p) => <NumberInput {...p} inputMode="decimal" value={draft.monthlyBudget} onChange={(e) => onChange({ ...draft, monthlyBudget: e.target.value })} />}
        </Field>
        {skills.map((skill) => (
          <Field key={skill} label={t('team.maxAwaySkill', { skill: names.channel(skill) })} error={errorOf('maxAwayBySkill')}>
            {(p) => <NumberInput {...p} inputMode="numeric" value={draft.maxAwayBySkill[skill] ?? ''} onChange={(e) => onChange({ ...draft, maxAwayBySkill: { ...draft.maxAwayBySkill, [skill]: e.target.value } })} />}
          </Field>
        ))}
      </div>
      <label className="check">
        <input type="checkbox" checked={draft.onCallCountsForRest} onChange={(e) => onChange({ ...draft, onCallCountsForRest: e.target.checked })} />
        {t('team.onCallCountsForRest')}
      </label>
      <fieldset className="skills">
        <legend>{t('team.weekendDays')}</legend>
        {[1, 2, 3, 4, 5, 6, 7].map((d) => (
          <label key={d} className="check">
            <input
              type="checkbox"
              checked={draft.weekendDays.includes(d)}
              onChange={(e) => onChange({ ...draft, weekendDays: e.target.checked ? [...draft.weekendDays, d].sort() : draft.weekendDays.filter((x) => x !== d) })}
            />
            {fmt.isoWeekday(d)}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
