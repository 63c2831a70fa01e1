-- Issue 14: one record per send. The outbox row (outreach_send) holds what was sent, the provider's id, the
-- segments, sandbox and now the delivery status; contact_attempt keeps the contact facts and names the send by
-- send_key. SQL that both H2 and PostgreSQL accept.
alter table outreach_send add column delivery_status varchar(30);

-- sends recorded before the outbox existed (V20) get their outbox row, as accepted
insert into outreach_send (send_key, ticket_number, channel, status, provider_id, rendered_text, segments, sandbox,
                           tries, claimed_at, accepted_at)
select a.send_key, t.ticket_number, a.channel, 'ACCEPTED', a.provider_id, a.rendered_text, a.segments, a.sandbox, 1, a.at, a.at
from contact_attempt a join ticket t on t.id = a.ticket_fk
where a.direction = 'OUTBOUND' and a.outcome = 'SENT'
  and not exists (select 1 from outreach_send s where s.send_key = a.send_key);

-- the status Twilio reported reached only the contact attempt
update outreach_send set delivery_status = (select a.delivery_status from contact_attempt a where a.send_key = outreach_send.send_key)
where exists (select 1 from contact_attempt a where a.send_key = outreach_send.send_key and a.delivery_status is not null);

-- the debtor's own words stay with their inbound reply
alter table contact_attempt add column reply_text varchar(4000);
update contact_attempt set reply_text = rendered_text where direction = 'INBOUND';

drop index ix_contact_attempt_provider;
alter table contact_attempt drop column provider_id;
alter table contact_attempt drop column delivery_status;
alter table contact_attempt drop column segments;
alter table contact_attempt drop column sandbox;
alter table contact_attempt drop column rendered_text;

-- the delivery callback finds its send by the provider's id
create index ix_outreach_send_provider on outreach_send (provider_id);
