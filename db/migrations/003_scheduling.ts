/**
 * Schema 3: auto-scheduling and calendars. What a person cannot or would rather
 * not work, by ISO weekday, for one shift template or any (template_id NULL).
 * A shift's revision (iCalendar SEQUENCE), and the file's own id, which makes
 * event UIDs unique across planner files. CalDAV publishing targets and what
 * each has received.
 */
export const sql = /* sql */ `
CREATE TABLE person_preference (
  id           INTEGER PRIMARY KEY,
  person_id    INTEGER NOT NULL REFERENCES person (id),
  weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  template_id  INTEGER REFERENCES shift_template (id),
  kind         TEXT NOT NULL CHECK (kind IN ('cannot', 'prefer_not'))
) STRICT;
CREATE INDEX person_preference_person ON person_preference (person_id);

ALTER TABLE shift ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0);
INSERT INTO setting (key, value) VALUES ('planner_id', lower(hex(randomblob(16))));

-- Where a team's (or a person's, or a rotation's) events are published: a CalDAV collection and
-- the user to log in as. The password is never stored here (Electron keeps it in the OS keychain).
CREATE TABLE caldav_target (
  id           INTEGER PRIMARY KEY,
  team_id      INTEGER NOT NULL REFERENCES team (id),
  url          TEXT NOT NULL CHECK (url GLOB 'http://*' OR url GLOB 'https://*'),
  username     TEXT NOT NULL CHECK (length(username) BETWEEN 1 AND 200),
  person_id    INTEGER REFERENCES person (id),
  rotation_id  INTEGER REFERENCES rotation (id),
  absences     INTEGER NOT NULL DEFAULT 0 CHECK (absences IN (0, 1)),
  created_at   TEXT NOT NULL
) STRICT;

-- What was published where, so a later publish updates what moved and deletes what is gone.
CREATE TABLE caldav_published (
  target_id  INTEGER NOT NULL REFERENCES caldav_target (id),
  uid        TEXT NOT NULL,
  href       TEXT NOT NULL,
  day        TEXT NOT NULL,
  hash       TEXT NOT NULL,
  PRIMARY KEY (target_id, uid)
) STRICT;
`;
