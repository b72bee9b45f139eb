import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../core/errors';
import { base64Bytes, type ByteSource } from '../core/text-decode';
import { fileSource } from './import-file';

/**
 * Files sent in pieces (upload.start, upload.append), each kept in a file of the service's own
 * in the system's temp folder, so a 74 MB ticket export never sits in memory whole: the import
 * reads it back a piece at a time (fileSource) and then forgets it. Only paths this class made
 * are ever read, so a caller cannot name a file of its choosing.
 */

/** An upload nobody has added to for this long is forgotten (its file removed). */
const IDLE_MS = 10 * 60 * 1000;
/** At most this many uploads at once: a window sends one import at a time. */
const MAX_OPEN = 4;

interface Upload {
  file: string;
  sizeBytes: number;
  receivedBytes: number;
  /** Where the pieces received so far lie, [start, end) each: a piece over one already there is refused. */
  pieces: [number, number][];
  touchedAt: number;
}

export class Uploads {
  private readonly open = new Map<string, Upload>();
  private dir: string | null = null;

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly parent: string = os.tmpdir(),
  ) {}

  start(sizeBytes: number): string {
    this.forgetIdle();
    if (this.open.size >= MAX_OPEN) throw new UserError('too_many_uploads', `${MAX_OPEN} files are already being sent in pieces; finish or wait for them`, []);
    this.dir ??= fs.mkdtempSync(path.join(this.parent, 'rosterdesk-upload-'));
    const id = randomUUID();
    const file = path.join(this.dir, id);
    fs.writeFileSync(file, new Uint8Array(0), { mode: 0o600 });
    this.open.set(id, { file, sizeBytes, receivedBytes: 0, pieces: [], touchedAt: this.now() });
    return id;
  }

  /**
   * Puts a piece at byte `at` of the file (pieces may come in any order); refused, and the
   * upload forgotten, when it would pass the size given at the start or lie over a piece already
   * there. Returns how many bytes have arrived.
   */
  append(id: string, at: number, base64: string): number {
    const upload = this.mine(id);
    const bytes = base64Bytes(base64);
    const end = at + bytes.length;
    if (end > upload.sizeBytes || upload.pieces.some(([from, to]) => at < to && end > from)) {
      this.forget(id);
      throw new UserError('upload_overrun', `A piece of the file sent (bytes ${at}–${end}) lies past its ${upload.sizeBytes} bytes or over another piece; send it again`, ['at']);
    }
    const fd = fs.openSync(upload.file, 'r+');
    try {
      fs.writeSync(fd, bytes, 0, bytes.length, at);
    } finally {
      fs.closeSync(fd);
    }
    upload.pieces.push([at, end]);
    upload.receivedBytes += bytes.length;
    upload.touchedAt = this.now();
    return upload.receivedBytes;
  }

  /**
   * A finished upload's bytes, a piece at a time, to read within the call that asks (it is
   * forgotten when `done` is called); refused while pieces are still missing.
   */
  take(id: string): { source: ByteSource; done(): void } {
    const upload = this.mine(id);
    if (upload.receivedBytes !== upload.sizeBytes) throw new UserError('upload_incomplete', `Only ${upload.receivedBytes} of the file's ${upload.sizeBytes} bytes have arrived; send the rest first`, ['upload']);
    return { source: fileSource(upload.file, upload.sizeBytes), done: () => this.forget(id) };
  }

  close(): void {
    for (const id of [...this.open.keys()]) this.forget(id);
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }

  private mine(id: string): Upload {
    this.forgetIdle();
    const upload = this.open.get(id);
    if (!upload) throw new UserError('upload_gone', 'That file is no longer kept (imported, refused or left too long); send it again', ['id']);
    return upload;
  }

  private forget(id: string): void {
    const upload = this.open.get(id);
    this.open.delete(id);
    if (upload) fs.rmSync(upload.file, { force: true });
  }

  private forgetIdle(): void {
    for (const [id, u] of this.open) if (this.now() - u.touchedAt > IDLE_MS) this.forget(id);
  }
}
