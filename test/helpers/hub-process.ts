import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** `rosterdesk hub` as a user starts it (plain Node: the planner service's memory flags are not the hub's), in a process of its own on a free loopback port; resolves once it serves, with its address. */
export function hubProcess(dbUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'rosterdesk.mjs'), 'hub', '--pg', dbUrl, '--listen', '127.0.0.1:0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (part: Buffer) => {
      out += part.toString();
      const url = /serving at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.on('exit', (code) => reject(new Error(`hub exited with ${code}: ${out}`)));
  });
}
