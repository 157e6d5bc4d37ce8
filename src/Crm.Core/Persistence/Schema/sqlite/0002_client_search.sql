-- Schema version 2 (SQLite): a folded search key on clients for case- and accent-insensitive search.
-- The key is filled for existing rows by the migration's code step (folding accents needs Unicode
-- tables that SQL does not have).
ALTER TABLE clients ADD COLUMN search_key TEXT NOT NULL DEFAULT '';

-- A trigram full-text index over the key, so that a "contains" search of 3 characters or more reads
-- the index instead of every client. It holds no copy of the text (external content) and follows
-- the table through triggers. An empty key means "not indexed yet": the rows that existed before this
-- version get theirs from the migration's code step, and an external-content index must never be
-- told to delete what it was never given.
CREATE VIRTUAL TABLE clients_search USING fts5(search_key, content = 'clients', content_rowid = 'id', tokenize = 'trigram');

CREATE TRIGGER clients_search_insert AFTER INSERT ON clients
BEGIN
    INSERT INTO clients_search (rowid, search_key) VALUES (new.id, new.search_key);
END;

CREATE TRIGGER clients_search_delete AFTER DELETE ON clients
BEGIN
    INSERT INTO clients_search (clients_search, rowid, search_key) SELECT 'delete', old.id, old.search_key WHERE old.search_key <> '';
END;

CREATE TRIGGER clients_search_update AFTER UPDATE OF search_key ON clients
BEGIN
    INSERT INTO clients_search (clients_search, rowid, search_key) SELECT 'delete', old.id, old.search_key WHERE old.search_key <> '';
    INSERT INTO clients_search (rowid, search_key) VALUES (new.id, new.search_key);
END;
