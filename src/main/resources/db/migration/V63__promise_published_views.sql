-- The promise module's published read view (naming: V64__report_views.sql). SQL that both H2 and PostgreSQL accept.
-- A migration that changes a column this view shows must drop and re-create the views on it (PostgreSQL refuses otherwise).

-- Each promise to pay. judged = 1 once the promise check has decided it (KEPT or BROKEN), kept = 1 if KEPT;
-- PENDING ones are still inside their grace days, CANCELLED ones are never judged.
create view promise_facts_v (id, ticket_fk, amount, promised_date, status, author, created_at, judged, kept) as
select id, ticket_fk, amount, promised_date, status, author, created_at,
       case when status in ('KEPT', 'BROKEN') then 1 else 0 end,
       case when status = 'KEPT' then 1 else 0 end
from promise;
