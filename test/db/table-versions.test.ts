import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableVersions } from '../../db/table-versions';

/**
 * The data version a kept value is filed under (db/table-versions.ts): whatever mix of reads,
 * writes, commits and rollbacks, a version seen again always stands for the same data. A real
 * SQLite connection; the property is what the forecast store relies on.
 */

type Op = { kind: 'read' } | { kind: 'insert'; n: number } | { kind: 'update' } | { kind: 'delete' } | { kind: 'begin' } | { kind: 'commit' } | { kind: 'rollback' } | { kind: 'other'; n: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant<Op>({ kind: 'read' }),
  fc.integer({ min: 1, max: 3 }).map<Op>((n) => ({ kind: 'insert', n })),
  fc.constant<Op>({ kind: 'update' }),
  fc.constant<Op>({ kind: 'delete' }),
  fc.constant<Op>({ kind: 'begin' }),
  fc.constant<Op>({ kind: 'commit' }),
  fc.constant<Op>({ kind: 'rollback' }),
  fc.integer({ min: 1, max: 2 }).map<Op>((n) => ({ kind: 'other', n })),
);

/** A connection with one table `a` and its version reader. */
function oneTable() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE a (x INTEGER)');
  const versionOf = tableVersions(db, ['a']);
  if (!versionOf) throw new Error('no versions');
  return { db, versionOf };
}

describe('table versions', () => {
  it('never shows one version for two different states of the tables (property)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const db = new Database(':memory:');
        db.exec('CREATE TABLE a (x INTEGER); CREATE TABLE b (y INTEGER); CREATE TABLE c (z INTEGER)');
        const versionOf = tableVersions(db, ['a', 'b']);
        if (!versionOf) throw new Error('no versions outside a transaction');
        const state = () => JSON.stringify([db.prepare('SELECT x FROM a ORDER BY rowid').pluck().all(), db.prepare('SELECT y FROM b ORDER BY rowid').pluck().all()]);
        const kept = new Map<string, string>();
        let k = 0;
        for (const o of ops) {
          k += 1;
          if (o.kind === 'read') {
            const v = versionOf();
            const now = state();
            const before = kept.get(v);
            if (before !== undefined && before !== now) return false;
            kept.set(v, now);
          } else if (o.kind === 'insert') for (let i = 0; i < o.n; i += 1) db.prepare(`INSERT INTO ${k % 2 ? 'a' : 'b'} VALUES (?)`).run(k * 10 + i);
          else if (o.kind === 'update') db.prepare('UPDATE a SET x = x + 1').run();
          else if (o.kind === 'delete') db.prepare('DELETE FROM b WHERE rowid = (SELECT max(rowid) FROM b)').run();
          else if (o.kind === 'other') db.prepare('INSERT INTO c VALUES (?)').run(k);
          else if (o.kind === 'begin' && !db.inTransaction) db.exec('BEGIN');
          else if (o.kind === 'commit' && db.inTransaction) db.exec('COMMIT');
          else if (o.kind === 'rollback' && db.inTransaction) db.exec('ROLLBACK');
        }
        db.close();
        return true;
      }),
      {
        numRuns: 2000,
        // Found by this property: a write, then one inside a transaction that rolls back, read between.
        examples: [[[{ kind: 'insert', n: 1 }, { kind: 'begin' }, { kind: 'update' }, { kind: 'read' }, { kind: 'rollback' }, { kind: 'read' }]]],
      },
    );
  });

  it('after a rollback, shows none of the versions read inside the transaction', () => {
    const { db, versionOf } = oneTable();
    const before = versionOf();
    db.exec('BEGIN');
    db.prepare('INSERT INTO a VALUES (1)').run();
    const inside = versionOf();
    db.exec('ROLLBACK');
    const after = versionOf();
    expect(new Set([before, inside, after]).size).toBe(3);
    // A write after the rollback, with no read between, still moves it from what was read inside.
    db.prepare('INSERT INTO a VALUES (2)').run();
    expect([before, inside, after]).not.toContain(versionOf());
    db.close();
  });

  it('moves for a bulk write, and again for the next write after a read', () => {
    const { db, versionOf } = oneTable();
    const v1 = versionOf();
    db.transaction(() => {
      for (let i = 0; i < 1000; i += 1) db.prepare('INSERT INTO a VALUES (?)').run(i);
    })();
    const v2 = versionOf();
    expect(v2).not.toBe(v1);
    db.prepare('INSERT INTO a VALUES (1)').run();
    expect(versionOf()).not.toBe(v2);
    db.close();
  });
});
