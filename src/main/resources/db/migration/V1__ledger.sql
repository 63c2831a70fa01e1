-- Ledger tables owned by Flyway. Camunda creates and upgrades its own ACT_* tables.
-- Written in the SQL that both H2 (embedded default) and PostgreSQL (production) accept.

create sequence customer_seq start with 1 increment by 50;
create sequence contract_seq start with 1 increment by 50;
create sequence invoice_seq start with 1 increment by 50;
create sequence payment_seq start with 1 increment by 50;
create sequence payment_allocation_seq start with 1 increment by 50;

create table customer (
    id                   bigint primary key,
    customer_id          varchar(64)  not null,
    name                 varchar(200) not null,
    phone                varchar(16),
    email                varchar(254),
    language             varchar(35)  not null,
    country              varchar(2)   not null,
    time_zone            varchar(64)  not null,
    address              varchar(500) not null,
    sms_opt_out          boolean      not null default false,
    email_opt_out        boolean      not null default false,
    ceased_communication boolean      not null default false,
    risk_score           integer,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    version              bigint       not null default 0,
    constraint uk_customer_customer_id unique (customer_id)
);

create table contract (
    id           bigint primary key,
    contract_id  varchar(64) not null,
    customer_fk  bigint      not null references customer (id),
    product_type varchar(40) not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    version      bigint      not null default 0,
    constraint uk_contract_contract_id unique (contract_id)
);
create index ix_contract_customer on contract (customer_fk);

create table invoice (
    id             bigint primary key,
    invoice_number varchar(64)    not null,
    customer_fk    bigint         not null references customer (id),
    contract_fk    bigint         references contract (id),
    issue_date     date           not null,
    due_date       date           not null,
    amount         numeric(19, 2) not null,
    open_amount    numeric(19, 2) not null,
    currency       varchar(3)     not null,
    status         varchar(20)    not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    version        bigint         not null default 0,
    constraint uk_invoice_invoice_number unique (invoice_number),
    constraint ck_invoice_amount check (amount > 0),
    constraint ck_invoice_open_amount check (open_amount >= 0 and open_amount <= amount)
);
create index ix_invoice_customer_status_due on invoice (customer_fk, status, due_date);
create index ix_invoice_status_due on invoice (status, due_date);
create index ix_invoice_contract on invoice (contract_fk);

create table payment (
    id                 bigint primary key,
    payment_id         varchar(64)    not null,
    customer_fk        bigint         not null references customer (id),
    invoice_number     varchar(64),
    amount             numeric(19, 2) not null,
    unallocated_amount numeric(19, 2) not null,
    currency           varchar(3)     not null,
    paid_on            date           not null,
    created_at         timestamp with time zone not null,
    version            bigint         not null default 0,
    constraint uk_payment_payment_id unique (payment_id),
    constraint ck_payment_amount check (amount > 0),
    constraint ck_payment_unallocated check (unallocated_amount >= 0 and unallocated_amount <= amount)
);
create index ix_payment_customer on payment (customer_fk, paid_on);

create table payment_allocation (
    id           bigint primary key,
    payment_fk   bigint         not null references payment (id),
    invoice_fk   bigint         not null references invoice (id),
    amount       numeric(19, 2) not null,
    allocated_at timestamp with time zone not null,
    constraint ck_allocation_amount check (amount > 0)
);
create index ix_allocation_payment on payment_allocation (payment_fk);
create index ix_allocation_invoice on payment_allocation (invoice_fk);
