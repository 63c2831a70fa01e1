-- The ticket module's published read views (naming: V64__report_views.sql). SQL that both H2 and PostgreSQL accept.
-- A migration that changes a column these views show must drop and re-create the views (PostgreSQL refuses otherwise).

create view ticket_facts_v (id, customer_fk, status, close_reason, currency, overdue_amount, overdue_at_entry, max_dpd,
                            bucket, product_type, segment, strategy, opened_on, closed_at, owner) as
select id, customer_fk, status, close_reason, currency, overdue_amount, overdue_at_entry, max_dpd, bucket, product_type,
       segment, strategy, opened_on, closed_at, owner
from ticket;

-- "Open" for a ticket: any status but CLOSED.
create view ticket_open_v (id, customer_fk, status, close_reason, currency, overdue_amount, overdue_at_entry, max_dpd,
                           bucket, product_type, segment, strategy, opened_on, closed_at, owner) as
select id, customer_fk, status, close_reason, currency, overdue_amount, overdue_at_entry, max_dpd, bucket, product_type,
       segment, strategy, opened_on, closed_at, owner
from ticket where status <> 'CLOSED';

-- The invoices a ticket collects.
create view ticket_invoice_v (ticket_fk, invoice_fk) as
select ticket_fk, invoice_fk from ticket_invoice;
