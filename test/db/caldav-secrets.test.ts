import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caldavSecretKey } from '../../db/handlers/caldav';
import { openPlanner } from '../../db/open';
import { createService } from '../../db/service';
import { fileSecretStore } from '../../electron/secrets';
import { startRadicale, type Radicale } from '../helpers/radicale';
import { FIXED_NOW } from '../helpers/service';
import { tempDir, tempFile } from '../helpers/tmp';

let server: Radicale;
beforeAll(async () => {
  server = await startRadicale();
});
afterAll(async () => {
  await server.stop();
});

// safeStorage stubbed at the boundary: a reversible scrambling standing in for the OS key.
const crypto = { isEncryptionAvailable: () => true, encryptString: (p: string) => Buffer.from(p, 'utf8').reverse(), decryptString: (b: Buffer) => Buffer.from(b).reverse().toString('utf8') };

describe('remembered CalDAV passwords (the desktop app keychain, one of the publish steps)', () => {
  it('keeps a password that worked, encrypted and outside the planner file, uses it when none is typed, and forgets one refused', async () => {
    const file = tempFile();
    const secretsFile = path.join(tempDir(), 'secrets.json');
    const secrets = fileSecretStore(secretsFile, crypto);
    const s = createService(openPlanner(file), { appVersion: 'test', now: () => FIXED_NOW, secrets });
    const t = s.run('team.create', { name: 'Wsparcie', timeZone: 'Europe/Warsaw', skills: ['phone'] });
    const anna = s.run('person.create', { teamId: t.id, name: 'Anna Nowak', skills: ['phone'] });
    s.run('template.create', { teamId: t.id, code: 'R', name: 'Rano', startLocal: '07:00', endLocal: '15:00', skill: 'phone' });
    s.run('shift.setCells', { teamId: t.id, entries: [{ personId: anna.id, day: '2026-11-23', value: { code: 'R' } }] });
    const save = (name: string) => s.run('caldav.save', { teamId: t.id, id: null, url: `${server.base}${server.user}/${name}/`, username: server.user, personId: null, rotationId: null, absences: false });
    const target = save('zespol');
    const other = save('inny');
    const publish = (targetId: number, password: string, remember = false) => s.callAsync('caldav.publish', { targetId, from: '2026-11-23', to: '2026-11-29', password, remember });
    const key = caldavSecretKey(s.planner.filePath, target.id);

    expect(await publish(target.id, server.password, true)).toMatchObject({ ok: true, value: { created: 1 } });
    // The secrets file holds no plain password, and the planner file none at all.
    expect(fs.readFileSync(secretsFile, 'utf8')).not.toContain(server.password);
    expect(secrets.get(key)).toBe(server.password);
    expect(fs.readFileSync(file).includes(Buffer.from(server.password))).toBe(false);

    // No password typed: the remembered one is used.
    expect(await publish(target.id, '')).toMatchObject({ ok: true, value: { unchanged: 1 } });
    // Another target of the same file has nothing remembered.
    expect(await publish(other.id, '')).toMatchObject({ ok: false, error: { code: 'caldav_auth' } });

    // The password changed on the server: the remembered one is refused and forgotten.
    secrets.set(key, 'an old password');
    expect(await publish(target.id, '')).toMatchObject({ ok: false, error: { code: 'caldav_auth' } });
    expect(secrets.get(key)).toBeNull();
    // Without "remember", a password that worked is not kept.
    expect(await publish(target.id, server.password)).toMatchObject({ ok: true });
    expect(secrets.get(key)).toBeNull();
    s.close();
  });
});
