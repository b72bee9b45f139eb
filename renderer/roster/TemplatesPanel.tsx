import { Fragment, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/errors';
import type { Team } from '../../core/team';
import { COPIED_TO_SHIFTS, nextTemplateColor, templateMinutes, unusualLength, type ShiftTemplate } from '../../core/template';
import { call, CallError } from '../api/client';
import { errorText, fieldErrors, type ShownError } from '../api/errors';
import { useApiQuery } from '../api/queries';
import { useFormat } from '../format';
import { useBuiltinNames } from '../i18n/useBuiltinNames';
import { Field } from '../shell/Field';
import { FormError } from '../shell/FormError';
import { LoadError } from '../shell/LoadError';
import { TimeInput } from '../shell/TimeInput';
import { NumberInput } from '../shell/NumberInput';

/** A template's fields as typed (the break as text, so a half-typed number is not lost). */
interface Draft {
  code: string;
  name: string;
  startLocal: string;
  endLocal: string;
  breakMinutes: string;
  color: string;
  skill: string;
}

const draftOf = (tp: ShiftTemplate): Draft => ({ ...tp, breakMinutes: String(tp.breakMinutes), skill: tp.skill ?? '' });
const valuesOf = (d: Draft) => ({ code: d.code, name: d.name, startLocal: d.startLocal, endLocal: d.endLocal, breakMinutes: d.breakMinutes.trim() === '' ? Number.NaN : Number(d.breakMinutes), color: d.color, skill: d.skill || null });

/** Field errors that name the field, for codes that only say what kind of value was wrong. */
const GENERIC = new Set(['required', 'too_small', 'too_big', 'invalid_type', 'invalid_format', 'invalid', 'invalid_value']);
function namedErrors(error: ApiError | null): Map<string, ShownError> {
  const out = new Map<string, ShownError>(fieldErrors(error));
  for (const field of ['code', 'name', 'breakMinutes'] as const) {
    const e = out.get(field);
    if (e && GENERIC.has(e.code)) out.set(field, { ...e, code: `templateField.${field}` });
  }
  return out;
}

/** What a save waits on: the lead confirming an unusual length, then saying what happens to planned shifts. */
type Question = { kind: 'length'; hours: number; startLocal: string; endLocal: string } | { kind: 'future'; shifts: number; from: string; code: string };

/**
 * The team's shift templates: the codes typed into the rota. Each row edits in place (Enter
 * saves, Escape cancels); an unusual length asks first, and a change of times that planned
 * shifts use asks whether they follow.
 */
export function TemplatesPanel({ team }: { team: Team }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const listQuery = useApiQuery('template.list', { teamId: team.id });
  const list = listQuery.data ?? [];
  const [adding, setAdding] = useState<Draft>({ code: '', name: '', startLocal: '08:00', endLocal: '16:00', breakMinutes: '30', color: '', skill: '' });
  const [addError, setAddError] = useState<ApiError | null>(null);
  const [addQuestion, setAddQuestion] = useState<Question | null>(null);
  const [editingId, setEditingId] = useState<number | null>(null);
  const [edit, setEdit] = useState<Draft | null>(null);
  const [editError, setEditError] = useState<ApiError | null>(null);
  const [question, setQuestion] = useState<Question | null>(null);
  const [notice, setNotice] = useState('');
  const [rowError, setRowError] = useState<ApiError | null>(null);
  const usageQuery = useApiQuery('template.usage', editingId === null ? null : { id: editingId });
  // Until the lead picks a colour, a new template takes the first one the team does not use yet.
  const suggestedColor = nextTemplateColor(list.map((tp) => tp.color));
  const addColor = adding.color || suggestedColor;
  const addErrors = namedErrors(addError);
  const editErrors = namedErrors(editError);
  const hours = (h: number) => t('templates.hoursLong', { hours: fmt.number(h, 2) });

  const caught = (set: (e: ApiError | null) => void) => (err: unknown) => {
    if (err instanceof CallError) set(err.error);
    else throw err;
  };

  async function add(confirmLength: boolean) {
    setNotice('');
    if (!confirmLength && unusualLength(adding.startLocal, adding.endLocal)) {
      setAddQuestion({ kind: 'length', hours: templateMinutes(adding.startLocal, adding.endLocal) / 60, startLocal: adding.startLocal, endLocal: adding.endLocal });
      return;
    }
    try {
      const made = await call('template.create', { teamId: team.id, ...valuesOf({ ...adding, color: addColor }), confirmLength });
      setAddError(null);
      setAddQuestion(null);
      setAdding((d) => ({ ...d, code: '', name: '', color: '' }));
      setNotice(t('templates.added', { code: made.code }));
    } catch (err) {
      setAddQuestion(null);
      caught(setAddError)(err);
    }
  }

  async function addSuggested() {
    setNotice('');
    try {
      // Two templates, two undo steps: each can be taken back on its own.
      await call('template.create', { teamId: team.id, code: 'E', name: t('templates.suggestEarly'), startLocal: '08:00', endLocal: '16:00', breakMinutes: 30 });
      await call('template.create', { teamId: team.id, code: 'L', name: t('templates.suggestLate'), startLocal: '14:00', endLocal: '22:00', breakMinutes: 30 });
      setAddError(null);
      setNotice(t('templates.suggestedAdded'));
    } catch (err) {
      caught(setAddError)(err);
    }
  }

  function startEdit(tp: ShiftTemplate) {
    setEditingId(tp.id);
    // The name as shown: a demo template's in this language (saved unchanged, it stays built-in).
    setEdit({ ...draftOf(tp), name: names.template(tp) });
    setEditError(null);
    setQuestion(null);
    setNotice('');
  }
  function stopEdit() {
    setEditingId(null);
    setEdit(null);
    setEditError(null);
    setQuestion(null);
  }

  /** Saves the row, asking first what the lead has not said yet: an unusual length, then the planned shifts. */
  async function save(answers: { confirmLength?: boolean; futureShifts?: 'keep' | 'update' } = {}) {
    const current = list.find((tp) => tp.id === editingId);
    if (!current || !edit) return;
    const values = valuesOf(edit);
    const timesChanged = values.startLocal !== current.startLocal || values.endLocal !== current.endLocal;
    if (timesChanged && !answers.confirmLength && unusualLength(values.startLocal, values.endLocal)) {
      setQuestion({ kind: 'length', hours: templateMinutes(values.startLocal, values.endLocal) / 60, startLocal: values.startLocal, endLocal: values.endLocal });
      return;
    }
    const copiedChanged = COPIED_TO_SHIFTS.some((f) => values[f] !== current[f]);
    try {
      if (copiedChanged && answers.futureShifts === undefined) {
        // Saved before the count arrived (Enter right after Edit): ask for it now, never skip the question.
        const usage = usageQuery.data ?? (await call('template.usage', { id: current.id }));
        if (usage.shifts > 0) {
          setQuestion({ kind: 'future', shifts: usage.shifts, from: usage.from, code: current.code });
          return;
        }
      }
      const out = await call('template.update', { id: current.id, ...values, confirmLength: answers.confirmLength ?? false, futureShifts: answers.futureShifts ?? 'keep' });
      stopEdit();
      setNotice(out.updatedShifts > 0 ? t('templates.savedMoved', { code: out.code, count: out.updatedShifts }) : t('templates.saved', { code: out.code }));
    } catch (err) {
      setQuestion(null);
      caught(setEditError)(err);
    }
  }

  const rowKeys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      stopEdit();
    } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      void save();
    }
  };

  const lengthQuestion = (q: Extract<Question, { kind: 'length' }>, onYes: () => void, onNo: () => void) => (
    <div role="alertdialog" aria-label={t('templates.lengthTitle')} className="confirm">
      <p>{t('templates.lengthAsk', { from: fmt.clock(q.startLocal), to: fmt.clock(q.endLocal), length: hours(q.hours) })}</p>
      <button type="button" className="primary" onClick={onYes}>
        {t('templates.lengthYes', { length: hours(q.hours) })}
      </button>
      <button type="button" onClick={onNo} autoFocus>
        {t('templates.lengthNo')}
      </button>
    </div>
  );

  const skillSelect = (value: string, onChange: (v: string) => void, props: Record<string, unknown>) => (
    <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('templates.none')}</option>
      {team.skills.map((s) => (
        <option key={s} value={s}>
          {names.channel(s)}
        </option>
      ))}
    </select>
  );

  const editRow = (tp: ShiftTemplate, d: Draft) => {
    const set = (patch: Partial<Draft>) => setEdit({ ...d, ...patch });
    const invalid = (f: string) => ({ 'aria-invalid': editErrors.has(f) });
    const label = (field: string) => `${t(`templates.${field}`)} (${tp.code})`;
    return (
      <Fragment key={tp.id}>
        <tr className="editing" onKeyDown={rowKeys}>
          <th scope="row">
            <input aria-label={label('code')} {...invalid('code')} value={d.code} maxLength={6} size={4} onChange={(e) => set({ code: e.target.value })} autoFocus />
          </th>
          <td>
            <input aria-label={label('name')} {...invalid('name')} value={d.name} onChange={(e) => set({ name: e.target.value })} />
          </td>
          <td dir="ltr">
            <TimeInput aria-label={label('start')} {...invalid('startLocal')} value={d.startLocal} onChange={(e) => set({ startLocal: e.target.value })} />
          </td>
          <td dir="ltr">
            <TimeInput aria-label={label('end')} {...invalid('endLocal')} value={d.endLocal} onChange={(e) => set({ endLocal: e.target.value })} />
          </td>
          <td>
            <NumberInput aria-label={label('break')} {...invalid('breakMinutes')} inputMode="numeric" size={4} value={d.breakMinutes} onChange={(e) => set({ breakMinutes: e.target.value })} />
          </td>
          <td>
            <input aria-label={label('color')} type="color" value={d.color} onChange={(e) => set({ color: e.target.value })} />
          </td>
          <td>{skillSelect(d.skill, (v) => set({ skill: v }), { 'aria-label': label('skill') })}</td>
          <td>
            <div className="row-actions">
              <button type="button" className="primary" onClick={() => void save()}>
                {t('templates.save')}
              </button>
              <button type="button" onClick={stopEdit}>
                {t('templates.cancel')}
              </button>
            </div>
          </td>
        </tr>
        {(editError || question) && (
          <tr className="editing-note">
            <td colSpan={8}>
              {editError && (
                <p role="alert" className="error">
                  {[...editErrors.values()].map((e) => errorText(t, e)).join(' · ') || errorText(t, editError)}
                </p>
              )}
              {question?.kind === 'length' && lengthQuestion(question, () => void save({ confirmLength: true }), () => setQuestion(null))}
              {question?.kind === 'future' && (
                <div role="alertdialog" aria-label={t('templates.futureTitle')} className="confirm">
                  <p>{t('templates.futureAsk', { count: question.shifts, code: question.code, from: fmt.day(question.from) })}</p>
                  <button type="button" className="primary" onClick={() => void save({ confirmLength: true, futureShifts: 'update' })}>
                    {t('templates.futureUpdate', { count: question.shifts })}
                  </button>
                  <button type="button" onClick={() => void save({ confirmLength: true, futureShifts: 'keep' })}>
                    {t('templates.futureKeep')}
                  </button>
                  <button type="button" onClick={() => setQuestion(null)}>
                    {t('templates.cancel')}
                  </button>
                </div>
              )}
            </td>
          </tr>
        )}
      </Fragment>
    );
  };

  return (
    <section className="card" aria-labelledby="templates-title">
      <h2 id="templates-title">{t('templates.title')}</h2>
      <LoadError errors={[listQuery.error, usageQuery.error]} />
      {notice && <p role="status">{notice}</p>}
      {rowError && (
        <p role="alert" className="error">
          {errorText(t, rowError)}
        </p>
      )}
      {listQuery.data && list.length === 0 && (
        <div className="explain empty-state">
          <p>{t('templates.empty')}</p>
          <p className="muted">{t('templates.emptyHint')}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void addSuggested()}>
              {t('templates.suggest')}
            </button>
          </div>
        </div>
      )}
      {list.length > 0 && (
        <table className="templates">
          <thead>
            <tr>
              <th scope="col">{t('templates.code')}</th>
              <th scope="col">{t('templates.name')}</th>
              <th scope="col">{t('templates.start')}</th>
              <th scope="col">{t('templates.end')}</th>
              <th scope="col">{t('templates.break')}</th>
              <th scope="col">{t('templates.color')}</th>
              <th scope="col">{t('templates.skill')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('templates.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((tp) =>
              tp.id === editingId && edit ? (
                editRow(tp, edit)
              ) : (
                <tr key={tp.id}>
                  <th scope="row">
                    <span className="swatch" style={{ backgroundColor: tp.color }} aria-hidden="true" />
                    {tp.code}
                  </th>
                  <td>{names.template(tp)}</td>
                  <td>{fmt.clock(tp.startLocal)}</td>
                  <td>{fmt.clock(tp.endLocal)}</td>
                  <td>{fmt.number(tp.breakMinutes)}</td>
                  <td className="nowrap">
                    <span className="swatch" style={{ backgroundColor: tp.color }} aria-hidden="true" /> <span dir="ltr" translate="no">{tp.color}</span>
                  </td>
                  <td>{tp.skill === null ? t('templates.none') : names.channel(tp.skill)}</td>
                  <td>
                    <div className="row-actions">
                      <button type="button" aria-label={t('templates.editWho', { code: tp.code })} onClick={() => startEdit(tp)}>
                        {t('templates.edit')}
                      </button>
                      <button type="button" aria-label={t('templates.removeWho', { code: tp.code })} onClick={() => void call('template.archive', { id: tp.id }).then(() => setRowError(null), caught(setRowError))}>
                        {t('templates.remove')}
                      </button>
                    </div>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <form
        className="form-grid"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void add(false);
        }}
        aria-label={t('templates.add')}
        noValidate
      >
        <h3>{listQuery.data && list.length === 0 ? t('templates.addOwn') : t('templates.add')}</h3>
        <Field label={t('templates.code')} hint={t('templates.codeHint')} error={addErrors.get('code')}>
          {(p) => <input {...p} value={adding.code} maxLength={6} onChange={(e) => setAdding({ ...adding, code: e.target.value })} />}
        </Field>
        <Field label={t('templates.name')} error={addErrors.get('name')}>
          {(p) => <input {...p} value={adding.name} onChange={(e) => setAdding({ ...adding, name: e.target.value })} />}
        </Field>
        <Field label={t('templates.start')} error={addErrors.get('startLocal')}>
          {(p) => <TimeInput {...p} value={adding.startLocal} onChange={(e) => setAdding({ ...adding, startLocal: e.target.value })} />}
        </Field>
        <Field label={t('templates.end')} hint={t('templates.hint')} error={addErrors.get('endLocal')}>
          {(p) => <TimeInput {...p} value={adding.endLocal} onChange={(e) => setAdding({ ...adding, endLocal: e.target.value })} />}
        </Field>
        <Field label={t('templates.break')} error={addErrors.get('breakMinutes')}>
          {(p) => <NumberInput {...p} inputMode="numeric" value={adding.breakMinutes} onChange={(e) => setAdding({ ...adding, breakMinutes: e.target.value })} />}
        </Field>
        <Field label={t('templates.color')} error={addErrors.get('color')}>
          {(p) => <input {...p} type="color" value={addColor} onChange={(e) => setAdding({ ...adding, color: e.target.value })} />}
        </Field>
        <Field label={t('templates.skill')} error={addErrors.get('skill')}>
          {(p) => skillSelect(adding.skill, (v) => setAdding({ ...adding, skill: v }), p)}
        </Field>
        <FormError error={addError} fieldCount={addErrors.size} />
        {addQuestion?.kind === 'length' && lengthQuestion(addQuestion, () => void add(true), () => setAddQuestion(null))}
        <div className="actions">
          <button type="submit" className="primary">
            {t('templates.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
