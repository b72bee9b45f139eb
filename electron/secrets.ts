import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../db/handlers/caldav';

/** The part of Electron's safeStorage this needs (stubbed in tests). */
export interface Encryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** The file store answers at once; the service host's stand-in for it asks over the port. */
export interface SyncSecretStore extends SecretStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
}

/**
 * Secrets in a file beside the app's settings (never in a planner file), each
 * encrypted with the OS keychain's key through safeStorage. Without a keychain
 * nothing is kept: the user types the password each time.
 */
export function fileSecretStore(file: string, crypto: Encryptor): SyncSecretStore {
  const read = (): Record<string, string> => {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const write = (all: Record<string, string>) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(all), { mode: 0o600 });
    fs.renameSync(temp, file);
  };
  return {
    get(key) {
      const value = read()[key];
      if (typeof value !== 'string' || !crypto.isEncryptionAvailable()) return null;
      try {
        return crypto.decryptString(Buffer.from(value, 'base64'));
      } catch {
        return null;
      }
    },
    set(key, value) {
      if (!crypto.isEncryptionAvailable()) return;
      write({ ...read(), [key]: crypto.encryptString(value).toString('base64') });
    },
    delete(key) {
      const all = read();
      if (!(key in all)) return;
      delete all[key];
      write(all);
    },
  };
}
