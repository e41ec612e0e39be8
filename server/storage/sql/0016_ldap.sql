-- LanChat schema version 16: accounts signed in through LDAP / Active Directory. Never edit once shipped.
--
-- ldap_dn is the directory entry an account belongs to (NULL: a local account with its own password). Such an
-- account's password_hash holds no hash (the directory checks the password; it is never stored), so the account
-- cannot log in with a local password. The DN is unique: one directory entry is one LanChat account.

ALTER TABLE users ADD COLUMN ldap_dn TEXT;

CREATE UNIQUE INDEX users_by_ldap_dn ON users(ldap_dn) WHERE ldap_dn IS NOT NULL;
