-- What the debtor asked for themselves (a STOP reply, the unsubscribe link) is kept apart from the ERP's flags,
-- so a daily customer import can never undo it. Voice calls get their own opt-out.
alter table customer add column sms_stopped_at timestamp with time zone;
alter table customer add column email_unsubscribed_at timestamp with time zone;
alter table customer add column voice_opt_out boolean not null default false;
