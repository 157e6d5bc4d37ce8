-- Schema version 8 (SQLite): the unsigned contracts in id order, for `contract list --unsigned` and
-- the bot's "contracts unsigned". With only (status, id), a page had to gather both statuses and sort
-- them (a temporary B-tree per page: the whole list cost grew with the square of its length); the
-- partial index gives the newest unsigned contracts in order, as ix_contracts_unpaid does for the
-- unpaid ones. The list's SQL repeats this exact condition, so that the planner picks it.
CREATE INDEX ix_contracts_unsigned ON contracts (id) WHERE status IN ('Draft', 'PendingSignature');
