// `npm start`: build, make sure better-sqlite3 exists for Electron, open the app.
// When the Electron binary is missing (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1,
// or offline), say so and open the same default planner file in browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const run = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run([path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
run([path.join(root, 'scripts', 'build-electron.mjs')]);

let electronBinary = null;
try {
  const pathFile = path.join(path.dirname(require.resolve('electron/package.json')), 'path.txt');
  const candidate = path.join(path.dirname(pathFile), 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  if (fs.existsSync(candidate)) electronBinary = candidate;
} catch {
  electronBinary = null;
}

if (electronBinary) {
  run([path.join(root, 'scripts', 'electron-native.mjs')]);
  const child = spawn(electronBinary, [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  // tsx first: a failed import of a .ts file is cached by Node, so registering tsx
  // after an attempt and importing again fails the same way (Node 20 has no .ts loader).
  const { register } = await import('tsx/esm/api');
  register();
  const { defaultPlannerPath } = await import('../cli/paths.ts');
  const { HOST_EXEC_ARGV } = await import('../electron/host-flags.ts');
  const db = defaultPlannerPath();
  fs.mkdirSync(path.dirname(db), { recursive: true });
  console.log(
    'The Electron binary is not installed (it is skipped with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or when offline).\n' +
      'To get the desktop app, run: node node_modules/electron/install.js (needs internet).\n' +
      'Opening the same planner in browser mode instead:',
  );
  const child = spawn(process.execPath, [...HOST_EXEC_ARGV, path.join(root, 'bin', 'rosterdesk.mjs'), 'serve', '--db', db], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
