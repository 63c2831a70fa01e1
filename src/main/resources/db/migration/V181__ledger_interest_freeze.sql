-- Days an invoice bears no late-payment interest (a hold for hardship or insolvency), keyed by who froze them
-- ('hold:<id>'); frozen_to is the last frozen day, null while open-ended. SQL that both H2 and PostgreSQL accept.
create sequence ledger_interest_freeze_seq start with 1 increment by 50;

create table ledger_interest_freeze (
    id          bigint primary key,
    freeze_key  varchar(80) not null,
    invoice_fk  bigint      not null references invoice (id),
    frozen_from date        not null,
    frozen_to   date,
    constraint uq_ledger_interest_freeze unique (freeze_key, invoice_fk)
);
create index ix_ledger_interest_freeze_invoice on ledger_interest_freeze (invoice_fk);
