-- One row the running scan locks for the whole of its job (RunScanDelegate): a second scan waits for the first to end
-- instead of opening the same tickets beside it.
create table scan_lock (
    id integer primary key
);
insert into scan_lock (id) values (1);
