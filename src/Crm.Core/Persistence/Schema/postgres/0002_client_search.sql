-- Schema version 2 (PostgreSQL): a folded search key on clients for case- and accent-insensitive
-- search, with a trigram index so that a "contains" search does not scan the table. The key is
-- filled for existing rows by the migration's code step.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER TABLE clients ADD COLUMN search_key text NOT NULL DEFAULT '';
CREATE INDEX ix_clients_search_key ON clients USING gin (search_key gin_trgm_ops);
