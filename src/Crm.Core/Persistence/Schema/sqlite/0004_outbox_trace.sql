-- Schema version 4 (SQLite): the trace that wrote a notification, so that its delivery continues
-- it (see docs/adr/0010-telemetry-through-otlp.md). A W3C traceparent, or null when untraced.
ALTER TABLE outbox_messages ADD COLUMN trace_parent TEXT CHECK (length(trace_parent) <= 55);
