/**
 * Schema 5: a team's own holiday adjustments on top of its country's public
 * holidays (core/holiday-merge.ts). The public list is not stored: a newer
 * date-holidays, with a corrected lunar date, still reaches every file. A row is
 * a day the team added (with its name, whole or half), a public day it removed,
 * or a public day it keeps only half of. A team without rows has exactly the
 * public holidays it had before.
 */
export const sql = /* sql */ `
CREATE TABLE team_holiday (
  id          INTEGER PRIMARY KEY,
  team_id     INTEGER NOT NULL REFERENCES team (id),
  day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  kind        TEXT NOT NULL CHECK (kind IN ('add', 'remove', 'half')),
  name        TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 80),
  half        INTEGER NOT NULL DEFAULT 0 CHECK (half IN (0, 1)),
  created_at  TEXT NOT NULL,
  -- A team day has a name; a removal or a half-day mark of a public day only points at its day.
  CHECK ((kind = 'add' AND length(trim(name)) >= 1) OR (kind <> 'add' AND name = '' AND half = 0)),
  UNIQUE (team_id, day, kind)
) STRICT;
`;
