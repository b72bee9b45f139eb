// Builds better-sqlite3 for Electron's ABI into build/native-electron/, leaving
// node_modules' Node build alone, so `npm start` and `npm test` both work after
// one `npm install`, in either order (DESIGN.md "Native module").
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'build', 'native-electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'stamp.json');

const electronVersion = require('electron/package.json').version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = require('better-sqlite3/package.json').version;
const stamp = JSON.stringify({ electronVersion, sqliteVersion, arch: process.arch, platform: process.platform });

if (fs.existsSync(outFile) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) process.exit(0);

const work = path.join(root, '.cache', 'better-sqlite3-electron');
fs.rmSync(work, { recursive: true, force: true });
fs.cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`) });
console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch})…`);

const run = (cmd, args) => execFileSync(cmd, args, { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion, npm_config_disturl: 'https://electronjs.org/headers' } });
try {
  // A published prebuild for this Electron when there is one (fast) …
  run(process.execPath, [require.resolve('prebuild-install/bin.js', { paths: [sqliteDir] }), '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch]);
} catch {
  // … else compile against Electron's headers.
  const gyp = process.env.npm_config_node_gyp || require.resolve('node-gyp/bin/node-gyp.js', { paths: [path.dirname(process.execPath), path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm')] });
  run(process.execPath, [gyp, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`]);
}
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), outFile);
fs.writeFileSync(stampFile, stamp);
console.log(`Wrote ${path.relative(root, outFile)}`);
