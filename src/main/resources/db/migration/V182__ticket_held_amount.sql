-- The part of the ticket's overdue money on held invoices (module hold): it leaves the strategy's total.
alter table ticket add column held_amount numeric(19, 2) default 0 not null;
