import { performance } from 'node:perf_hooks';

/** The median of several runs. */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Runs `work` `runs` times and prints the median time on one aligned line; returns it. */
export function time(label: string, runs: number, work: (i: number) => void): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    work(i);
    ms.push(performance.now() - t0);
  }
  console.log(`${label.padEnd(58)} ${median(ms).toFixed(2).padStart(9)} ms  (median of ${runs})`);
  return median(ms);
}
