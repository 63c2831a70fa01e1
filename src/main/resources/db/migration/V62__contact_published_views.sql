-- The contact module's published read view (naming: V64__report_views.sql). SQL that both H2 and PostgreSQL accept.
-- A migration that changes a column this view shows must drop and re-create the views on it (PostgreSQL refuses otherwise).

-- Each contact attempt on a ticket: channel, outcome, who recorded it (null: the process) and when.
create view contact_attempt_facts_v (ticket_fk, channel, outcome, author, at) as
select ticket_fk, channel, outcome, author, at from contact_attempt;
