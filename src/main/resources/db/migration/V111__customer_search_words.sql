-- Debtor search answers from indexes (issue 15): a name by the prefixes of its words, an e-mail by its lower-case
-- form, instead of scanning every name for '%term%' and lower-casing every e-mail.
-- The words of each debtor's search_name (DebtorSearchText.words), written by the ledger with every name; rows
-- stored before this migration are filled once at start-up (SearchNameBackfill), as search_name was. The index
-- a prefix search reads is database-specific (db/vendor/*/V112): PostgreSQL needs text_pattern_ops for LIKE 'x%'.
create table customer_search_word (
    customer_fk bigint       not null,
    word        varchar(200) not null,
    constraint pk_customer_search_word primary key (customer_fk, word),
    constraint fk_customer_search_word_customer foreign key (customer_fk) references customer (id)
);

alter table customer add column search_email varchar(254);
update customer set search_email = lower(email) where email is not null;
create index ix_customer_search_email on customer (search_email);
