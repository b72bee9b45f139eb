import { DEFAULT_ABSENCE_TYPES } from '../../core/absence';

const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * Schema 2: absences. Types per team (every existing team gets the defaults),
 * absences with a status, an audit line per change, and yearly allowances;
 * on-call layers that skip public holidays, and a person's own holiday country;
 * staffing targets per channel and the lead's forecast adjustments.
 */
export const sql = /* sql */ `
CREATE TABLE absence_type (
  id                INTEGER PRIMARY KEY,
  team_id           INTEGER NOT NULL REFERENCES team (id),
  key               TEXT CHECK (key IS NULL OR key IN (${DEFAULT_ABSENCE_TYPES.map((t) => sqlText(t.key)).join(', ')})),
  name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  color             TEXT NOT NULL CHECK (color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
  paid              INTEGER NOT NULL CHECK (paid IN (0, 1)),
  counts_allowance  INTEGER NOT NULL CHECK (counts_allowance IN (0, 1)),
  archived_at       TEXT
) STRICT;
CREATE UNIQUE INDEX absence_type_name ON absence_type (team_id, name COLLATE NOCASE) WHERE archived_at IS NULL;

${DEFAULT_ABSENCE_TYPES.map(
  (t) =>
    `INSERT INTO absence_type (team_id, key, name, color, paid, counts_allowance) SELECT id, ${sqlText(t.key)}, ${sqlText(t.names.en)}, ${sqlText(t.color)}, ${t.paid ? 1 : 0}, ${t.countsAgainstAllowance ? 1 : 0} FROM team;`,
).join('\n')}

-- Days are the team's calendar days, inclusive; hours (per day) make it a part-day absence.
CREATE TABLE absence (
  id          INTEGER PRIMARY KEY,
  team_id     INTEGER NOT NULL REFERENCES team (id),
  person_id   INTEGER NOT NULL REFERENCES person (id),
  type_id     INTEGER NOT NULL REFERENCES absence_type (id),
  start_day   TEXT NOT NULL CHECK (start_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  end_day     TEXT NOT NULL CHECK (end_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  hours       REAL CHECK (hours IS NULL OR (hours > 0 AND hours <= 24)),
  status      TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'rejected', 'cancelled')),
  note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK (start_day <= end_day)
) STRICT;
CREATE INDEX absence_team_days ON absence (team_id, start_day, end_day);
CREATE INDEX absence_person ON absence (person_id, start_day);

-- Who changed what and when; changes is a JSON array of {field, from, to}.
CREATE TABLE absence_audit (
  id          INTEGER PRIMARY KEY,
  absence_id  INTEGER NOT NULL REFERENCES absence (id),
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL CHECK (length(actor) BETWEEN 1 AND 120),
  action      TEXT NOT NULL CHECK (action IN ('created', 'imported', 'edited', 'approved', 'rejected', 'cancelled')),
  changes     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(changes) AND json_type(changes) = 'array')
) STRICT;
CREATE INDEX absence_audit_absence ON absence_audit (absence_id);

-- On-call layers may pass over people on their public holiday; a person may keep another
-- country's holidays than the team's (a colleague in Warsaw on an Istanbul team).
ALTER TABLE rotation_layer ADD COLUMN skip_holidays INTEGER NOT NULL DEFAULT 0 CHECK (skip_holidays IN (0, 1));
ALTER TABLE person ADD COLUMN holiday_country TEXT NOT NULL DEFAULT '' CHECK (holiday_country = '' OR (length(holiday_country) = 2 AND holiday_country = upper(holiday_country)));

-- Staffing targets per channel; a channel without a row uses the defaults.
CREATE TABLE channel_staffing (
  team_id           INTEGER NOT NULL REFERENCES team (id),
  channel           TEXT NOT NULL CHECK (length(channel) BETWEEN 1 AND 32),
  model             TEXT NOT NULL CHECK (model IN ('erlang', 'workload')),
  target_sl         REAL NOT NULL CHECK (target_sl > 0 AND target_sl < 1),
  target_seconds    INTEGER NOT NULL CHECK (target_seconds BETWEEN 0 AND 86400),
  aht_seconds       REAL CHECK (aht_seconds IS NULL OR (aht_seconds > 0 AND aht_seconds <= 86400)),
  shrinkage         REAL NOT NULL CHECK (shrinkage >= 0 AND shrinkage < 1),
  max_occupancy     REAL NOT NULL CHECK (max_occupancy > 0 AND max_occupancy <= 1),
  patience_seconds  REAL CHECK (patience_seconds IS NULL OR (patience_seconds > 0 AND patience_seconds <= 86400)),
  response_minutes  INTEGER NOT NULL CHECK (response_minutes BETWEEN 1 AND 100000),
  PRIMARY KEY (team_id, channel)
) STRICT;

-- The lead's changes to a forecast, kept apart from the model's output: a whole day
-- (time_local null) or one interval, by a percentage or an absolute number of contacts.
CREATE TABLE forecast_adjustment (
  id          INTEGER PRIMARY KEY,
  team_id     INTEGER NOT NULL REFERENCES team (id),
  channel     TEXT NOT NULL CHECK (length(channel) BETWEEN 1 AND 32),
  day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  time_local  TEXT CHECK (time_local IS NULL OR time_local GLOB '[0-2][0-9]:[0-5][0-9]'),
  kind        TEXT NOT NULL CHECK (kind IN ('percent', 'absolute')),
  value       REAL NOT NULL CHECK (value BETWEEN -1000000 AND 1000000),
  note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX forecast_adjustment_day ON forecast_adjustment (team_id, channel, day);

CREATE TABLE absence_allowance (
  person_id   INTEGER NOT NULL REFERENCES person (id),
  type_id     INTEGER NOT NULL REFERENCES absence_type (id),
  year        INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 3000),
  unit        TEXT NOT NULL CHECK (unit IN ('days', 'hours')),
  amount      REAL NOT NULL CHECK (amount BETWEEN 0 AND 10000),
  carry_over  REAL NOT NULL DEFAULT 0 CHECK (carry_over BETWEEN -10000 AND 10000),
  PRIMARY KEY (person_id, type_id, year)
) STRICT;
`;
