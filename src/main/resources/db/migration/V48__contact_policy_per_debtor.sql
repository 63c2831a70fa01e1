-- Issue 13: replies and call-backs are inbound contacts (not written reminders, not call attempts);
-- derived time zones keep every candidate zone so contact hours can hold in all of them.
alter table contact_attempt add column direction varchar(8) default 'OUTBOUND' not null;
update contact_attempt set direction = 'INBOUND' where send_key like 'inbound:%';

-- null: imported before V47 (the policy then re-derives the candidates from phone and country)
alter table customer add column time_zone_derived boolean;
alter table customer add column contact_zones varchar(2000);

-- sends claimed but not settled count against the debtor's budget: looked up per ticket and time
create index ix_outreach_send_ticket on outreach_send (ticket_number, claimed_at);
