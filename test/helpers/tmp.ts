import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

/** A fresh temp folder per call, removed after each test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosterdesk-test-'));
  made.push(dir);
  return dir;
}

export function tempFile(name = 'planner.rosterdesk'): string {
  return path.join(tempDir(), name);
}

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
