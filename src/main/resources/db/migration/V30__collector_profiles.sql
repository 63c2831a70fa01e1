-- Who can work which tickets: languages spoken and product types known (comma-separated codes), whether the
-- collector is available today, and the team lead (a manager) who receives the team's overdue count.
create table collector_profile (
    user_id       varchar(64)  primary key,
    languages     varchar(200) not null,
    product_types varchar(500) not null,
    available     boolean      not null default true,
    team_lead     varchar(64),
    updated_at    timestamp with time zone not null
);

-- One row that nodes lock while they create or update the Tasklist filters, so two nodes starting together
-- never create a filter twice.
create table worklist_setup_lock (
    id varchar(32) primary key
);
insert into worklist_setup_lock (id) values ('tasklist-filters');

-- One row per digest recipient and day, written in the same transaction as the send, so a retried digest job or
-- a second node never mails anyone twice on one day.
create table task_digest_sent (
    recipient  varchar(64) not null,
    digest_day date        not null,
    sent_at    timestamp with time zone not null,
    primary key (recipient, digest_day)
);
