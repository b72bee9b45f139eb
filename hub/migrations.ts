import { inTransaction, one, type Pool } from './pg';

/**
 * The hub's schema, as numbered migrations: each runs in one transaction with the version it
 * reaches, so a failed one leaves the database as it was. Never edit a released one; add the next.
 * Several hub processes may start at once against one database: an advisory lock lets one migrate
 * while the others wait, then find nothing left to do. A database from a newer hub is refused
 * (its schema may mean things this one does not know), as the planner file refuses one.
 */
export const HUB_MIGRATIONS: readonly string[] = [
  // 1: accounts, teams, the published plans, sessions, invitations, requests.
  `
  CREATE TABLE account (
    id bigserial PRIMARY KEY,
    email text NOT NULL,
    name text NOT NULL,
    password_hash text NOT NULL,
    role text NOT NULL CHECK (role IN ('agent', 'lead', 'manager', 'admin')),
    language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'tr', 'pl', 'fa')),
    created_at timestamptz NOT NULL DEFAULT now(),
    disabled_at timestamptz
  );
  CREATE UNIQUE INDEX account_email ON account (lower(email));

  CREATE TABLE team (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    -- Raised by every publish that changes something; a publish names the version it diffed against.
    version bigint NOT NULL DEFAULT 0,
    published_at timestamptz,
    published_by bigint REFERENCES account (id)
  );
  CREATE TABLE team_lead (
    account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    team_id bigint NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    PRIMARY KEY (account_id, team_id)
  );

  -- A team's published plan: one row per item (core/hub/plan.ts), written only by publishes.
  CREATE TABLE plan_item (
    team_id bigint NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    name text NOT NULL,
    kind text NOT NULL,
    person_key text,
    email text,
    starts_at timestamptz,
    ends_at timestamptz,
    fingerprint text NOT NULL,
    item jsonb NOT NULL,
    PRIMARY KEY (team_id, name)
  );
  CREATE INDEX plan_item_person ON plan_item (team_id, person_key, starts_at);
  CREATE INDEX plan_item_email ON plan_item (email) WHERE kind = 'person';
  CREATE INDEX plan_item_kind ON plan_item (team_id, kind);

  -- Publishes already applied, so a repeat (a retry after a lost answer) changes nothing.
  CREATE TABLE publish (
    id text PRIMARY KEY,
    team_id bigint NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    account_id bigint NOT NULL REFERENCES account (id),
    version bigint NOT NULL,
    upserts integer NOT NULL,
    deletes integer NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
  );

  -- Sessions hold only a hash of their token: a copy of the database logs nobody in.
  CREATE TABLE session (
    token_hash bytea PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    csrf text NOT NULL,
    client text NOT NULL CHECK (client IN ('browser', 'app')),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    ended_at timestamptz
  );
  CREATE INDEX session_account ON session (account_id);

  CREATE TABLE login_attempt (
    id bigserial PRIMARY KEY,
    email text NOT NULL,
    address text NOT NULL,
    ok boolean NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX login_attempt_email ON login_attempt (email, at);
  CREATE INDEX login_attempt_address ON login_attempt (address, at);

  CREATE TABLE invitation (
    token_hash bytea PRIMARY KEY,
    email text NOT NULL,
    role text NOT NULL CHECK (role IN ('agent', 'lead', 'manager', 'admin')),
    team_ids bigint[] NOT NULL DEFAULT '{}',
    created_by bigint REFERENCES account (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at timestamptz
  );

  -- A personal calendar feed: the secret in its address, kept as a hash; a new one revokes the old.
  CREATE TABLE feed (
    account_id bigint PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    secret_hash bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
  );

  -- What agents ask of their lead. The agent owns the body and may withdraw; a colleague may
  -- accept a swap; the lead's publishes own the decision.
  CREATE TABLE request (
    id bigserial PRIMARY KEY,
    team_id bigint NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    person_key text NOT NULL,
    account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('leave', 'preferences', 'swap')),
    body jsonb NOT NULL,
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'withdrawn')),
    taker_key text,
    in_return_key text,
    decision text CHECK (decision IN ('approved', 'declined')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX request_team ON request (team_id, updated_at);
  CREATE INDEX request_person ON request (team_id, person_key);
  `,
];

/** The lock every hub process takes to migrate (an arbitrary constant, the same in all of them). */
const MIGRATION_LOCK = 0x52_44_48_55_42; // "RDHUB"

export class FutureSchemaError extends Error {}

/** Brings the database to this hub's schema; returns the version it found. */
export async function migrate(pool: Pool): Promise<number> {
  return inTransaction(pool, async (db) => {
    await db.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await db.query('CREATE TABLE IF NOT EXISTS hub_schema (version integer NOT NULL)');
    const row = await one<{ version: number }>(db, 'SELECT version FROM hub_schema');
    const found = row?.version ?? 0;
    if (found > HUB_MIGRATIONS.length) {
      throw new FutureSchemaError(`This database was set up by a newer Rosterdesk hub (schema ${found}; this hub knows up to ${HUB_MIGRATIONS.length}). Update the hub; nothing was changed.`);
    }
    // One transaction for all of them: a hub never runs on a schema half-way between two versions.
    for (let v = found; v < HUB_MIGRATIONS.length; v += 1) await db.query(HUB_MIGRATIONS[v] ?? '');
    if (row === null) await db.query('INSERT INTO hub_schema (version) VALUES ($1)', [HUB_MIGRATIONS.length]);
    else await db.query('UPDATE hub_schema SET version = $1', [HUB_MIGRATIONS.length]);
    return found;
  });
}
