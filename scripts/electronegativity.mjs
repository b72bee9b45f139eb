// Runs Electronegativity (Doyensec's Electron security linter) over the desktop shell
// and the built UI page, and fails on any HIGH or MEDIUM finding that
// electron/electronegativity-explained.json does not explain. Part of `npm test`.
// It is offline-safe: its optional look-ups of Electron releases and translations fail quietly here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const page = path.join(root, 'build', 'renderer', 'index.html');
if (!fs.existsSync(page)) {
  console.error('electronegativity: build the UI first (npm run build:renderer)');
  process.exit(1);
}
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const electronVersion = String(pkg.devDependencies?.electron ?? '').replace(/^[^\d]*/, '');

// What ships: the shell's sources, the page it loads, the package manifest.
const scan = fs.mkdtempSync(path.join(os.tmpdir(), 'rosterdesk-electronegativity-'));
try {
  fs.cpSync(path.join(root, 'electron'), path.join(scan, 'electron'), { recursive: true, filter: (f) => !f.endsWith('.json') });
  fs.mkdirSync(path.join(scan, 'renderer'));
  fs.copyFileSync(page, path.join(scan, 'renderer', 'index.html'));
  fs.copyFileSync(path.join(root, 'package.json'), path.join(scan, 'package.json'));
  const out = path.join(scan, 'findings.csv');
  const bin = path.join(root, 'node_modules', '.bin', 'electronegativity');
  const run = spawnSync(bin, ['-i', scan, '-r', '-o', out, '-e', electronVersion, '-v', 'false'], { encoding: 'utf8' });
  if (!fs.existsSync(out)) {
    console.error(`electronegativity did not run: ${run.stderr || run.stdout}`);
    process.exit(1);
  }
  const [, ...lines] = fs.readFileSync(out, 'utf8').trim().split('\n');
  const findings = lines.filter(Boolean).map((line) => {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').trim()) ?? [];
    return { check: cells[0], severity: cells[1], confidence: cells[2], file: cells[3], location: cells[4], sample: cells[5] };
  });
  const explained = JSON.parse(fs.readFileSync(path.join(root, 'electron', 'electronegativity-explained.json'), 'utf8'));
  const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
  const open = serious.filter((f) => !explained[f.check]);
  for (const f of serious) console.log(`${open.includes(f) ? 'UNEXPLAINED' : 'explained  '} ${f.severity} ${f.check} ${f.file}:${f.location}${explained[f.check] ? ` — ${explained[f.check]}` : ''}`);
  const stale = Object.keys(explained).filter((check) => !serious.some((f) => f.check === check));
  for (const check of stale) console.log(`no longer found (remove its explanation): ${check}`);
  console.log(`electronegativity ${electronVersion}: ${findings.length} findings, ${serious.length} high or medium, ${open.length} unexplained`);
  process.exit(open.length || stale.length ? 1 : 0);
} finally {
  fs.rmSync(scan, { recursive: true, force: true });
}
