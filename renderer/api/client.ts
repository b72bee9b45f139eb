import type { MenuCommand, MethodInput, MethodName, MethodOutput, RosterdeskBridge } from '../../core/contract';
import type { ApiError } from '../../core/errors';
import type { ApiResult } from '../../core/result';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in browser mode. */
    rosterdesk?: RosterdeskBridge;
  }
}

/**
 * Browser mode speaks the same contract over HTTP. The page lives at
 * /TOKEN/, so the API is the relative URL "api" and every request carries
 * the token in its path without the UI ever handling it.
 */
function httpBridge(): RosterdeskBridge {
  const endpoint = new URL('api', document.baseURI).toString();
  return {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>> {
      try {
        const res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ method, input }),
        });
        return (await res.json()) as ApiResult<MethodOutput<M>>;
      } catch (err) {
        return { ok: false, error: { code: 'network', message: err instanceof Error ? err.message : String(err), path: [] } };
      }
    },
    onMenuCommand: () => () => undefined,
    // The browser's own print dialog, whose "Save as PDF" makes the PDF.
    print: () => {
      window.print();
      return Promise.resolve({ ok: true });
    },
  };
}

export const bridge: RosterdeskBridge = window.rosterdesk ?? httpBridge();

/** A failed call as an exception, for UI code that handles errors in one place. */
export class CallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'CallError';
  }
}

type ChangeListener = (tables: readonly string[], method: MethodName) => void;
const changeListeners = new Set<ChangeListener>();

/** Hears which tables each successful call changed, and by which method (the shared reads refetch by them; the window says what happened). */
export function onTablesChanged(listener: ChangeListener): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** Calls the API; a refusal is thrown as a CallError, and what a change touched is announced. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await bridge.call(method, input);
  if (!result.ok) throw new CallError(result.error);
  if (result.changed?.length) for (const l of changeListeners) l(result.changed, method);
  return result.value;
}

export type { MenuCommand };
