/**
 * Schema 3: auto-scheduling. What a person cannot or would rather not work, by
 * ISO weekday, for one shift template or any (template_id NULL).
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
`;
