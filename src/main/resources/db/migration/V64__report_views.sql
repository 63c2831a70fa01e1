-- The reports' read models. The scheme, checked by report.ReportSqlRule (a test):
--   * a module that lets others read its data publishes views named <owner>_<what>_v by migration (ledger_…_v: V60,
--     ticket_…_v: V61, contact_…_v: V62, promise_…_v: V63), each stating its module's rule once (what "open" is, what
--     a judged promise is);
--   * the reports' views are named rv_<what>, live here, and read only those published *_v views;
--   * report SQL (the string constants in com.collectiondesk.report) names only rv_* views and the tables the
--     report module keeps itself (bucket_snapshot), never another module's table and never the engine's act_*
--     tables: task facts come from the engine's query API (report.EngineTaskFacts).
-- Plain projections and joins, no aggregates, so PostgreSQL and H2 fold them into the queries and the base tables'
-- indexes still apply. SQL that both H2 and PostgreSQL accept.

-- ledger
create view rv_customer (id, customer_id, name) as
select id, customer_id, name from ledger_customer_v;

create view rv_contract (id, product_type) as
select id, product_type from ledger_contract_v;

create view rv_invoice (id, customer_fk, contract_fk, currency, issue_date, due_date, amount, open_amount, written_off_at) as
select id, customer_fk, contract_fk, currency, issue_date, due_date, amount, open_amount, written_off_at from ledger_invoice_v;

create view rv_open_invoice (id, customer_fk, contract_fk, currency, issue_date, due_date, amount, open_amount,
                             written_off_at) as
select id, customer_fk, contract_fk, currency, issue_date, due_date, amount, open_amount, written_off_at
from ledger_open_invoice_v;

create view rv_invoice_taken_off (invoice_fk, amount, taken_off_on) as
select invoice_fk, amount, taken_off_on from ledger_taken_off_v;

-- tickets
create view rv_ticket (id, customer_fk, status, close_reason, currency, overdue_amount, overdue_at_entry, max_dpd, bucket,
                       product_type, segment, strategy, opened_on, closed_at, owner) as
select id, customer_fk, status, close_reason, currency, overdue_amount, overdue_at_entry, max_dpd, bucket, product_type,
       segment, strategy, opened_on, closed_at, owner
from ticket_facts_v;

create view rv_open_ticket (id, customer_fk, status, close_reason, currency, overdue_amount, overdue_at_entry, max_dpd,
                            bucket, product_type, segment, strategy, opened_on, closed_at, owner) as
select id, customer_fk, status, close_reason, currency, overdue_amount, overdue_at_entry, max_dpd, bucket, product_type,
       segment, strategy, opened_on, closed_at, owner
from ticket_open_v;

create view rv_ticket_invoice (ticket_fk, invoice_fk) as
select ticket_fk, invoice_fk from ticket_invoice_v;

-- Money paid on a ticket: every payment allocated to one of its invoices, on its payment day.
create view rv_ticket_payment (ticket_fk, amount, paid_on) as
select ti.ticket_fk, a.amount, a.paid_on
from ledger_payment_allocation_v a join ticket_invoice_v ti on ti.invoice_fk = a.invoice_fk;

-- contacts and promises
create view rv_contact_attempt (ticket_fk, channel, outcome, author, at) as
select ticket_fk, channel, outcome, author, at from contact_attempt_facts_v;

create view rv_promise (id, ticket_fk, amount, promised_date, status, author, created_at, judged, kept) as
select id, ticket_fk, amount, promised_date, status, author, created_at, judged, kept from promise_facts_v;
