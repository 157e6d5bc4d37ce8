-- Schema version 6 (PostgreSQL): a folded search key on events (name and location) for case- and
-- accent-insensitive search, with a trigram index like the clients' (version 2). The key is filled
-- for existing rows by the migration's code step.
ALTER TABLE events ADD COLUMN search_key text NOT NULL DEFAULT '';
CREATE INDEX ix_events_search_key ON events USING gin (search_key gin_trgm_ops);
