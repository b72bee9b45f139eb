import { useTranslation } from 'react-i18next';
import type { Draft } from '../../core/contract';
import { useFormat } from '../format';
import type { DraftReview } from './draftReview';

interface Props {
  draft: Draft;
  review: DraftReview | null;
  /** Whether the draft's range misses the week shown (it is then said to lie elsewhere). */
  elsewhere: boolean;
  onAccept(): void;
  onDiscard(): void;
}

/** Above the grid while a draft roster is under review: what it changes, Accept and Discard. */
export function DraftBar({ draft, review, elsewhere, onAccept, onDiscard }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <div className="draft-bar" role="region" aria-label={t('roster.draftBar')}>
      <span>
        <strong>{t('schedule.draftTitle', { from: fmt.day(draft.from), to: fmt.day(draft.to) })}</strong>{' '}
        {review && t('roster.draftCounts', { created: review.counts.new, changed: review.counts.changed, removed: review.counts.removed })}
        {elsewhere && ` · ${t('roster.draftElsewhere')}`}
      </span>
      <span className="spacer" />
      <button type="button" className="primary" onClick={onAccept}>
        {t('schedule.accept')}
      </button>
      <button type="button" onClick={onDiscard}>
        {t('schedule.discard')}
      </button>
    </div>
  );
}
