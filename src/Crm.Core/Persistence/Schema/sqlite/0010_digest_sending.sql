-- Schema version 10 (SQLite): sending the digests (see docs/adr/0026-digest-sending.md).

-- A collaborator's own choice for a digest: on or off, and its local time of day in minutes after
-- midnight. No row: the company's defaults (Crm:Digests in appsettings.json).
CREATE TABLE digest_preferences (
    collaborator_id     INTEGER NOT NULL REFERENCES collaborators (id) ON DELETE CASCADE,
    kind                TEXT    NOT NULL CHECK (kind IN ('Management', 'Support', 'Sales')),
    enabled             INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    at_minute           INTEGER NOT NULL CHECK (at_minute BETWEEN 0 AND 1439),
    updated_at          TEXT    NOT NULL,
    PRIMARY KEY (collaborator_id, kind)
) WITHOUT ROWID;

-- One row per collaborator, digest and period (the local day it is for), written with the outbox
-- message that carries it (or alone when the digest was empty): the unique key makes the digest go
-- out once, whatever the number of bot instances and restarts.
CREATE TABLE digest_sends (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    collaborator_id     INTEGER NOT NULL REFERENCES collaborators (id) ON DELETE CASCADE,
    kind                TEXT    NOT NULL CHECK (kind IN ('Management', 'Support', 'Sales')),
    period              TEXT    NOT NULL CHECK (length(period) = 10),
    created_at          TEXT    NOT NULL,
    outbox_message_id   INTEGER REFERENCES outbox_messages (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX ix_digest_sends_period ON digest_sends (collaborator_id, kind, period);
CREATE INDEX ix_digest_sends_outbox_message ON digest_sends (outbox_message_id);
