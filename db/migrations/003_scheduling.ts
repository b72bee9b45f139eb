/**
 * Schema 3: auto-scheduling and calendars. What a person cannot or would rather
 * not work, by ISO weekday, for one shift template or any (template_id NULL).
 * A shift's revision (iCalendar SEQUENCE), and the file's own id, which makes
 * event UIDs unique across planner files.
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
`;
