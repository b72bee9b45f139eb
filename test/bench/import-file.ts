/**
 * Issue 19, point 4's figures: a 1,000,000-ticket Zendesk-style export imported from its file, as
 * `rosterdesk import volume` does (read a piece at a time) and as the window sends it (the whole
 * file's bytes through the contract), each in its own bundled child under plain Node (the app as
 * built, not tsx), beside the sqlite3 shell's `.import` plus a GROUP BY into the same 15-minute
 * intervals of the same file, in the same run. Run alone with `node --import tsx test/bench/import-file.ts`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HOST_EXEC_ARGV } from '../../electron/host-flags';
import { bundleEntry, bundleEnv } from '../helpers/bundle';
import { writeTicketsFile } from './tickets-file';

const label = (text: string) => text.padEnd(58);

/** Wall seconds and peak memory of a command, from GNU time when it is there (else the wall time alone). */
function timed(command: string, args: string[], input?: string): { seconds: number; peakMb: number | null } {
  const gnuTime = fs.existsSync('/usr/bin/time');
  const started = performance.now();
  const run = spawnSync(gnuTime ? '/usr/bin/time' : command, gnuTime ? ['-f', 'peak-kb %M', command, ...args] : args, { input, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command} failed: ${run.stderr}`);
  const kb = /peak-kb (\d+)/.exec(run.stderr)?.[1];
  return { seconds, peakMb: kb === undefined ? null : Number(kb) / 1024 };
}

export async function importFileBench(dir: string): Promise<string[]> {
  const lines: string[] = [];
  const file = path.join(dir, 'tickets-1m.csv');
  const bytes = writeTicketsFile(file, 1_000_000);
  lines.push(`${label('  (1 000 000-ticket Zendesk-style export, MB)')} ${(bytes / 1e6).toFixed(1).padStart(9)}`);
  const child = await bundleEntry('test/db/fixtures/import-memory.ts', path.join(dir, 'import-memory.cjs'));
  const runs = [
    ['path', 'from a path (CLI)', HOST_EXEC_ARGV],
    ['upload', 'sent in pieces (window)', HOST_EXEC_ARGV],
    ['path', 'from a path, V8 default young generation', []],
    ['bytes', 'as bytes (the window before)', HOST_EXEC_ARGV],
  ] as const;
  for (const [way, what, flags] of runs) {
    const planner = path.join(dir, `import-${way}-${flags.length}.rosterdesk`);
    // As the app's service process runs: with its V8 flags (electron/host-flags.ts), unless the line says otherwise.
    const out = execFileSync(process.execPath, [...flags, child, planner, file, way], { env: bundleEnv(), maxBuffer: 1 << 20 }).toString();
    const f = JSON.parse(out) as { wallMs: number; rssBeforeBytes: number; maxRssBytes: number };
    lines.push(`${label(`import 1 000 000 tickets ${what}`)} ${(f.wallMs / 1000).toFixed(2).padStart(9)} s   peak ${(f.maxRssBytes / 2 ** 20).toFixed(0)} MB (${((f.maxRssBytes - f.rssBeforeBytes) / 2 ** 20).toFixed(0)} MB above the loaded service)`);
  }
  if (spawnSync('sqlite3', ['-version']).error) {
    lines.push(`${label('sqlite3 shell: .import + GROUP BY of the same file')}  sqlite3 shell not installed`);
    return lines;
  }
  const script = [
    '.mode csv',
    `.import '${file.replaceAll("'", "''")}' t`,
    // The same 15-minute intervals per channel, with the mean handle time, as the import keeps them.
    `CREATE TABLE v AS SELECT "Via" AS channel, (CAST(strftime('%s', substr("Created at", 1, 19)) AS INTEGER) / 900) * 900 AS start_utc, count(*) AS volume, avg(NULLIF(CAST(handle_seconds AS INTEGER), 0)) AS aht FROM t GROUP BY 1, 2;`,
  ].join('\n');
  const shell = timed('sqlite3', [path.join(dir, 'shell.db')], script);
  lines.push(`${label('sqlite3 shell: .import + GROUP BY of the same file')} ${shell.seconds.toFixed(2).padStart(9)} s   peak ${shell.peakMb === null ? '(not measured: no /usr/bin/time)' : `${shell.peakMb.toFixed(0)} MB`}`);
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosterdesk-bench-'));
  try {
    for (const line of await importFileBench(dir)) console.log(line);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
