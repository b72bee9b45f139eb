import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import type { Question } from './draft';

/** "08:00–22:00 is 14 hours: is that right?" before saving an unusual length; No has the keyboard. */
export function LengthQuestion({ question: q, onYes, onNo }: { question: Extract<Question, { kind: 'length' }>; onYes(): void; onNo(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const hours = (h: number) => t('templates.hoursLong', { hours: fmt.number(h, 2) });
  return (
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
}
