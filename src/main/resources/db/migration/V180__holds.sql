-- Holds (module hold): collection on a ticket, or on one invoice, paused for a reason until an end date (the day
-- collection resumes) or until lifted. SQL that both H2 and PostgreSQL accept.
create sequence hold_seq start with 1 increment by 50;

create table hold (
    id               bigint primary key,
    customer_fk      bigint        not null,
    ticket_fk        bigint,
    invoice_fk       bigint,
    reason           varchar(20)   not null,
    source           varchar(10)   not null,
    note             varchar(2000),
    starts_on        date          not null,
    ends_on          date,
    freezes_interest boolean       not null,
    placed_by        varchar(100),
    placed_at        timestamp with time zone not null,
    lifted_on        date,
    lifted_at        timestamp with time zone,
    lifted_by        varchar(100),
    constraint ck_hold_scope check (ticket_fk is not null or invoice_fk is not null),
    constraint ck_hold_reason check (reason in ('INSOLVENCY', 'DECEASED', 'BEREAVEMENT', 'HARDSHIP', 'COMPLAINT',
                                                 'LEGAL_REVIEW', 'OTHER')),
    constraint ck_hold_source check (source in ('MANAGER', 'ERP', 'DISPUTE'))
);
create index ix_hold_customer on hold (customer_fk, lifted_at);
create index ix_hold_ticket on hold (ticket_fk);
create index ix_hold_invoice on hold (invoice_fk);

-- The hold's rule stated once: it ended on the day it was lifted, else on its end date (null: still open-ended).
create view hold_facts_v as
select id, customer_fk, ticket_fk, invoice_fk, reason, source, starts_on,
       case when lifted_on is not null and (ends_on is null or lifted_on < ends_on) then lifted_on else ends_on end
           as ended_on
from hold;

create view rv_hold as
select id, customer_fk, ticket_fk, invoice_fk, reason, source, starts_on, ended_on from hold_facts_v;
