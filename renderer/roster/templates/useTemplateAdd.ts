import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/errors';
import type { Team } from '../../../core/team';
import { nextTemplateColor, templateMinutes, unusualLength, type ShiftTemplate } from '../../../core/template';
import { call } from '../../api/client';
import { caught } from './caught';
import { namedErrors, valuesOf, type Draft, type Question } from './draft';
import type { Later } from '../../i18n/later';

/** Adding templates: the form's draft, its error and question, and the two suggested ones for an empty team. */
export function useTemplateAdd(team: Team, list: readonly ShiftTemplate[], setNotice: (words: Later | null) => void) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState<Draft>({ code: '', name: '', startLocal: '08:00', endLocal: '16:00', breakMinutes: '30', color: '', skill: '' });
  const [addError, setAddError] = useState<ApiError | null>(null);
  const [addQuestion, setAddQuestion] = useState<Question | null>(null);
  // Until the lead picks a colour, a new template takes the first one the team does not use yet.
  const addColor = adding.color || nextTemplateColor(list.map((tp) => tp.color));

  async function add(confirmLength: boolean) {
    setNotice(null);
    if (!confirmLength && unusualLength(adding.startLocal, adding.endLocal)) {
      setAddQuestion({ kind: 'length', hours: templateMinutes(adding.startLocal, adding.endLocal) / 60, startLocal: adding.startLocal, endLocal: adding.endLocal });
      return;
    }
    try {
      const made = await call('template.create', { teamId: team.id, ...valuesOf({ ...adding, color: addColor }), confirmLength });
      setAddError(null);
      setAddQuestion(null);
      setAdding((d) => ({ ...d, code: '', name: '', color: '' }));
      setNotice((s) => s.t('templates.added', { code: made.code }));
    } catch (err) {
      setAddQuestion(null);
      caught(setAddError)(err);
    }
  }

  async function addSuggested() {
    setNotice(null);
    try {
      // Two templates, two undo steps: each can be taken back on its own.
      await call('template.create', { teamId: team.id, code: 'E', name: t('templates.suggestEarly'), startLocal: '08:00', endLocal: '16:00', breakMinutes: 30 });
      await call('template.create', { teamId: team.id, code: 'L', name: t('templates.suggestLate'), startLocal: '14:00', endLocal: '22:00', breakMinutes: 30 });
      setAddError(null);
      setNotice((s) => s.t('templates.suggestedAdded'));
    } catch (err) {
      caught(setAddError)(err);
    }
  }

  return { adding, setAdding, addColor, addError, addErrors: namedErrors(addError), addQuestion, setAddQuestion, add, addSuggested };
}

export type TemplateAdd = ReturnType<typeof useTemplateAdd>;
