-- Customers a scan could not process, with the reason; the scan skips them and finishes the rest.
alter table scan_run add column failed integer default 0 not null;

create table scan_problem (
    scan_run_fk bigint       not null references scan_run (id),
    customer_id varchar(64)  not null,
    currency    varchar(3)   not null,
    reason      varchar(500) not null,
    constraint pk_scan_problem primary key (scan_run_fk, customer_id, currency)
);
