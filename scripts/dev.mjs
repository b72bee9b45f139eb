// `npm run dev`: rebuild the UI on every change and run the app on it
// (reload the window with Ctrl+R to see a change).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
const watcher = spawn(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--watch', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
const app = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], { cwd: root, stdio: 'inherit' });
app.on('exit', (code) => {
  watcher.kill();
  process.exit(code ?? 0);
});
