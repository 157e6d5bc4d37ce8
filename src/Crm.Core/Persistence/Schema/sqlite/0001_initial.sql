-- Epic Events CRM, schema version 1 (SQLite).
-- Timestamps are UTC text (yyyy-MM-dd HH:mm:ss.fffffff), which sorts in time order.
-- Money is integer cents: SQLite has no decimal type and money is never a float.

CREATE TABLE roles (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    department  TEXT    NOT NULL CHECK (department IN ('management', 'sales', 'support')),
    version     INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ix_roles_name ON roles (name);

CREATE TABLE collaborators (
    id                          INTEGER PRIMARY KEY AUTOINCREMENT,
    employee_number             TEXT    NOT NULL,
    full_name                   TEXT    NOT NULL CHECK (length(full_name) BETWEEN 1 AND 100),
    email                       TEXT    NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    password_hash               TEXT    NOT NULL,
    must_change_password        INTEGER NOT NULL,
    role_id                     INTEGER NOT NULL REFERENCES roles (id) ON DELETE RESTRICT,
    is_active                   INTEGER NOT NULL,
    created_at                  TEXT    NOT NULL,
    updated_at                  TEXT    NOT NULL,
    teams_tenant_id             TEXT,
    teams_aad_object_id         TEXT,
    security_stamp              TEXT    NOT NULL,
    locked_until                TEXT,
    version                     INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ix_collaborators_email ON collaborators (email);
-- The number is derived from the id, so it is written just after the insert, in the same transaction.
CREATE UNIQUE INDEX ix_collaborators_employee_number ON collaborators (employee_number) WHERE employee_number <> '';
CREATE UNIQUE INDEX ix_collaborators_teams_identity ON collaborators (teams_tenant_id, teams_aad_object_id)
    WHERE teams_aad_object_id IS NOT NULL;
CREATE INDEX ix_collaborators_role ON collaborators (role_id, id);

CREATE TABLE clients (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    full_name           TEXT    NOT NULL CHECK (length(full_name) BETWEEN 1 AND 100),
    email               TEXT    NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    phone               TEXT    NOT NULL,
    company_name        TEXT    NOT NULL CHECK (length(company_name) BETWEEN 1 AND 100),
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL,
    sales_contact_id    INTEGER REFERENCES collaborators (id) ON DELETE RESTRICT,
    version             INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ix_clients_email ON clients (email);
CREATE INDEX ix_clients_sales_contact ON clients (sales_contact_id, id);

CREATE TABLE contracts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id       INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    total_amount    INTEGER NOT NULL CHECK (total_amount > 0 AND total_amount <= 100000000000),
    amount_due      INTEGER NOT NULL CHECK (amount_due >= 0 AND amount_due <= total_amount),
    status          TEXT    NOT NULL CHECK (status IN ('Draft', 'PendingSignature', 'Signed', 'Cancelled')),
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    signed_at       TEXT,
    signed_by_id    INTEGER REFERENCES collaborators (id) ON DELETE RESTRICT,
    version         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_contracts_client ON contracts (client_id, id);
CREATE INDEX ix_contracts_status ON contracts (status, id);
CREATE INDEX ix_contracts_unpaid ON contracts (id) WHERE amount_due > 0;

CREATE TABLE events (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    name                TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    contract_id         INTEGER NOT NULL REFERENCES contracts (id) ON DELETE RESTRICT,
    starts_at           TEXT    NOT NULL,
    ends_at             TEXT    NOT NULL CHECK (ends_at > starts_at),
    location            TEXT    NOT NULL CHECK (length(location) BETWEEN 1 AND 200),
    expected_attendees  INTEGER NOT NULL CHECK (expected_attendees BETWEEN 0 AND 100000),
    actual_attendees    INTEGER CHECK (actual_attendees BETWEEN 0 AND 100000),
    notes               TEXT    NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
    support_contact_id  INTEGER REFERENCES collaborators (id) ON DELETE RESTRICT,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL,
    version             INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_events_contract ON events (contract_id, starts_at, id);
CREATE INDEX ix_events_start ON events (starts_at, id);
CREATE INDEX ix_events_support ON events (support_contact_id, starts_at, id);
CREATE INDEX ix_events_unassigned ON events (starts_at, id) WHERE support_contact_id IS NULL;

CREATE TABLE signature_requests (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    contract_id     INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    requested_by_id INTEGER NOT NULL REFERENCES collaborators (id) ON DELETE RESTRICT,
    requested_at    TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('Pending', 'Approved', 'Rejected', 'Withdrawn')),
    decided_by_id   INTEGER REFERENCES collaborators (id) ON DELETE RESTRICT,
    decided_at      TEXT,
    reason          TEXT CHECK (length(reason) <= 1000),
    version         INTEGER NOT NULL DEFAULT 0
);
-- At most one pending request per contract, whatever races between two requesters.
CREATE UNIQUE INDEX ix_signature_requests_pending ON signature_requests (contract_id) WHERE status = 'Pending';
CREATE INDEX ix_signature_requests_contract ON signature_requests (contract_id, id);
CREATE INDEX ix_signature_requests_status ON signature_requests (status, id);

CREATE TABLE audit_entries (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT    NOT NULL,
    actor_id    INTEGER REFERENCES collaborators (id) ON DELETE RESTRICT,
    source      TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    entity_type TEXT    NOT NULL,
    entity_id   INTEGER,
    changes     TEXT    NOT NULL
);
CREATE INDEX ix_audit_entries_entity ON audit_entries (entity_type, entity_id, id);
CREATE INDEX ix_audit_entries_at ON audit_entries (at, id);

-- Append-only, even for a buggy application.
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;
CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;

CREATE TABLE outbox_messages (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT    NOT NULL,
    recipient_id    INTEGER NOT NULL REFERENCES collaborators (id) ON DELETE RESTRICT,
    subject_id      INTEGER NOT NULL,
    created_at      TEXT    NOT NULL,
    idempotency_key TEXT    NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('Pending', 'Sent', 'Failed', 'Undeliverable')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    sent_at         TEXT,
    last_error      TEXT
);
CREATE UNIQUE INDEX ix_outbox_messages_idempotency_key ON outbox_messages (idempotency_key);
CREATE INDEX ix_outbox_messages_due ON outbox_messages (state, next_attempt_at, id);
CREATE INDEX ix_outbox_messages_recipient ON outbox_messages (recipient_id, id);
