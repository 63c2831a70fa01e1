-- Tickets the scan opened whose process the job executor has still to start (TicketProcessStarts, in batches after the
-- scan's chunk committed). Every ticket before this version has its process.
alter table ticket add column process_pending boolean default false not null;
create index ix_ticket_process_pending on ticket (process_pending, id);
