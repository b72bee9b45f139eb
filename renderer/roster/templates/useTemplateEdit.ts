import { useState } from 'react';
import type { ApiError } from '../../../core/errors';
import { COPIED_TO_SHIFTS, templateMinutes, unusualLength, type ShiftTemplate } from '../../../core/template';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { useBuiltinNames } from '../../i18n/useBuiltinNames';
import { caught } from './caught';
import { draftOf, namedErrors, valuesOf, type Draft, type Question } from './draft';
import type { Later } from '../../i18n/later';

/** Editing one template in its row: the draft, its error, the question a save waits on, and how many planned shifts use it. */
export function useTemplateEdit(list: readonly ShiftTemplate[], setNotice: (words: Later | null) => void) {
  const names = useBuiltinNames();
  const [editingId, setEditingId] = useState<number | null>(null);
  const [edit, setEdit] = useState<Draft | null>(null);
  const [editError, setEditError] = useState<ApiError | null>(null);
  const [question, setQuestion] = useState<Question | null>(null);
  const usageQuery = useApiQuery('template.usage', editingId === null ? null : { id: editingId });

  function startEdit(tp: ShiftTemplate) {
    setEditingId(tp.id);
    // The name as shown: a demo template's in this language (saved unchanged, it stays built-in).
    setEdit({ ...draftOf(tp), name: names.template(tp) });
    setEditError(null);
    setQuestion(null);
    setNotice(null);
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
      setNotice((s) => (out.updatedShifts > 0 ? s.t('templates.savedMoved', { code: out.code, count: out.updatedShifts }) : s.t('templates.saved', { code: out.code })));
    } catch (err) {
      setQuestion(null);
      caught(setEditError)(err);
    }
  }

  return { editingId, edit, setEdit, editError, editErrors: namedErrors(editError), question, setQuestion, usageError: usageQuery.error, startEdit, stopEdit, save };
}

export type TemplateEdit = ReturnType<typeof useTemplateEdit>;
