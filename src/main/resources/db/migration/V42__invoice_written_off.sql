-- When an invoice's ticket was written off, on the invoice itself: receivables (aging, DSO, CEI) leave such
-- invoices out from that moment, and a column read in the same pass is far cheaper than a join per report.
alter table invoice add column written_off_at timestamp with time zone;

update invoice set written_off_at = (
    select min(t.closed_at) from ticket_invoice ti join ticket t on t.id = ti.ticket_fk
    where ti.invoice_fk = invoice.id and t.close_reason = 'WRITTEN_OFF')
where exists (
    select 1 from ticket_invoice ti join ticket t on t.id = ti.ticket_fk
    where ti.invoice_fk = invoice.id and t.close_reason = 'WRITTEN_OFF');
