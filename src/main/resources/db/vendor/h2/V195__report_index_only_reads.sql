-- Issue 19 item 7, as db/vendor/postgresql/V195 without what H2 lacks (partial indexes, INCLUDE columns).
create index ix_invoice_open_receivables on invoice (status, issue_date, currency, due_date, written_off_at, open_amount);
create index ix_ticket_opened_campaign on ticket (opened_on, id, strategy, segment, currency, overdue_at_entry);
drop index ix_ticket_opened_on;
