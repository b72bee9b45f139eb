import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Who has a planner file open for writing. SQLite keeps two writers from
 * corrupting the file, but not two Rosterdesk windows from working against each
 * other (each with its own undo history and a screen the other makes stale). So a
 * small lock file beside the planner names the process that has it; a second one
 * opens the planner read-only and says who has it. A lock whose process is gone (a
 * crash, a power cut) is taken over without asking.
 */

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO instant the holder opened the file. */
  since: string;
}

export interface FileLock {
  /** The lock file, or null when the folder does not allow one (the planner is then unguarded). */
  path: string | null;
  release(): void;
}

export function lockPathOf(plannerPath: string): string {
  return path.join(path.dirname(plannerPath), `.${path.basename(plannerPath)}.lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.since === 'string') return { pid: parsed.pid, host: parsed.host, since: parsed.since };
  } catch {
    // Unreadable or half-written: nobody holds it.
  }
  return null;
}

/** The other process that has the planner open, or null when it is free (or ours). */
export function lockHolder(plannerPath: string): LockHolder | null {
  const holder = readHolder(lockPathOf(plannerPath));
  if (!holder || holder.pid === process.pid) return null;
  // Another computer (a shared folder): we cannot see its processes, so its lock stands.
  if (holder.host !== os.hostname()) return holder;
  return alive(holder.pid) ? holder : null;
}

/** Lock files this process holds, with how many open planners hold each (a window reopening its own file holds it twice for a moment). */
const held = new Map<string, number>();
process.on('exit', () => {
  for (const p of held.keys()) fs.rmSync(p, { force: true });
});

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Creates `lockPath` holding `text` only if no file is there: written aside, then hard-linked in (link fails if the name exists). */
function createExclusive(lockPath: string, text: string): boolean {
  const aside = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(aside, text);
  try {
    fs.linkSync(aside, lockPath);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

/** A take-over guard older than this was left by a process that died while replacing a stale lock. */
const GUARD_STALE_MS = 10_000;

/**
 * Replaces a stale lock (`stale`: its text as read) with ours, under a guard file that only one
 * process can create: whoever holds the guard checks the lock is still the stale one before
 * replacing it, so two processes that both saw it stale cannot both become writers.
 */
function takeOver(lockPath: string, staleText: string, mine: string): 'taken' | 'changed' | 'busy' {
  const guard = `${lockPath}.takeover`;
  try {
    fs.writeFileSync(guard, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    try {
      if (Date.now() - fs.statSync(guard).mtimeMs > GUARD_STALE_MS) fs.rmSync(guard, { force: true });
    } catch {
      // Gone meanwhile: the next try creates it.
    }
    return 'busy';
  }
  try {
    let now: string | null = null;
    try {
      now = fs.readFileSync(lockPath, 'utf8');
    } catch {
      // Removed meanwhile (its holder closed): take it as free.
    }
    if (now !== null && now !== staleText) return 'changed';
    fs.rmSync(lockPath, { force: true });
    return createExclusive(lockPath, mine) ? 'taken' : 'changed';
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

/**
 * Takes the lock for this process, or returns the other holder. Taking is atomic: the lock file
 * is created only where none exists, and a stale one is replaced under a guard, so processes
 * racing for the same planner end with exactly one writer. A folder where no lock file can be
 * written gives an unguarded lock rather than no planner.
 */
export function takeLock(plannerPath: string, now: Date): FileLock | LockHolder {
  const lockPath = lockPathOf(plannerPath);
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), since: now.toISOString() } satisfies LockHolder);
  let taken = false;
  try {
    // Up to about 15 s while another process holds the take-over guard (it holds it for microseconds; a dead one's guard goes after 10 s).
    for (let attempt = 0; attempt < 300 && !taken; attempt += 1) {
      if (createExclusive(lockPath, mine)) {
        taken = true;
        break;
      }
      let text: string;
      try {
        text = fs.readFileSync(lockPath, 'utf8');
      } catch {
        continue; // Removed between our try and this read: try again.
      }
      const holder = readHolder(lockPath);
      // Ours already (a window reopening its own file): hold it once more.
      if (holder?.pid === process.pid && holder.host === os.hostname()) {
        taken = true;
        break;
      }
      const other = lockHolder(plannerPath);
      if (other) return other;
      const result = takeOver(lockPath, text, mine);
      if (result === 'taken') taken = true;
      else if (result === 'busy') sleepMs(50);
    }
  } catch {
    return { path: null, release: () => undefined };
  }
  if (!taken) return lockHolder(plannerPath) ?? { path: null, release: () => undefined };
  held.set(lockPath, (held.get(lockPath) ?? 0) + 1);
  let released = false;
  return {
    path: lockPath,
    release: () => {
      if (released) return;
      released = true;
      const left = (held.get(lockPath) ?? 1) - 1;
      if (left > 0) {
        held.set(lockPath, left);
        return;
      }
      held.delete(lockPath);
      // Only our own: a holder that took over a lock we thought stale keeps theirs.
      if (readHolder(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
    },
  };
}

export function isHolder(x: FileLock | LockHolder): x is LockHolder {
  return 'pid' in x;
}

export function describeHolder(h: LockHolder, plannerPath: string): string {
  const since = `since ${h.since.slice(0, 16).replace('T', ' ')} UTC`;
  if (h.host === os.hostname()) return `it is open in another Rosterdesk (process ${h.pid}, ${since})`;
  // We cannot see another computer's processes: if it crashed, only the user can say the lock is stale.
  return `it is open in Rosterdesk on ${h.host} (process ${h.pid}, ${since}) (if that computer is off or Rosterdesk is closed there, delete ${lockPathOf(plannerPath)})`;
}
