import os from 'node:os';
import path from 'node:path';
import { DEFAULT_PLANNER_NAME, PRODUCT_NAME } from '../core/paths';

/**
 * Electron's userData folder, computed the way Electron does, so browser mode
 * (when the Electron binary is missing) opens the same default planner file.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), PRODUCT_NAME);
}

export function defaultPlannerPath(): string {
  return path.join(userDataDir(), DEFAULT_PLANNER_NAME);
}
