import { runCli } from '../../cli/main';

/** `rosterdesk …` run in this process, as the bin runs it: its exit status and what it wrote to stdout and stderr. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
