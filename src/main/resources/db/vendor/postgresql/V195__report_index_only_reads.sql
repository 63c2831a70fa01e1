-- Issue 19 item 7: the quarter KPI's receivables and campaign parts read indexes alone (index-only scans) as the
-- history grows, instead of visiting every row they sum. Plain indexes on H2 (db/vendor/h2/V195).
-- Ledger (invoice): what is open now, per day of issue and due, with its open amount (ReceivablesKpis, aging).
create index ix_invoice_open_receivables on invoice (issue_date, currency, due_date, written_off_at, open_amount)
    where status in ('OPEN', 'PARTIALLY_PAID');
-- Ledger (invoice): the dates of the invoice a payment or cancellation took money off, found by its id.
create unique index ix_invoice_id_receivable on invoice (id) include (issue_date, currency, due_date, written_off_at);
-- Tickets (ticket): those opened in a period with what the campaigns group and sum; replaces ix_ticket_opened_on.
create index ix_ticket_opened_campaign on ticket (opened_on) include (id, strategy, segment, currency, overdue_at_entry);
drop index ix_ticket_opened_on;
