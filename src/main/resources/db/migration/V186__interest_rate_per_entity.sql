-- Interest rules per legal entity: the expanded rates carry the entity they are for (the default entity's are the
-- service's own rules, as before).
alter table ledger_interest_rate add column legal_entity varchar(40) default 'DEFAULT' not null;
alter table ledger_interest_rate drop constraint pk_ledger_interest_rate;
alter table ledger_interest_rate add constraint pk_ledger_interest_rate
    primary key (legal_entity, product_type, debtor_kind, valid_from);
