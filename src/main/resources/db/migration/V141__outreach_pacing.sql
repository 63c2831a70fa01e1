-- Issue 19 item 4: sends paced per sender. SQL that both H2 and PostgreSQL accept.
-- A send waiting for its sender's slot is QUEUED (the provider was not called: safe) until not_before.
alter table outreach_send add column not_before timestamp with time zone;

-- One row per sender (channel and number, messaging service or SMTP host): the next free slot, and until when the
-- provider asked us (429 Retry-After) to send nothing from it. Locked row by row, so all nodes share one pace.
create table outreach_pace (
    sender     varchar(200) primary key,
    next_slot  timestamp with time zone not null,
    held_until timestamp with time zone
);
