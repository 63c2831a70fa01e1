-- The self-service KPIs' read models (naming: V64__report_views.sql). SQL that both H2 and PostgreSQL accept.

-- selfservice publishes its links (sent, opened) and page payments (booked), and what the debtor did on the page
create view self_service_link_v (id, ticket_fk, channel, created_at, first_opened_at) as
select id, ticket_fk, channel, created_at, first_opened_at from self_service_link;

create view self_service_payment_v (ticket_fk, amount, currency, status, settled_at) as
select ticket_fk, amount, currency, status, settled_at from self_service_payment;

-- ticket publishes its timeline's entries (type, author, when; not the details, which may be personal)
create view ticket_event_v (ticket_fk, type, author, at) as
select ticket_fk, type, author, at from ticket_event;

-- the reports' views on them
create view rv_self_service_link (id, ticket_fk, channel, created_at, first_opened_at) as
select id, ticket_fk, channel, created_at, first_opened_at from self_service_link_v;

create view rv_self_service_payment (ticket_fk, amount, currency, status, settled_at) as
select ticket_fk, amount, currency, status, settled_at from self_service_payment_v;

-- what the debtor did (the timeline's entries by the debtor), and by anyone, for "resolved without a collector"
create view rv_ticket_event (ticket_fk, type, author, at) as
select ticket_fk, type, author, at from ticket_event_v;
