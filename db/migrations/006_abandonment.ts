/**
 * Schema 6: how many callers a channel may lose to hang-ups (Erlang A). The
 * requirement keeps the share who hang up at or under max_abandon_rate; callers
 * who hang up within short_abandon_seconds of waiting are not counted as
 * offered. Existing channels get 5 % and count every caller, which is what a
 * channel without a row gets too.
 */
export const sql = /* sql */ `
ALTER TABLE channel_staffing ADD COLUMN max_abandon_rate REAL NOT NULL DEFAULT 0.05 CHECK (max_abandon_rate > 0 AND max_abandon_rate <= 1);
ALTER TABLE channel_staffing ADD COLUMN short_abandon_seconds INTEGER NOT NULL DEFAULT 0 CHECK (short_abandon_seconds BETWEEN 0 AND 86400);
`;
