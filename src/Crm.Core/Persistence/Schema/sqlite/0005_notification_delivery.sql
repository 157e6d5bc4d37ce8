-- Schema version 5 (SQLite): delivering the outbox (see docs/adr/0012-notification-delivery.md).

-- A sender claims a message for a while (a lease) before sending it; another instance skips it until
-- the lease ends, so a message is sent by one sender at a time, and one that crashed is taken over.
ALTER TABLE outbox_messages ADD COLUMN claim_token TEXT CHECK (length(claim_token) <= 64);
ALTER TABLE outbox_messages ADD COLUMN claimed_until TEXT;
-- Where the message went, so that a card can be updated in place later.
ALTER TABLE outbox_messages ADD COLUMN service_url TEXT CHECK (length(service_url) <= 500);
ALTER TABLE outbox_messages ADD COLUMN conversation_id TEXT CHECK (length(conversation_id) <= 300);
ALTER TABLE outbox_messages ADD COLUMN activity_id TEXT CHECK (length(activity_id) <= 300);
-- Approval cards to update are found by request.
CREATE INDEX ix_outbox_messages_subject ON outbox_messages (kind, subject_id);

-- The support contact's acknowledgement of an assignment; cleared when support changes.
ALTER TABLE events ADD COLUMN support_acknowledged_at TEXT;
