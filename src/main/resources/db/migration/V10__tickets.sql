-- Delinquency tickets, their invoices, plan, timeline, contacts, promises and disputes.
-- SQL that both H2 and PostgreSQL accept.

create sequence ticket_number_seq start with 1 increment by 1;
create sequence ticket_seq start with 1 increment by 50;
create sequence ticket_step_seq start with 1 increment by 50;
create sequence ticket_event_seq start with 1 increment by 50;
create sequence contact_attempt_seq start with 1 increment by 50;
create sequence promise_seq start with 1 increment by 50;
create sequence dispute_seq start with 1 increment by 50;

create table ticket (
    id               bigint primary key,
    ticket_number    varchar(20)    not null,
    customer_fk      bigint         not null references customer (id),
    status           varchar(20)    not null,
    close_reason     varchar(30),
    currency         varchar(3)     not null,
    overdue_amount   numeric(19, 2) not null,
    max_dpd          integer        not null,
    bucket           varchar(10)    not null,
    product_type     varchar(40)    not null,
    segment          varchar(40),
    priority         integer,
    strategy         varchar(200),
    opened_on        date           not null,
    closed_at        timestamp with time zone,
    owner            varchar(64),
    broken_promises  integer        not null default 0,
    plan_round       integer        not null default 0,
    next_step        varchar(100),
    next_step_due_at timestamp with time zone,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          bigint         not null default 0,
    constraint uk_ticket_number unique (ticket_number)
);
create index ix_ticket_customer_status on ticket (customer_fk, status);
create index ix_ticket_status_priority on ticket (status, priority);

create table ticket_invoice (
    ticket_fk  bigint not null references ticket (id),
    invoice_fk bigint not null references invoice (id),
    primary key (ticket_fk, invoice_fk)
);
create index ix_ticket_invoice_invoice on ticket_invoice (invoice_fk);

create table ticket_step (
    id          bigint primary key,
    ticket_fk   bigint       not null references ticket (id),
    plan_round  integer      not null,
    step_index  integer      not null,
    day_offset  integer      not null,
    channel     varchar(20)  not null,
    template_id varchar(100),
    due_at      timestamp with time zone not null,
    done_at     timestamp with time zone,
    constraint uk_ticket_step unique (ticket_fk, plan_round, step_index)
);

create table ticket_event (
    id        bigint primary key,
    ticket_fk bigint       not null references ticket (id),
    type      varchar(40)  not null,
    at        timestamp with time zone not null,
    details   varchar(4000),
    author    varchar(64)
);
create index ix_ticket_event_ticket on ticket_event (ticket_fk, at);

create table contact_attempt (
    id            bigint primary key,
    ticket_fk     bigint       not null references ticket (id),
    channel       varchar(20)  not null,
    template_id   varchar(100),
    rendered_text varchar(4000),
    outcome       varchar(30)  not null,
    note          varchar(2000),
    author        varchar(64),
    sandbox       boolean      not null default false,
    send_key      varchar(120) not null,
    at            timestamp with time zone not null,
    constraint uk_contact_attempt_send_key unique (send_key)
);
create index ix_contact_attempt_ticket on contact_attempt (ticket_fk, at);

create table promise (
    id            bigint primary key,
    ticket_fk     bigint         not null references ticket (id),
    amount        numeric(19, 2) not null,
    promised_date date           not null,
    status        varchar(20)    not null,
    author        varchar(64),
    created_at    timestamp with time zone not null,
    resolved_at   timestamp with time zone,
    constraint ck_promise_amount check (amount > 0)
);
create index ix_promise_ticket on promise (ticket_fk);

create table dispute (
    id          bigint primary key,
    ticket_fk   bigint         not null references ticket (id),
    reason      varchar(2000)  not null,
    amount      numeric(19, 2) not null,
    resolution  varchar(20),
    author      varchar(64),
    created_at  timestamp with time zone not null,
    resolved_at timestamp with time zone,
    constraint ck_dispute_amount check (amount > 0)
);
create index ix_dispute_ticket on dispute (ticket_fk);
