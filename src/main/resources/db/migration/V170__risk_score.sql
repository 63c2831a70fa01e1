-- The behavioural risk score (module risk): one row per customer, recomputed set-based by the daily scan. The facts
-- the score is computed from and the points each part gave are kept beside it, so a ticket can say why.
-- SQL that both H2 and PostgreSQL accept.
create table risk_score (
    customer_fk        bigint        not null primary key references customer (id),
    score              integer       not null,
    score_version      varchar(40)   not null,
    as_of              date          not null,
    paid_12m           integer       not null,
    paid_late_12m      integer       not null,
    avg_days_late_12m  numeric(9, 2) not null,
    paid_6m            integer       not null,
    avg_days_late_6m   numeric(9, 2) not null,
    current_dpd        integer       not null,
    overdue_amount     numeric(19, 2) not null,
    exposure           numeric(19, 2) not null,
    broken_promises    integer       not null,
    kept_promises      integer       not null,
    disputes_upheld    integer       not null,
    relapses           integer       not null,
    tenure_days        integer       not null,
    points_days_late   integer       not null default 0,
    points_trend       integer       not null default 0,
    points_late_share  integer       not null default 0,
    points_dpd         integer       not null default 0,
    points_overdue     integer       not null default 0,
    points_broken      integer       not null default 0,
    points_kept        integer       not null default 0,
    points_disputes    integer       not null default 0,
    points_relapses    integer       not null default 0,
    points_tenure      integer       not null default 0,
    constraint ck_risk_score_range check (score between 0 and 1000)
);

-- The score's working set: each invoice as of the last scoring day (when it was fully paid, what was open), written in
-- one statement, so the per-customer facts are one grouped pass over it.
create table risk_invoice_fact (
    invoice_fk     bigint         not null primary key,
    customer_fk    bigint         not null,
    issue_date     date           not null,
    due_date       date           not null,
    paid_on        date,
    open_as_of     numeric(19, 2) not null,
    written_off_on date
);
create index ix_risk_invoice_fact_customer on risk_invoice_fact (customer_fk);

-- The dispute module's published read view: each dispute with its ticket, resolution and when it was resolved.
create view dispute_facts_v (id, ticket_fk, amount, resolution, created_at, resolved_at) as
select id, ticket_fk, amount, resolution, created_at, resolved_at from dispute;
