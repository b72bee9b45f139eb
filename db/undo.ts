import type { Db } from './open';

/**
 * Session undo/redo by inverse SQL, after SQLite's "Automatic Undo/Redo" recipe:
 * TEMP triggers (never stored in the file) log, for every row a user action
 * changes, the statement that puts it back. An undo replays a step's log in
 * reverse inside one transaction; the triggers log the replay, which becomes
 * the redo step. It covers every table and every future feature for free.
 */

interface Step {
  label: string;
  from: number;
  to: number;
}

export interface HistorySnapshot {
  canUndo: boolean;
  canRedo: boolean;
  /** What the caller named the steps (the service passes the API method). */
  undoStep: string | null;
  redoStep: string | null;
}

/**
 * Tables whose rows are not part of the user's plan: Ctrl+Z does not undo them and
 * restoring a backup keeps them. Settings are the user's, not the plan's; what a
 * CalDAV server holds follows the server, not the plan.
 */
export const OUTSIDE_THE_PLAN: ReadonlySet<string> = new Set(['setting', 'caldav_published']);
const MAX_STEPS = 200;

/** The tables that hold the user's plan (every table but SQLite's own and those outside the plan). */
export function planTables(db: Db): string[] {
  const tables = db.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return tables.filter((t) => !OUTSIDE_THE_PLAN.has(t));
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

export class UndoHistory {
  private readonly undoSteps: Step[] = [];
  private readonly redoSteps: Step[] = [];
  /** The tables the last record, undo or redo changed (empty when it changed nothing). */
  touched: string[] = [];

  constructor(private readonly db: Db) {
    // tbl: which table the row belongs to, so a step can say what it touched (the UI refetches by table).
    db.exec('CREATE TEMP TABLE IF NOT EXISTS undo_log (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, sql TEXT NOT NULL)');
    for (const table of planTables(this.db)) this.installTriggers(table);
  }


  /**
   * Runs a change too large to undo step by step (restoring a backup) without
   * logging it, then starts the history afresh: the steps before it no longer apply.
   */
  unrecorded<T>(work: () => T): T {
    const triggers = this.db.prepare("SELECT name FROM sqlite_temp_schema WHERE type = 'trigger' AND name LIKE 'undo\\_%' ESCAPE '\\'").pluck().all() as string[];
    for (const t of triggers) this.db.exec(`DROP TRIGGER temp.${ident(t)}`);
    try {
      return work();
    } finally {
      for (const table of planTables(this.db)) this.installTriggers(table);
      this.undoSteps.splice(0);
      this.redoSteps.splice(0);
      this.db.exec('DELETE FROM undo_log');
    }
  }

  private installTriggers(table: string): void {
    const cols = (this.db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).filter(
      (c) => c !== 'rowid',
    );
    const t = ident(table);
    const q = (s: string) => sqlText(s);
    const insertCols = ['rowid', ...cols].map((c) => (c === 'rowid' ? 'rowid' : ident(c))).join(',');
    const insertVals = [`old.rowid`, ...cols.map((c) => `quote(old.${ident(c)})`)].join(`||','||`);
    const setList = cols.map((c, i) => `${q((i ? ',' : '') + ident(c) + '=')}||quote(old.${ident(c)})`).join('||');
    const trig = (kind: string) => ident(`undo_${table}_${kind}`);
    this.db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS ${trig('insert')} AFTER INSERT ON main.${t} BEGIN
        INSERT INTO undo_log (tbl, sql) VALUES (${q(table)}, ${q(`DELETE FROM ${t} WHERE rowid=`)}||new.rowid);
      END;
      CREATE TEMP TRIGGER IF NOT EXISTS ${trig('update')} AFTER UPDATE ON main.${t} BEGIN
        INSERT INTO undo_log (tbl, sql) VALUES (${q(table)}, ${q(`UPDATE ${t} SET `)}||${setList}||${q(' WHERE rowid=')}||old.rowid);
      END;
      CREATE TEMP TRIGGER IF NOT EXISTS ${trig('delete')} BEFORE DELETE ON main.${t} BEGIN
        INSERT INTO undo_log (tbl, sql) VALUES (${q(table)}, ${q(`INSERT INTO ${t} (${insertCols}) VALUES (`)}||${insertVals}||')');
      END;
    `);
  }

  private tablesOf(step: Step): string[] {
    return this.db.prepare('SELECT DISTINCT tbl FROM undo_log WHERE seq BETWEEN ? AND ? ORDER BY tbl').pluck().all(step.from, step.to) as string[];
  }

  private lastSeq(): number {
    return (this.db.prepare('SELECT coalesce(max(seq), 0) FROM undo_log').pluck().get() as number) ?? 0;
  }

  /**
   * Runs `work` as one transaction and records it as one undo step. Must be the
   * outermost transaction: one user action, one step, one commit.
   */
  record<T>(label: string, work: () => T): T {
    return this.db.transaction(() => {
      const from = this.lastSeq() + 1;
      const result = work();
      const to = this.lastSeq();
      this.touched = [];
      if (to >= from) {
        const step = { label, from, to };
        this.touched = this.tablesOf(step);
        this.undoSteps.push(step);
        this.dropRedo();
        this.trim();
      }
      return result;
    })();
  }

  private dropRedo(): void {
    for (const step of this.redoSteps.splice(0)) this.deleteLog(step);
  }

  private trim(): void {
    while (this.undoSteps.length > MAX_STEPS) {
      const oldest = this.undoSteps.shift();
      if (oldest) this.deleteLog(oldest);
    }
  }

  private deleteLog(step: Step): void {
    this.db.prepare('DELETE FROM undo_log WHERE seq BETWEEN ? AND ?').run(step.from, step.to);
  }

  private replay(step: Step): Step {
    const statements = this.db
      .prepare('SELECT sql FROM undo_log WHERE seq BETWEEN ? AND ? ORDER BY seq DESC')
      .pluck()
      .all(step.from, step.to) as string[];
    this.deleteLog(step);
    const from = this.lastSeq() + 1;
    // Cascades and parent/child order are restored by the end of the step, not row by row.
    this.db.pragma('defer_foreign_keys = ON');
    for (const s of statements) this.db.exec(s);
    return { label: step.label, from, to: this.lastSeq() };
  }

  undo(): string | null {
    this.touched = [];
    const step = this.undoSteps.at(-1);
    if (!step) return null;
    this.db.transaction(() => {
      const redo = this.replay(step);
      this.touched = this.tablesOf(redo);
      this.undoSteps.pop();
      this.redoSteps.push(redo);
    })();
    return step.label;
  }

  redo(): string | null {
    this.touched = [];
    const step = this.redoSteps.at(-1);
    if (!step) return null;
    this.db.transaction(() => {
      const again = this.replay(step);
      this.touched = this.tablesOf(again);
      this.redoSteps.pop();
      this.undoSteps.push(again);
    })();
    return step.label;
  }

  snapshot(): HistorySnapshot {
    return {
      canUndo: this.undoSteps.length > 0,
      canRedo: this.redoSteps.length > 0,
      undoStep: this.undoSteps.at(-1)?.label ?? null,
      redoStep: this.redoSteps.at(-1)?.label ?? null,
    };
  }
}
