-- Legal entities: the companies of one group that collect on this service (configured under
-- collection.legal-entities). A customer belongs to one; its contracts and invoices are that entity's (an import row
-- naming another is refused), so a ticket (one debtor, one currency) never mixes entities. Every customer so far is
-- the default entity's. SQL that both H2 and PostgreSQL accept.
alter table customer add column legal_entity varchar(40) default 'DEFAULT' not null;
create index ix_customer_legal_entity on customer (legal_entity);
