-- Schema version 6 (SQLite): a folded search key on events (name and location) for case- and
-- accent-insensitive search, and a trigram full-text index over it kept by triggers, exactly as
-- the clients' (version 2, which explains the external content and the empty key). The key is
-- filled for existing rows by the migration's code step.
ALTER TABLE events ADD COLUMN search_key TEXT NOT NULL DEFAULT '';

CREATE VIRTUAL TABLE events_search USING fts5(search_key, content = 'events', content_rowid = 'id', tokenize = 'trigram');

CREATE TRIGGER events_search_insert AFTER INSERT ON events
BEGIN
    INSERT INTO events_search (rowid, search_key) VALUES (new.id, new.search_key);
END;

CREATE TRIGGER events_search_delete AFTER DELETE ON events
BEGIN
    INSERT INTO events_search (events_search, rowid, search_key) SELECT 'delete', old.id, old.search_key WHERE old.search_key <> '';
END;

CREATE TRIGGER events_search_update AFTER UPDATE OF search_key ON events
BEGIN
    INSERT INTO events_search (events_search, rowid, search_key) SELECT 'delete', old.id, old.search_key WHERE old.search_key <> '';
    INSERT INTO events_search (rowid, search_key) VALUES (new.id, new.search_key);
END;
