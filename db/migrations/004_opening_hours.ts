/**
 * Schema 4: opening hours per channel. A channel without a channel_hours row is
 * open around the clock (as every channel was before), so older files staff
 * exactly as they did. With a row, its windows are the open times in the team's
 * local time per ISO weekday; a weekday without a window is closed.
 */
export const sql = /* sql */ `
CREATE TABLE channel_hours (
  team_id             INTEGER NOT NULL REFERENCES team (id),
  channel             TEXT NOT NULL CHECK (length(channel) BETWEEN 1 AND 32),
  closed_on_holidays  INTEGER NOT NULL CHECK (closed_on_holidays IN (0, 1)),
  PRIMARY KEY (team_id, channel)
) STRICT;

-- A window closes at the latest at 24:00 (midnight); hours over midnight are two windows.
CREATE TABLE channel_hours_window (
  team_id      INTEGER NOT NULL,
  channel      TEXT NOT NULL,
  weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  open_local   TEXT NOT NULL CHECK (open_local GLOB '[0-2][0-9]:[0-5][0-9]' AND open_local < '24:00'),
  close_local  TEXT NOT NULL CHECK (close_local GLOB '[0-2][0-9]:[0-5][0-9]' AND close_local <= '24:00'),
  CHECK (open_local < close_local),
  PRIMARY KEY (team_id, channel, weekday, open_local),
  FOREIGN KEY (team_id, channel) REFERENCES channel_hours (team_id, channel)
) STRICT;
`;
