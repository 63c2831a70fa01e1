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
