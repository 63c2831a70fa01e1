-- Which of our charges (interest, fees) the ERP was told of, with the amount it was told: a recomputed amount is
-- told again under the same key. The ERP's own charges are never told back. SQL that both H2 and PostgreSQL accept.
create table ledger_charge_push (
    charge_key varchar(160)   primary key,
    amount     numeric(19, 2) not null,
    pushed_at  timestamp with time zone not null
);
