-- Schema version 2 (SQLite): a folded search key on clients for case- and accent-insensitive search.
-- The key is filled for existing rows by the migration's code step (folding accents needs Unicode
-- tables that SQL does not have).
ALTER TABLE clients ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
