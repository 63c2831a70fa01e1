-- The outreach module's published read view (naming: V64__report_views.sql). SQL that both H2 and PostgreSQL accept.
-- A migration that changes a column this view shows must drop and re-create the views on it (PostgreSQL refuses otherwise).

-- What one send carried and what became of it, by its send key: the contact attempt of the same key shows these.
create view outreach_send_v (send_key, rendered_text, provider_id, delivery_status, segments, sandbox) as
select send_key, rendered_text, provider_id, delivery_status, segments, sandbox from outreach_send;
