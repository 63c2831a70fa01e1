-- Reports ask "what did payments made after day d take off": with the payment's day on each allocation (a payment's
-- day never changes), one index range finds them without touching years of older allocations and payments.
alter table payment_allocation add column paid_on date;
update payment_allocation set paid_on = (select p.paid_on from payment p where p.id = payment_allocation.payment_fk);
alter table payment_allocation alter column paid_on set not null;
create index ix_allocation_paid_on on payment_allocation (paid_on, invoice_fk, amount);

-- Monthly credit sales (DSO) read from the index alone.
drop index ix_invoice_issue_date;
create index ix_invoice_issue_sales on invoice (issue_date, currency, amount);
