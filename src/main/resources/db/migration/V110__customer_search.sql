-- Debtor search: the name as the search compares it (lower-case, accents and other combining marks removed,
-- Cyrillic kept), written by the ledger with every name it stores (DebtorSearchText). Rows stored before this
-- migration are filled once at start-up (SearchNameBackfill): SQL has no portable way to strip accents.
alter table customer add column search_name varchar(200);
create index ix_customer_search_name on customer (search_name);
create index ix_customer_phone on customer (phone);
