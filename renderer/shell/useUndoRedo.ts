import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../core/errors';
import { bridge, call, CallError } from '../api/client';
import { everythingChanged } from '../api/queries';

/** Whether a key or command aimed at this element is the field's own (text editing), not the planner's. */
export function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)));
}

/**
 * Undo and redo of plan changes, from the toolbar, Ctrl+Z / Ctrl+Y (Cmd on macOS) and the native
 * menu (Electron), which also says when the file changed and asks for the backups (`onShowBackups`).
 * `error` is why the last step was refused.
 */
export function useUndoRedo(onShowBackups: () => void) {
  const [error, setError] = useState<ApiError | null>(null);

  // Undo and redo report the tables they changed, like any call: the pages on screen refetch those.
  const step = useCallback(async (method: 'history.undo' | 'history.redo') => {
    try {
      await call(method, {});
      setError(null);
    } catch (err) {
      if (err instanceof CallError) setError(err.error);
      else throw err;
    }
  }, []);
  const undo = useCallback(() => step('history.undo'), [step]);
  const redo = useCallback(() => step('history.redo'), [step]);

  // Ctrl+Z / Ctrl+Y (and Cmd on macOS) undo plan changes; inside a text field they stay the field's own.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isEditable(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void undo();
      } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
        e.preventDefault();
        void redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  // The native menu (Electron) sends the same commands.
  useEffect(
    () =>
      bridge.onMenuCommand((command) => {
        if (command === 'undo') {
          if (isEditable(document.activeElement)) document.execCommand('undo');
          else void undo();
        } else if (command === 'redo') {
          if (isEditable(document.activeElement)) document.execCommand('redo');
          else void redo();
        } else if (command === 'file-changed') {
          everythingChanged();
        } else if (command === 'show-backups') {
          onShowBackups();
        }
      }),
    [undo, redo, onShowBackups],
  );

  return { error, undo, redo };
}
