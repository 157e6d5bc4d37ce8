-- Schema version 9 (SQLite): a salesperson's contracts in one status, for the sales digest (old
-- drafts, signed contracts still unpaid). With only (client_id, id) and (status, id), the digest's
-- queries read every draft or signed contract of the company and kept those of the salesperson's
-- clients; with (client_id, status) they go from the salesperson's clients (ix_clients_sales_contact)
-- straight to the contracts of each client in the wanted status.
CREATE INDEX ix_contracts_client_status ON contracts (client_id, status);
