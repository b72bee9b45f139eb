import { useTranslation } from 'react-i18next';
import { EncodingSelect, SeparatorSelect } from '../shell/SpreadsheetOptions';

/** The rota as a spreadsheet file: import (with its encoding) and export as CSV (with its separator) or Excel. */
export function SpreadsheetPanel({ onImport, onExport }: { onImport(): void; onExport(format: 'csv' | 'xlsx'): void }) {
  const { t } = useTranslation();
  return (
    <div className="panel-body">
      <p className="muted small">{t('spreadsheet.rosterHint')}</p>
      <EncodingSelect stacked />
      <button type="button" onClick={onImport}>
        {t('roster.import')}
      </button>
      <SeparatorSelect stacked />
      <div className="toolbar">
        <button type="button" onClick={() => onExport('csv')}>
          {t('roster.exportCsv')}
        </button>
        <button type="button" onClick={() => onExport('xlsx')}>
          {t('roster.exportXlsx')}
        </button>
      </div>
    </div>
  );
}
