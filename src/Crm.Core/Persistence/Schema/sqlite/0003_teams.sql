-- Schema version 3 (SQLite): what the Teams bot must keep across restarts and share between its
-- instances (see docs/adr/0009-teams-state-in-the-database.md).

-- Each collaborator's 1:1 (personal) conversation with the bot, for proactive messages.
CREATE TABLE teams_conversations (
    collaborator_id     INTEGER PRIMARY KEY REFERENCES collaborators (id) ON DELETE CASCADE,
    service_url         TEXT    NOT NULL CHECK (length(service_url) BETWEEN 1 AND 500),
    channel_id          TEXT    NOT NULL CHECK (length(channel_id) BETWEEN 1 AND 50),
    conversation_id     TEXT    NOT NULL CHECK (length(conversation_id) BETWEEN 1 AND 300),
    conversation_type   TEXT    NOT NULL CHECK (length(conversation_type) BETWEEN 1 AND 20),
    tenant_id           TEXT    NOT NULL CHECK (length(tenant_id) BETWEEN 1 AND 300),
    bot_id              TEXT    NOT NULL CHECK (length(bot_id) BETWEEN 1 AND 300),
    bot_name            TEXT    CHECK (length(bot_name) <= 200),
    user_id             TEXT    NOT NULL CHECK (length(user_id) BETWEEN 1 AND 300),
    aad_object_id       TEXT    CHECK (length(aad_object_id) <= 300),
    locale              TEXT    CHECK (length(locale) <= 20),
    updated_at          TEXT    NOT NULL,
    -- Set when Teams refuses writes (the person blocked or removed the bot): nothing is sent until
    -- they write to the bot again.
    blocked_at          TEXT
);

-- A card dialog in progress, one per conversation; the state is JSON the bot writes.
CREATE TABLE bot_dialogs (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_key    TEXT    NOT NULL CHECK (length(conversation_key) BETWEEN 1 AND 300),
    collaborator_id     INTEGER NOT NULL REFERENCES collaborators (id) ON DELETE CASCADE,
    kind                TEXT    NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
    state               TEXT    NOT NULL,
    card_activity_id    TEXT    CHECK (length(card_activity_id) <= 200),
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL,
    expires_at          TEXT    NOT NULL,
    version             INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ix_bot_dialogs_conversation_key ON bot_dialogs (conversation_key);
CREATE INDEX ix_bot_dialogs_expires_at ON bot_dialogs (expires_at);

-- The ids of the activities already handled, so that a redelivered activity is handled once.
CREATE TABLE processed_activities (
    activity_id         TEXT    NOT NULL PRIMARY KEY CHECK (length(activity_id) BETWEEN 1 AND 300),
    received_at         TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX ix_processed_activities_received_at ON processed_activities (received_at);
