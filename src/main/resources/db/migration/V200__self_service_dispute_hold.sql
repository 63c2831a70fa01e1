-- A dispute the debtor raises on the self-service page puts the disputed invoice on hold (module hold, reason COMPLAINT)
-- unless it is held already; the hold is lifted when the dispute is resolved or the ticket closes. SQL that both H2 and
-- PostgreSQL accept.

alter table self_service_dispute add column hold_fk bigint references hold (id);
