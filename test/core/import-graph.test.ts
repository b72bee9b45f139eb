import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The shape of the code base as a graph of our own imports (issue 18, point 5):
 * no import cycles, and every folder imports only the layers below it. ESLint's
 * no-restricted-imports (eslint.config.js) says the same about layers in the editor;
 * this test resolves each import to its file, so it also sees dynamic import() and
 * `typeof import()`, and it is the only check for cycles (no eslint-plugin-import).
 *
 * Type-only imports count. They are erased at runtime, so they cannot break module
 * loading order, but a cycle of types still ties two files together: neither can be
 * read, changed or moved without the other. The cycle this test was written for
 * (db/handlers/schedule.ts ↔ db/schedule-jobs.ts) was type-only in both directions.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Folders of ours and the folders each may import from (besides itself). Tests and tooling (scripts/, bin/) sit on top and may import anything. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  // The domain: pure, imports nothing else of ours.
  core: [],
  // Every language's words: a leaf that any layer may read.
  words: [],
  db: ['core', 'words'],
  // The department's server over PostgreSQL: it shares the domain and words, never the planner file.
  hub: ['core', 'words'],
  cli: ['core', 'db', 'hub', 'words'],
  electron: ['core', 'db', 'words'],
  renderer: ['core', 'words'],
  scripts: ['core', 'db', 'hub', 'cli', 'electron', 'renderer', 'words'],
  bin: ['core', 'db', 'hub', 'cli', 'electron', 'renderer', 'words'],
};

/**
 * Import edges allowed to close a cycle for now, each with why and who removes it; the
 * test below fails once an edge is gone, so its line is deleted with the fix.
 */
const KNOWN_CYCLE_EDGES: readonly string[] = [];

const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
    }
  };
  for (const dir of Object.keys(MAY_IMPORT)) if (fs.existsSync(path.join(ROOT, dir))) walk(dir);
  return out.sort();
}

/** Every module specifier a file names: static imports and re-exports, import(), typeof import(). */
function specifiers(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) out.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) out.push(node.arguments[0].text);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) out.push(node.argument.literal.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The file a relative specifier names, as the bundler and tsx find it; null for packages and node: modules. */
function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const stem = base.replace(/\.(js|mjs)$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, `${base}/index.ts`, `${base}/index.tsx`];
  for (const c of candidates) if (fs.existsSync(path.join(ROOT, c)) && fs.statSync(path.join(ROOT, c)).isFile()) return c;
  throw new Error(`${from}: cannot find ${specifier}`);
}

function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of sourceFiles()) {
    const targets = specifiers(file)
      .map((s) => resolve(file, s))
      .filter((t): t is string => t !== null && SOURCE.test(t));
    edges.set(file, [...new Set(targets)]);
  }
  return edges;
}

/** Each cycle once, as the files around it, found by a depth-first search that follows edges in order. */
function cycles(edges: Map<string, string[]>, skip: ReadonlySet<string>): string[][] {
  const found = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (skip.has(`${file} -> ${next}`)) continue;
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        // The same cycle found from another starting file: name it from its smallest file.
        const start = cycle.indexOf([...cycle].sort()[0] ?? next);
        const canonical = [...cycle.slice(start), ...cycle.slice(0, start)];
        found.set(canonical.join(' -> '), canonical);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of edges.keys()) if (!state.has(file)) visit(file);
  return [...found.values()];
}

const top = (file: string) => file.split('/')[0] ?? '';

describe('the import graph', () => {
  const edges = graph();

  it('reads the source folders', () => {
    expect(edges.size).toBeGreaterThan(100);
    expect(edges.get('db/handlers/calendar.ts')).toContain('words/index.ts');
  });

  it('has no import cycles', () => {
    const found = cycles(edges, new Set(KNOWN_CYCLE_EDGES)).map((c) => [...c, c[0]].join(' -> '));
    expect(found, 'import cycles (each file imports the next)').toEqual([]);
  });

  it('still has each known cycle edge (remove the ones that are gone from KNOWN_CYCLE_EDGES)', () => {
    const present = new Set([...edges].flatMap(([from, to]) => to.map((t) => `${from} -> ${t}`)));
    expect(KNOWN_CYCLE_EDGES.filter((e) => !present.has(e))).toEqual([]);
  });

  it('imports only downwards: core and words nothing of ours, db never the UI or the shell, the UI never the database', () => {
    const wrong: string[] = [];
    for (const [from, targets] of edges) {
      const allowed = MAY_IMPORT[top(from)] ?? [];
      for (const to of targets) if (top(to) !== top(from) && !allowed.includes(top(to))) wrong.push(`${from} -> ${to}`);
    }
    expect(wrong).toEqual([]);
  });

  it('finds a cycle when there is one (the check checks)', () => {
    const made = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(made, new Set())).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(cycles(made, new Set(['c.ts -> a.ts']))).toEqual([]);
  });
});
