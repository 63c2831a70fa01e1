-- The ledger's published read views: what other modules (the reports) may read of invoices, payments and
-- cancellations, with the ledger's own rules stated once here. Views named <owner>_<what>_v; see
-- V64__report_views.sql for how the reports read them. SQL that both H2 and PostgreSQL accept.
-- A migration that changes a column these views show must drop and re-create the views (PostgreSQL refuses otherwise).

create view ledger_customer_v (id, customer_id, name) as
select id, customer_id, name from customer;

create view ledger_contract_v (id, product_type) as
select id, product_type from contract;

create view ledger_invoice_v (id, customer_fk, contract_fk, currency, issue_date, due_date, amount, open_amount,
                              written_off_at) as
select id, customer_fk, contract_fk, currency, issue_date, due_date, amount, open_amount, written_off_at from invoice;

-- "Open" in the ledger: an open amount is left. The status follows the open amount exactly (InvoiceStatus), and
-- unlike open_amount > 0 an index (ix_invoice_status_due) finds these among years of paid invoices.
create view ledger_open_invoice_v (id, customer_fk, contract_fk, currency, issue_date, due_date, amount, open_amount,
                                   written_off_at) as
select id, customer_fk, contract_fk, currency, issue_date, due_date, amount, open_amount, written_off_at from invoice
where status in ('OPEN', 'PARTIALLY_PAID');

-- Each payment's part allocated to an invoice, on the day it was paid.
create view ledger_payment_allocation_v (invoice_fk, amount, paid_on) as
select invoice_fk, amount, paid_on from payment_allocation;

-- Everything that took money off an invoice, with the day it did: allocated payments (their payment day) and
-- cancellations (upheld disputes, their day). An invoice's open amount on day d = its open amount now plus what
-- was taken off after d.
create view ledger_taken_off_v (invoice_fk, amount, taken_off_on) as
select invoice_fk, amount, paid_on from payment_allocation
union all
select invoice_fk, amount, cancelled_on from invoice_cancellation;
