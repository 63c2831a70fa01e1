-- The legal entity in the published views and the reports' views, so reports filter and group by it. A column added
-- at the end: create or replace keeps the views that read these.
create or replace view ledger_customer_v (id, customer_id, name, legal_entity) as
select id, customer_id, name, legal_entity from customer;

create or replace view ticket_facts_v (id, customer_fk, status, close_reason, currency, overdue_amount, overdue_at_entry,
                                       max_dpd, bucket, product_type, segment, strategy, opened_on, closed_at, owner,
                                       legal_entity) as
select id, customer_fk, status, close_reason, currency, overdue_amount, overdue_at_entry, max_dpd, bucket, product_type,
       segment, strategy, opened_on, closed_at, owner, legal_entity
from ticket;

create or replace view ticket_open_v (id, customer_fk, status, close_reason, currency, overdue_amount, overdue_at_entry,
                                      max_dpd, bucket, product_type, segment, strategy, opened_on, closed_at, owner,
                                      legal_entity) as
select id, customer_fk, status, close_reason, currency, overdue_amount, overdue_at_entry, max_dpd, bucket, product_type,
       segment, strategy, opened_on, closed_at, owner, legal_entity
from ticket where status <> 'CLOSED';

create or replace view rv_customer (id, customer_id, name, legal_entity) as
select id, customer_id, name, legal_entity from ledger_customer_v;

create or replace view rv_ticket (id, customer_fk, status, close_reason, currency, overdue_amount, overdue_at_entry,
                                  max_dpd, bucket, product_type, segment, strategy, opened_on, closed_at, owner,
                                  legal_entity) as
select id, customer_fk, status, close_reason, currency, overdue_amount, overdue_at_entry, max_dpd, bucket, product_type,
       segment, strategy, opened_on, closed_at, owner, legal_entity
from ticket_facts_v;

create or replace view rv_open_ticket (id, customer_fk, status, close_reason, currency, overdue_amount, overdue_at_entry,
                                       max_dpd, bucket, product_type, segment, strategy, opened_on, closed_at, owner,
                                       legal_entity) as
select id, customer_fk, status, close_reason, currency, overdue_amount, overdue_at_entry, max_dpd, bucket, product_type,
       segment, strategy, opened_on, closed_at, owner, legal_entity
from ticket_open_v;
