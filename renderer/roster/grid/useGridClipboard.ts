import { useRef } from 'react';
import type { Shift } from '../../../core/shift';
import { clipCount, clipText, copyBlock, pasteEntries, type Clip } from './clipboard';
import type { CellEntry, Rect } from './selection';
import { useNotice } from '../../i18n/later';

interface Args {
  rect: Rect;
  people: readonly { id: number }[];
  days: readonly string[];
  shiftsByCell: ReadonlyMap<string, Shift[]>;
  apply: (entries: CellEntry[]) => Promise<boolean>;
}

/**
 * Ctrl+C / Ctrl+V over the grid. The copied block is kept here (values, so a paste is one write);
 * it also goes to the system clipboard as text for spreadsheets. `notice` says what was copied.
 */
export function useGridClipboard({ rect, people, days, shiftsByCell, apply }: Args) {
  const clip = useRef<Clip | null>(null);
  const [notice, setNotice] = useNotice();

  function copy() {
    const block = copyBlock(rect, people, days, shiftsByCell);
    clip.current = block;
    setNotice((s) => s.t('roster.copied', { count: clipCount(block) }));
    void navigator.clipboard?.writeText(clipText(block)).catch(() => undefined);
  }

  async function paste() {
    const block = clip.current;
    if (!block) return;
    await apply(pasteEntries(block, rect, people, days));
  }

  return { notice, copy, paste };
}
