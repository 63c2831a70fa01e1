-- Each cancellation (an upheld dispute) with its day: receivables on a past day count money cancelled later as
-- still owed, and stop counting it from the day it was cancelled, as they do with payments.
create sequence invoice_cancellation_seq start with 1 increment by 50;

create table invoice_cancellation (
    id           bigint primary key,
    invoice_fk   bigint         not null references invoice (id),
    amount       numeric(19, 2) not null,
    cancelled_on date           not null,
    cancelled_at timestamp with time zone not null,
    reason       varchar(200)   not null,
    constraint ck_cancellation_amount check (amount > 0)
);
create index ix_cancellation_invoice on invoice_cancellation (invoice_fk);
create index ix_cancellation_cancelled_on on invoice_cancellation (cancelled_on);

-- Cancellations made before this table: one row per invoice, on the day its ticket's last upheld dispute was
-- resolved (the invoice's last change if there is none).
insert into invoice_cancellation (id, invoice_fk, amount, cancelled_on, cancelled_at, reason)
select nextval('invoice_cancellation_seq'), x.id, x.cancelled_amount, cast(x.at as date), x.at, 'Recorded before cancellations had dates'
from (select i.id, i.cancelled_amount, coalesce((
              select max(d.resolved_at) from dispute d join ticket_invoice ti on ti.ticket_fk = d.ticket_fk
              where ti.invoice_fk = i.id and d.resolution = 'UPHELD'), i.updated_at) as at
      from invoice i where i.cancelled_amount > 0) x;
