-- A ticket is one legal entity's: its debtor's, fixed when it opens (a customer with invoices never changes entity).
-- The ticket API, the task queries and the reports limit users of one entity by it.
alter table ticket add column legal_entity varchar(40) default 'DEFAULT' not null;
create index ix_ticket_legal_entity on ticket (legal_entity, status);
