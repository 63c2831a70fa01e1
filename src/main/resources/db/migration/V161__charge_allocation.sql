-- The part of a payment that settled an invoice's charges (interest, fees), beside payment_allocation (principal),
-- so principal-only readers (the reports' views) stay as they are. SQL that both H2 and PostgreSQL accept.
create sequence charge_allocation_seq start with 1 increment by 50;

create table charge_allocation (
    id           bigint primary key,
    payment_fk   bigint         not null references payment (id),
    invoice_fk   bigint         not null references invoice (id),
    kind         varchar(20)    not null,
    amount       numeric(19, 2) not null,
    paid_on      date           not null,
    allocated_at timestamp with time zone not null,
    constraint ck_charge_allocation_amount check (amount > 0),
    constraint ck_charge_allocation_kind check (kind in ('INTEREST', 'FEE'))
);
create index ix_charge_allocation_invoice on charge_allocation (invoice_fk, kind);
create index ix_charge_allocation_payment on charge_allocation (payment_fk);
