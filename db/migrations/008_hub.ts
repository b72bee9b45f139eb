/**
 * Schema 8: a team's link to a department hub, and the requests pulled from it. The hub's
 * session token is not here: it is kept with the passwords (the desktop app's keychain). A pulled
 * request keeps the hub's id, so pulling again updates it instead of doubling it; a leave request
 * becomes an absence asked for (`absence_id`; `problem` says why not, when the planner refused
 * it), and the decision a publish last carried back is noted (`sent_decision`), so a changed mind
 * is sent again and an unchanged one is not.
 */
export const sql = /* sql */ `
CREATE TABLE hub_link (
  team_id INTEGER PRIMARY KEY REFERENCES team (id) ON DELETE CASCADE,
  url TEXT NOT NULL CHECK (length(url) BETWEEN 8 AND 2000),
  email TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  hub_team_id INTEGER NOT NULL CHECK (hub_team_id > 0),
  hub_team_name TEXT NOT NULL,
  last_version INTEGER,
  last_published_at TEXT,
  pulled_until TEXT,
  connected_at TEXT NOT NULL
) STRICT;

CREATE TABLE hub_request (
  team_id INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
  id INTEGER NOT NULL CHECK (id > 0),
  person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
  kind TEXT NOT NULL CHECK (kind IN ('leave', 'preferences', 'swap')),
  body TEXT NOT NULL CHECK (json_valid(body)),
  state TEXT NOT NULL CHECK (state IN ('pending', 'withdrawn')),
  taker_person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
  in_return_key TEXT,
  absence_id INTEGER REFERENCES absence (id) ON DELETE SET NULL,
  decision TEXT CHECK (decision IN ('approved', 'declined')),
  sent_decision TEXT CHECK (sent_decision IN ('approved', 'declined')),
  problem TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (team_id, id)
) STRICT;
CREATE INDEX hub_request_absence ON hub_request (absence_id) WHERE absence_id IS NOT NULL;
`;
