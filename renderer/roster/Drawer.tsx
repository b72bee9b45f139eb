import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A side panel beside the grid with its own heading and a close button; Escape closes it. */
export function Drawer({ id, open, title, onClose, children }: { id: string; open: boolean; title: string; onClose(): void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <aside
      id={id}
      className="drawer"
      aria-labelledby={`${id}-title`}
      hidden={!open}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="drawer-head">
        <h3 id={`${id}-title`}>{title}</h3>
        <button type="button" className="icon" aria-label={t('common.closePanel', { title })} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {children}
    </aside>
  );
}
