-- An upheld dispute cancels money on an invoice; it is neither paid nor open any more.
alter table invoice add column cancelled_amount numeric(19, 2) default 0 not null;
alter table invoice add constraint ck_invoice_cancelled_amount check (cancelled_amount >= 0 and cancelled_amount + open_amount <= amount);
