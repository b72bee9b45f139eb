import type { PrintRequest } from '../core/bridge';

/** The IPC channel for printing the window's print view. */
export const PRINT_CHANNEL = 'rosterdesk:print';

/**
 * A print request from the page, checked before it reaches Electron's printing:
 * only the two actions, the two paper sizes, and a plain PDF file name (no
 * folders, so the save dialog starts where the user saves things).
 */
export function parsePrintRequest(input: unknown): PrintRequest | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const { action, pageSize, filename } = input as Record<string, unknown>;
  if (action !== 'print' && action !== 'pdf') return null;
  if (pageSize !== 'A4' && pageSize !== 'A3') return null;
  if (typeof filename !== 'string' || filename.length === 0 || filename.length > 120) return null;
  if (/[\\/:*?"<>|\u0000-\u001f]/.test(filename) || filename.startsWith('.') || !filename.toLowerCase().endsWith('.pdf')) return null;
  return { action, pageSize, filename };
}

/** Electron's options for both printing and printToPDF: landscape, the chosen paper, backgrounds kept. */
export function printOptions(r: PrintRequest): { landscape: true; pageSize: 'A4' | 'A3'; printBackground: true } {
  return { landscape: true, pageSize: r.pageSize, printBackground: true };
}
