import fs from 'node:fs';
import path from 'node:path';
import type { CliIo } from './io';

/**
 * The built UI that browser mode serves. After a plain `npm install` it may not
 * exist yet; build it once here so `npx rosterdesk serve` needs no step of the user's.
 */
export async function ensureRendererBuilt(root: string, io: CliIo): Promise<string> {
  const dir = path.join(root, 'build', 'renderer');
  if (fs.existsSync(path.join(dir, 'index.html'))) return dir;
  io.err('Building the user interface once (about half a minute)…\n');
  const vite = await import('vite');
  // No inline `root`: it would override vite.config.ts's root (renderer/, where index.html is).
  await vite.build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  return dir;
}
