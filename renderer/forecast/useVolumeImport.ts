import { useRef, useState, type ChangeEvent } from 'react';
import { UPLOAD_PIECE_BYTES } from '../../core/contract';
import type { ApiError } from '../../core/errors';
import type { Team } from '../../core/team';
import { call, CallError } from '../api/client';
import { fileBase64, useImportEncoding } from '../shell/SpreadsheetOptions';
import { useNotice } from '../i18n/later';

/**
 * Importing contact volumes from a CSV file: the hidden file input, what the import said
 * (`notice`: rows, intervals, channels, range) or why it failed (`importError`).
 */
export function useVolumeImport(team: Team) {
  const encoding = useImportEncoding();
  const fileInput = useRef<HTMLInputElement>(null);
  const [importError, setImportError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useNotice();

  async function importFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      const r = await call('volume.import', { teamId: team.id, upload: await sendInPieces(file), encoding });
      setImportError(null);
      setNotice((s) => s.t('forecast.imported', { rows: r.rows, intervals: r.intervals, channels: s.fmt.list(r.channels.map(s.names.channel)), from: r.from ? s.fmt.day(r.from) : '–', to: r.to ? s.fmt.day(r.to) : '–' }));
    } catch (err) {
      if (err instanceof CallError) setImportError(err.error);
      else throw err;
    }
  }

  return { fileInput, importFile, importError, notice };
}

/**
 * Sends a file to the service a piece at a time (upload.start, upload.append), so neither the
 * window nor the service holds a ticket export of many megabytes whole; returns the upload's id.
 */
async function sendInPieces(file: Blob): Promise<string> {
  const { id } = await call('upload.start', { sizeBytes: file.size });
  let next = 0;
  // A few pieces on their way at once: each says where it goes, so the order they land in does not matter.
  const sender = async () => {
    for (let at = next; at < file.size; at = next) {
      next += UPLOAD_PIECE_BYTES;
      await call('upload.append', { id, at, bytes: await fileBase64(file.slice(at, at + UPLOAD_PIECE_BYTES)) });
    }
  };
  await Promise.all(Array.from({ length: PIECES_IN_FLIGHT }, sender));
  return id;
}

/** How many pieces of a file are sent at once. */
const PIECES_IN_FLIGHT = 4;
