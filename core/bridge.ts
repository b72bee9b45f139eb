// From contract/methods, not ./contract: that module re-exports this one, and the two would import each other.
import type { MethodInput, MethodName, MethodOutput } from './contract/methods';
import type { ApiResult } from './result';

/** Commands the native menu sends to the window; the UI handles each. */
export const MENU_COMMANDS = ['undo', 'redo', 'file-changed', 'show-backups'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * The one object the UI talks to: `window.rosterdesk` in Electron (preload),
 * the same shape over HTTP in browser mode. Kept apart from the schemas so the
 * preload bundle carries no validation code (the main process validates).
 */
/** Printing the page's print view: to a printer, or (Electron) to a PDF file the user picks. */
export interface PrintRequest {
  action: 'print' | 'pdf';
  pageSize: 'A4' | 'A3';
  /** Suggested file name for a PDF. */
  filename: string;
}

export interface PrintOutcome {
  ok: boolean;
  /** Where the PDF was saved. */
  file?: string;
  /** Why printing failed (not set when the user cancelled). */
  error?: string;
}

export interface RosterdeskBridge {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  print(request: PrintRequest): Promise<PrintOutcome>;
}
