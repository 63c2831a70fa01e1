-- Strategy lab (issue 18). SQL that both H2 and PostgreSQL accept.

-- Promoting the challenger (module strategy): each challenger version is promoted at most once, on record; its
-- rules are deployed as the next version of the champion decision, which new tickets then follow.
create table strategy_promotion (
    challenger_definition_id varchar(64) not null primary key,
    challenger_version       integer     not null,
    champion_definition_id   varchar(64) not null,
    champion_version         integer     not null,
    deployment_id            varchar(64) not null,
    promoted_by              varchar(64) not null,
    promoted_at              timestamp with time zone not null
);

-- The reports' read model of the variants (module report), on the strategy module's published view.
create view rv_strategy_variant (ticket_fk, variant) as
select ticket_fk, variant from strategy_variant_v;

-- What the segment decision reads of a ticket (module ticket), for the dry-run over the portfolio.
create view ticket_decision_input_v (id, ticket_number, customer_fk, status, currency, overdue_amount, max_dpd,
                                     product_type, segment, broken_promises, opened_on) as
select id, ticket_number, customer_fk, status, currency, overdue_amount, max_dpd, product_type, segment, broken_promises,
       opened_on
from ticket;

-- What the contact policy refuses a debtor whatever the moment (module ledger): its rule, once — an ERP opt-out or
-- the debtor's own (STOP, unsubscribe) — and the risk score recorded on the debtor.
create view ledger_customer_contact_v (id, refuses_sms, refuses_email, refuses_voice, ceased_communication, risk_score) as
select id,
       case when sms_opt_out or sms_stopped_at is not null then 1 else 0 end,
       case when email_opt_out or email_unsubscribed_at is not null then 1 else 0 end,
       case when voice_opt_out then 1 else 0 end,
       case when ceased_communication then 1 else 0 end,
       risk_score
from customer;
