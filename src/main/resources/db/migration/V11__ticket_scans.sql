-- One row per delinquency scan (timer or API): its business date, state and counts.
create sequence scan_run_seq start with 1 increment by 1;

create table scan_run (
    id          bigint primary key,
    as_of       date        not null,
    started_by  varchar(64) not null,
    state       varchar(20) not null,
    opened      integer     not null default 0,
    refreshed   integer     not null default 0,
    closed      integer     not null default 0,
    skipped     integer     not null default 0,
    started_at  timestamp with time zone not null,
    finished_at timestamp with time zone,
    version     bigint      not null default 0
);
