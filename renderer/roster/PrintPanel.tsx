import { useTranslation } from 'react-i18next';
import type { PaperSize } from './PrintRota';

/** The paper size and Print (and, in the desktop app, Save as PDF). */
export function PrintPanel({ paper, onPaper, onPrint }: { paper: PaperSize; onPaper(paper: PaperSize): void; onPrint(action: 'print' | 'pdf'): void }) {
  const { t } = useTranslation();
  return (
    <div className="panel-body">
      <label className="inline">
        <span>{t('print.paper')}</span>
        <select value={paper} onChange={(e) => onPaper(e.target.value === 'A3' ? 'A3' : 'A4')}>
          <option value="A4">A4</option>
          <option value="A3">A3</option>
        </select>
      </label>
      <div className="actions">
        <button type="button" className="primary" onClick={() => onPrint('print')}>
          {t('print.print')}
        </button>
        {/* In a browser the print dialog's "Save as PDF" does this; the app has its own. */}
        {window.rosterdesk && (
          <button type="button" onClick={() => onPrint('pdf')}>
            {t('print.pdf')}
          </button>
        )}
      </div>
    </div>
  );
}
