-- Schema version 7 (PostgreSQL): the language the bot speaks to a collaborator in, chosen by them
-- (`language fr` in Teams); null follows their Teams client's locale.
ALTER TABLE collaborators ADD COLUMN preferred_language varchar(2) NULL CHECK (preferred_language IN ('en', 'fr'));
