import fs from 'node:fs';

/**
 * A Zendesk-style ticket export of `count` tickets over a year (id, subject, created at, via,
 * status, handle time), written a block at a time so that making it costs no memory of its own:
 * the import bench, the memory test and `sqlite3 .import` read the same file.
 */
export function writeTicketsFile(file: string, count: number): number {
  const fd = fs.openSync(file, 'w');
  const via = ['Phone call (incoming)', 'Chat', 'Mail'];
  const status = ['solved', 'closed', 'open'];
  const start = Date.parse('2025-11-24T00:00:00+03:00');
  let bytes = 0;
  let block: string[] = ['Id,Subject,Created at,Via,Status,handle_seconds'];
  for (let i = 0; i < count; i += 1) {
    // A million tickets over a year, about 2 740 a day; the subject is quoted and holds a comma.
    const at = new Date(start + Math.floor((i / count) * 364 * 86_400_000) + ((i * 7919) % 3_600_000));
    block.push(`${100_000 + i},"Order ${i % 977}, refund",${at.toISOString().slice(0, 19).replace('T', ' ')} +0000,${via[i % 3] ?? 'Chat'},${status[i % 3] ?? 'open'},${(i * 37) % 900}`);
    if (block.length >= 10_000 || i === count - 1) {
      const text = block.join('\n') + '\n';
      bytes += fs.writeSync(fd, text);
      block = [];
    }
  }
  fs.closeSync(fd);
  return bytes;
}

if (process.argv[1]?.endsWith('tickets-file.ts')) {
  const [file, count] = process.argv.slice(2);
  console.log(writeTicketsFile(file ?? 'tickets.csv', Number(count ?? 1_000_000)));
}
