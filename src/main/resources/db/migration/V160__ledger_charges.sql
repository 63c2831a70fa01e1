-- Charges: late-payment interest and fees, ledger items of their own on an invoice (an invoice's amount never
-- changes for them). Ours are computed by the ledger's rules; the ERP's own come through the import, so nothing
-- is counted twice. SQL that both H2 and PostgreSQL accept.
create sequence ledger_charge_seq start with 1 increment by 50;

create table ledger_charge (
    id          bigint primary key,
    -- idempotency: 'erp:<charge_id>' for the ERP's, 'interest:<invoice pk>:<period_from>' for our interest
    charge_key  varchar(160)   not null,
    invoice_fk  bigint         not null references invoice (id),
    kind        varchar(20)    not null,
    source      varchar(10)    not null,
    -- the rule that produced it (ours: the configured rule's name; the ERP's: what the ERP calls it)
    rule        varchar(80)    not null,
    -- interest: the principal it ran on, the annual rate in percent, the day count, the days it covers (inclusive)
    basis       numeric(19, 2),
    rate        numeric(9, 4),
    day_count   varchar(10),
    period_from date,
    period_to   date,
    amount      numeric(19, 2) not null,
    currency    varchar(3)     not null,
    created_at  timestamp with time zone not null,
    constraint uk_ledger_charge_key unique (charge_key),
    constraint ck_ledger_charge_amount check (amount >= 0),
    constraint ck_ledger_charge_kind check (kind in ('INTEREST', 'FEE')),
    constraint ck_ledger_charge_source check (source in ('OURS', 'ERP')),
    constraint ck_ledger_charge_period check (period_to is null or period_from <= period_to)
);
create index ix_ledger_charge_invoice on ledger_charge (invoice_fk, kind, source);

-- Consumer or business: the interest rules differ (e.g. BGB §288: reference rate + 5 points, + 9 for businesses).
alter table customer add column debtor_kind varchar(10) default 'CONSUMER' not null;

-- The configured interest rules expanded per product type, debtor kind and rate period (reference-rate periods
-- or one open period for a fixed rate); rewritten from the configuration before each accrual, read by its SQL.
create table ledger_interest_rate (
    product_type varchar(40)   not null,
    debtor_kind  varchar(10)   not null,
    valid_from   date          not null,
    rule         varchar(80)   not null,
    annual_rate  numeric(9, 4) not null,
    day_count    varchar(10)   not null,
    year_days    integer       not null,
    constraint pk_ledger_interest_rate primary key (product_type, debtor_kind, valid_from)
);
