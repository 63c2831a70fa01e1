-- What the debtor owed when the ticket opened: the base of the collection rate per campaign. Kept on the ticket
-- because later cancellations and re-allocations change the invoices, and reading one column is far cheaper
-- than re-deriving it from invoices and payments for every ticket of a period.
alter table ticket add column overdue_at_entry numeric(19, 2);

-- Tickets opened before this column: their invoices due before the opening day, less what was paid on them before it.
update ticket set overdue_at_entry = coalesce((
        select sum(i.amount) from ticket_invoice ti join invoice i on i.id = ti.invoice_fk
        where ti.ticket_fk = ticket.id and i.due_date < ticket.opened_on), 0)
    - coalesce((
        select sum(a.amount) from ticket_invoice ti join invoice i on i.id = ti.invoice_fk
        join payment_allocation a on a.invoice_fk = i.id join payment p on p.id = a.payment_fk
        where ti.ticket_fk = ticket.id and i.due_date < ticket.opened_on and p.paid_on < ticket.opened_on), 0);

alter table ticket alter column overdue_at_entry set not null;
