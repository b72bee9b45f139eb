import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CREDITS, NOTICES_FILE } from '../../core/credits';

const root = path.resolve(import.meta.dirname, '../..');
const pkgOf = (name: string) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };

describe('third-party notices', () => {
  const notices = fs.readFileSync(path.join(root, NOTICES_FILE), 'utf8');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

  it('name every production dependency at its installed version, with its licence text (a new dependency without a notice fails)', () => {
    const missing = Object.keys(manifest.dependencies).filter((name) => {
      const pkg = pkgOf(name);
      return !notices.includes(`\n## ${pkg.name} ${pkg.version}\n`) || !notices.includes(`| ${pkg.name} | ${pkg.version} | ${pkg.license ?? ''}`);
    });
    expect(missing).toEqual([]);
  });

  it('credit date-holidays’ data and its attribution, and are shipped with the packaged app', () => {
    expect(notices).toMatch(/CC BY 3\.0/);
    expect(notices).toContain('https://de.wikipedia.org/wiki/Feiertage_in_Polen');
    const builder = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    expect(builder).toMatch(new RegExp(`extraResources:[\\s\\S]*from: ${NOTICES_FILE}`));
  });

  it('About names each library with the licence its package declares', () => {
    for (const c of CREDITS) {
      const declared = pkgOf(c.packageName).license ?? '';
      // date-holidays declares "(ISC AND CC-BY-3.0)"; the others one SPDX id.
      for (const id of declared.replace(/[()]/g, '').split(/ AND | OR /)) expect(c.licence.replace('CC BY 3.0', 'CC-BY-3.0'), c.name).toContain(id);
    }
  });
});
