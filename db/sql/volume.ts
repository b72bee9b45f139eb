import type { Db } from '../open';

export interface VolumeRow {
  channel: string;
  startUtc: number;
  intervalMinutes: number;
  volume: number;
  ahtSeconds: number | null;
}

export function insertVolumes(db: Db, teamId: number, rows: readonly VolumeRow[]): void {
  const stmt = db.prepare(
    `INSERT INTO volume_interval (team_id, channel, start_utc, interval_minutes, volume, aht_seconds)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (team_id, channel, start_utc) DO UPDATE SET
       interval_minutes = excluded.interval_minutes, volume = excluded.volume, aht_seconds = excluded.aht_seconds`,
  );
  for (const r of rows) stmt.run(teamId, r.channel, r.startUtc, r.intervalMinutes, r.volume, r.ahtSeconds);
}

/** Removes a channel's intervals starting in [fromUtc, toUtc); returns how many. */
export function deleteVolumes(db: Db, teamId: number, channel: string, fromUtc: number, toUtc: number): number {
  return db.prepare('DELETE FROM volume_interval WHERE team_id = ? AND channel = ? AND start_utc >= ? AND start_utc < ?').run(teamId, channel, fromUtc, toUtc).changes;
}

/** Volumes with start in [fromUtc, toUtc) (of one channel, or all), for the caller to bucket into local days. */
export function volumesBetween(db: Db, teamId: number, fromUtc: number, toUtc: number, channel: string | null = null): VolumeRow[] {
  const columns = 'SELECT channel, start_utc AS startUtc, interval_minutes AS intervalMinutes, volume, aht_seconds AS ahtSeconds FROM volume_interval';
  if (channel !== null) {
    // The channel in the query, not after it: a year of one channel, not of all of them, per forecast.
    return db.prepare(`${columns} WHERE team_id = ? AND channel = ? AND start_utc >= ? AND start_utc < ? ORDER BY start_utc`).all(teamId, channel, fromUtc, toUtc) as VolumeRow[];
  }
  return db.prepare(`${columns} WHERE team_id = ? AND start_utc >= ? AND start_utc < ? ORDER BY start_utc`).all(teamId, fromUtc, toUtc) as VolumeRow[];
}
