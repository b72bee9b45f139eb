/**
 * Schema 1: teams, people, shift templates, shifts, ticket volume, settings.
 * STRICT tables with CHECKs so even a bug in the service cannot store garbage.
 */
export const sql = /* sql */ `
CREATE TABLE team (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  time_zone   TEXT NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
  locale      TEXT NOT NULL CHECK (length(locale) BETWEEN 2 AND 35),
  week_start  TEXT NOT NULL CHECK (week_start IN ('mon', 'sat', 'sun')),
  country     TEXT NOT NULL CHECK (country = '' OR (length(country) = 2 AND country = upper(country))),
  currency    TEXT NOT NULL CHECK (length(currency) = 3),
  skills      TEXT NOT NULL CHECK (json_valid(skills) AND json_type(skills) = 'array'),
  rules       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(rules) AND json_type(rules) = 'object'),
  created_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX team_name ON team (name COLLATE NOCASE);

CREATE TABLE person (
  id                INTEGER PRIMARY KEY,
  team_id           INTEGER NOT NULL REFERENCES team (id),
  name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  email             TEXT CHECK (email IS NULL OR (length(email) <= 254 AND email LIKE '%_@_%')),
  phone             TEXT NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
  color             TEXT NOT NULL CHECK (color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
  skills            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(skills) AND json_type(skills) = 'array'),
  contract_hours    REAL NOT NULL CHECK (contract_hours BETWEEN 0 AND 80),
  hourly_rate       REAL NOT NULL CHECK (hourly_rate BETWEEN 0 AND 100000),
  employment_start  TEXT CHECK (employment_start IS NULL OR employment_start GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  employment_end    TEXT CHECK (employment_end IS NULL OR employment_end GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  notes             TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
  archived_at       TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  CHECK (employment_start IS NULL OR employment_end IS NULL OR employment_start <= employment_end)
) STRICT;
CREATE UNIQUE INDEX person_email ON person (team_id, email COLLATE NOCASE) WHERE email IS NOT NULL;
CREATE INDEX person_team_name ON person (team_id, name);

CREATE TABLE shift_template (
  id             INTEGER PRIMARY KEY,
  team_id        INTEGER NOT NULL REFERENCES team (id),
  code           TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 6),
  name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  start_local    TEXT NOT NULL CHECK (start_local GLOB '[0-2][0-9]:[0-5][0-9]'),
  end_local      TEXT NOT NULL CHECK (end_local GLOB '[0-2][0-9]:[0-5][0-9]'),
  break_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (break_minutes BETWEEN 0 AND 240),
  color          TEXT NOT NULL,
  skill          TEXT,
  archived_at    TEXT
) STRICT;
CREATE UNIQUE INDEX shift_template_code ON shift_template (team_id, code) WHERE archived_at IS NULL;

-- A shift belongs to a roster day in the team's zone and has start/end instants
-- (epoch seconds), so durations over a DST change come out right.
CREATE TABLE shift (
  id             INTEGER PRIMARY KEY,
  team_id        INTEGER NOT NULL REFERENCES team (id),
  person_id      INTEGER NOT NULL REFERENCES person (id),
  roster_day     TEXT NOT NULL CHECK (roster_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  start_utc      INTEGER NOT NULL,
  end_utc        INTEGER NOT NULL,
  template_id    INTEGER REFERENCES shift_template (id),
  break_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (break_minutes >= 0),
  skill          TEXT,
  locked         INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  note           TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  CHECK (end_utc > start_utc)
) STRICT;
CREATE INDEX shift_person_day ON shift (person_id, roster_day);

-- Blocks inside a shift: a placed break, a meeting, a training. No cascade: the
-- shift's owner deletes them first, so every removed row reaches the undo log.
CREATE TABLE shift_activity (
  id         INTEGER PRIMARY KEY,
  shift_id   INTEGER NOT NULL REFERENCES shift (id),
  kind       TEXT NOT NULL CHECK (kind IN ('break', 'meeting', 'training')),
  start_utc  INTEGER NOT NULL,
  end_utc    INTEGER NOT NULL,
  CHECK (end_utc > start_utc)
) STRICT;
CREATE INDEX shift_activity_shift ON shift_activity (shift_id);
CREATE INDEX shift_team_day ON shift (team_id, roster_day);

-- On-call: a rotation has layers; a layer has ordered participants (a join table,
-- so a person on a rotation cannot be hard-deleted) and weekly restriction windows.
CREATE TABLE rotation (
  id           INTEGER PRIMARY KEY,
  team_id      INTEGER NOT NULL REFERENCES team (id),
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  -- Standby pay in the team's currency, per on-call hour and per day with on-call time;
  -- holiday hours and days are multiplied.
  allowance_per_hour  REAL NOT NULL DEFAULT 0 CHECK (allowance_per_hour BETWEEN 0 AND 100000),
  allowance_per_day   REAL NOT NULL DEFAULT 0 CHECK (allowance_per_day BETWEEN 0 AND 100000),
  holiday_multiplier  REAL NOT NULL DEFAULT 1 CHECK (holiday_multiplier BETWEEN 1 AND 10),
  archived_at  TEXT,
  created_at   TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX rotation_name ON rotation (team_id, name) WHERE archived_at IS NULL;

CREATE TABLE rotation_layer (
  id            INTEGER PRIMARY KEY,
  rotation_id   INTEGER NOT NULL REFERENCES rotation (id),
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  level         INTEGER NOT NULL,
  turn_unit     TEXT NOT NULL CHECK (turn_unit IN ('hours', 'days', 'weeks')),
  turn_length   INTEGER NOT NULL CHECK (turn_length BETWEEN 1 AND 168),
  start_day     TEXT NOT NULL CHECK (start_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  handoff_time  TEXT NOT NULL CHECK (handoff_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  restrictions  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(restrictions) AND json_type(restrictions) = 'array')
) STRICT;
CREATE INDEX rotation_layer_rotation ON rotation_layer (rotation_id);

CREATE TABLE layer_participant (
  layer_id   INTEGER NOT NULL REFERENCES rotation_layer (id),
  position   INTEGER NOT NULL CHECK (position >= 0),
  person_id  INTEGER NOT NULL REFERENCES person (id),
  PRIMARY KEY (layer_id, position)
) STRICT;
CREATE INDEX layer_participant_person ON layer_participant (person_id);

-- Paused stretches of a rotation; an open pause has no end yet.
CREATE TABLE rotation_pause (
  id           INTEGER PRIMARY KEY,
  rotation_id  INTEGER NOT NULL REFERENCES rotation (id),
  start_utc    INTEGER NOT NULL,
  end_utc      INTEGER,
  CHECK (end_utc IS NULL OR end_utc > start_utc)
) STRICT;
CREATE INDEX rotation_pause_rotation ON rotation_pause (rotation_id);

CREATE TABLE oncall_override (
  id           INTEGER PRIMARY KEY,
  rotation_id  INTEGER NOT NULL REFERENCES rotation (id),
  person_id    INTEGER NOT NULL REFERENCES person (id),
  start_utc    INTEGER NOT NULL,
  end_utc      INTEGER NOT NULL,
  note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  -- The two overrides of a swap share this id (the first one's); null for a plain override.
  swap_id      INTEGER,
  created_at   TEXT NOT NULL,
  CHECK (end_utc > start_utc)
) STRICT;
CREATE INDEX oncall_override_rotation ON oncall_override (rotation_id, start_utc);
CREATE INDEX oncall_override_person ON oncall_override (person_id);

CREATE TABLE pattern (
  id           INTEGER PRIMARY KEY,
  team_id      INTEGER NOT NULL REFERENCES team (id),
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  cycle        TEXT NOT NULL CHECK (json_valid(cycle) AND json_type(cycle) = 'array'),
  archived_at  TEXT
) STRICT;
CREATE INDEX pattern_team ON pattern (team_id);

CREATE TABLE volume_interval (
  id                INTEGER PRIMARY KEY,
  team_id           INTEGER NOT NULL REFERENCES team (id),
  channel           TEXT NOT NULL,
  start_utc         INTEGER NOT NULL,
  interval_minutes  INTEGER NOT NULL CHECK (interval_minutes IN (15, 30, 60)),
  volume            REAL NOT NULL CHECK (volume >= 0),
  aht_seconds       REAL CHECK (aht_seconds IS NULL OR aht_seconds > 0),
  UNIQUE (team_id, channel, start_utc)
) STRICT;
CREATE INDEX volume_team_start ON volume_interval (team_id, start_utc);

CREATE TABLE setting (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) STRICT;
`;
