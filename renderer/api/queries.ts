import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../core/contract';
import type { ApiError } from '../../core/errors';
import { readsChanged } from '../../core/reads';
import { ALL_TABLES } from '../../core/result';
import { bridge, onTablesChanged } from './client';

/**
 * The window's reads, shared: one entry per (method, input), however many components
 * show it, refetched only when a change reports a table the method reads (core/reads.ts).
 * Actual Budget's live queries work the same way.
 */

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | null;
  /** A fetch is under way; `data` may still be the previous answer (kept so views do not jump). */
  loading: boolean;
}

interface Entry {
  method: MethodName;
  input: unknown;
  state: QueryState<unknown>;
  listeners: Set<() => void>;
  /** Fetch generation: an answer to an older fetch is dropped. */
  generation: number;
  stale: boolean;
}

const entries = new Map<string, Entry>();
const IDLE: QueryState<never> = { data: undefined, error: null, loading: false };

function keyOf(method: MethodName, input: unknown): string {
  return `${method} ${JSON.stringify(input)}`;
}

function publish(entry: Entry, state: QueryState<unknown>): void {
  entry.state = state;
  for (const l of entry.listeners) l();
}

function fetchEntry(entry: Entry): void {
  entry.generation += 1;
  entry.stale = false;
  const generation = entry.generation;
  publish(entry, { ...entry.state, loading: true });
  void bridge.call(entry.method, entry.input as never).then((result) => {
    if (generation !== entry.generation) return;
    publish(entry, result.ok ? { data: result.value, error: null, loading: false } : { data: entry.state.data, error: result.error, loading: false });
  });
}

function entryFor(method: MethodName, input: unknown): Entry {
  const key = keyOf(method, input);
  let entry = entries.get(key);
  if (!entry) {
    entry = { method, input, state: { data: undefined, error: null, loading: true }, listeners: new Set(), generation: 0, stale: true };
    entries.set(key, entry);
  }
  return entry;
}

/**
 * Starts reading `method` with `input` before anything shows it (the rota's next week), unless it
 * is read or on its way already. Like any read nobody shows, a change to its tables forgets it.
 */
export function prefetch<M extends MethodName>(method: M, input: MethodInput<M>): void {
  const entry = entryFor(method, input);
  if (entry.stale) fetchEntry(entry);
}

/**
 * After a change: reads of the tables it touched refetch if on screen, and are
 * forgotten otherwise (the next component to show one fetches it afresh).
 */
export function tablesChanged(changed: readonly string[]): void {
  for (const [key, entry] of entries) {
    if (!readsChanged(entry.method, changed)) continue;
    if (entry.listeners.size > 0) fetchEntry(entry);
    else entries.delete(key);
  }
}

onTablesChanged(tablesChanged);

/** Everything may have changed (another file, a restore): every read refetches. */
export function everythingChanged(): void {
  tablesChanged([ALL_TABLES]);
}

/**
 * Reads `method` with each of `inputs` (a read split in chunks, such as coverage over a
 * month) and keeps them current; `data` is there once every part is. `inputs` null: nothing to read yet.
 */
export function useApiQueries<M extends MethodName>(method: M, inputs: readonly MethodInput<M>[] | null): QueryState<MethodOutput<M>[]> & { reload: () => void } {
  const keys = inputs === null ? null : inputs.map((i) => keyOf(method, i));
  const composite = keys === null ? null : keys.join('\n');
  // The inputs are read through a ref so fresh object literals with the same content are the same query.
  const inputsRef = useRef(inputs);
  inputsRef.current = inputs;
  const subscribe = useCallback(
    (onChange: () => void) => {
      const current = inputsRef.current;
      if (composite === null || current === null) return () => undefined;
      const parts = current.map((i) => entryFor(method, i));
      for (const entry of parts) {
        entry.listeners.add(onChange);
        if (entry.stale) fetchEntry(entry);
      }
      return () => {
        for (const entry of parts) entry.listeners.delete(onChange);
      };
    },
    [method, composite],
  );
  // One snapshot object per combination of the parts' states, as useSyncExternalStore needs.
  const cache = useRef<{ states: QueryState<unknown>[]; combined: QueryState<unknown[]> } | null>(null);
  const getSnapshot = useCallback((): QueryState<unknown[]> => {
    if (composite === null || keys === null) return IDLE;
    const states = keys.map((k) => entries.get(k)?.state ?? IDLE);
    const last = cache.current;
    if (last && last.states.length === states.length && last.states.every((x, i) => x === states[i])) return last.combined;
    const complete = states.every((x) => x.data !== undefined);
    const combined: QueryState<unknown[]> = {
      data: complete ? states.map((x) => x.data) : undefined,
      error: states.find((x) => x.error)?.error ?? null,
      loading: states.some((x) => x.loading || (x.data === undefined && x.error === null)),
    };
    cache.current = { states, combined };
    return combined;
    // keys is derived from composite
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [composite]);
  const state = useSyncExternalStore(subscribe, getSnapshot) as QueryState<MethodOutput<M>[]>;
  // While new inputs load, keep showing the last complete answer this component had.
  const last = useRef<MethodOutput<M>[] | undefined>(undefined);
  if (state.data !== undefined) last.current = state.data;
  const reload = useCallback(() => {
    for (const k of keys ?? []) {
      const entry = entries.get(k);
      if (entry) fetchEntry(entry);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [composite]);
  return { data: state.data ?? (composite === null ? undefined : last.current), error: state.error, loading: state.loading, reload };
}

/**
 * Reads `method` with `input` and keeps it current. `input` null: nothing to read yet.
 * Errors are part of the state, for the view to show (see LoadError).
 */
export function useApiQuery<M extends MethodName>(method: M, input: MethodInput<M> | null): QueryState<MethodOutput<M>> & { reload: () => void } {
  const many = useApiQueries(method, input === null ? null : [input]);
  return { data: many.data?.[0], error: many.error, loading: many.loading, reload: many.reload };
}
