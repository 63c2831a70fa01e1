-- The outbox backlog gauge (collection_outreach_outbox_backlog) counts sends not yet accepted at every scrape;
-- this index keeps that count off the accepted rows, which grow with every send.
create index ix_outreach_send_status on outreach_send (status, channel);
