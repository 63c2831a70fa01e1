-- Reports: a daily snapshot of every open ticket's bucket and balance (roll and cure rates compare two days),
-- and the indexes the report queries group and filter by. SQL that both H2 and PostgreSQL accept.

create table bucket_snapshot (
    as_of     date           not null,
    ticket_fk bigint         not null references ticket (id),
    currency  varchar(3)     not null,
    bucket    varchar(10)    not null,
    balance   numeric(19, 2) not null,
    max_dpd   integer        not null,
    primary key (as_of, ticket_fk)
);
create index ix_bucket_snapshot_ticket on bucket_snapshot (ticket_fk, as_of);

create index ix_ticket_opened_on on ticket (opened_on);
create index ix_ticket_closed_at on ticket (closed_at);
create index ix_ticket_owner_status on ticket (owner, status);
create index ix_invoice_issue_date on invoice (issue_date);
create index ix_contact_attempt_author_at on contact_attempt (author, at);
create index ix_promise_promised_date on promise (promised_date, status);
create index ix_promise_author on promise (author, created_at);
create index ix_payment_paid_on on payment (paid_on);
