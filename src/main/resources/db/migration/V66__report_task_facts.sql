-- The report's own task facts, kept from the engine's history events by report.TaskFactKeeper (never read from the
-- engine's act_* tables): one row per user task, open while ended_at is null. SQL that both H2 and PostgreSQL accept.
create table report_task_fact (
    task_id     varchar(64) primary key,
    assignee    varchar(255),
    created_at  timestamp with time zone not null,
    due_at      timestamp with time zone,
    ended_at    timestamp with time zone,
    -- the engine's delete reason: 'completed' for a completed task, anything else for a deleted or cancelled one
    end_reason  varchar(255),
    duration_ms bigint
);
create index ix_report_task_fact_open on report_task_fact (assignee, ended_at);
create index ix_report_task_fact_ended on report_task_fact (ended_at);

-- set once the tasks the engine had before this table existed are copied in (report.TaskFactBackfill)
create table report_task_fact_backfill (
    id      integer primary key,
    done_at timestamp with time zone not null
);
