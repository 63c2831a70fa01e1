-- Champion/challenger (module strategy): the variant each ticket was assigned when its first plan was made, with the
-- hash bucket and the share that decided it. SQL that both H2 and PostgreSQL accept.
create table strategy_variant (
    ticket_fk     bigint       not null primary key references ticket (id),
    variant       varchar(20)  not null,
    segment       varchar(40),
    share_percent numeric(5, 2) not null,
    hash_bucket   integer      not null,
    assigned_at   timestamp with time zone not null,
    constraint ck_strategy_variant check (variant in ('CHAMPION', 'CHALLENGER'))
);
create index ix_strategy_variant_variant on strategy_variant (variant);

-- The strategy module's published read view: each ticket's variant.
create view strategy_variant_v (ticket_fk, variant, segment, share_percent, assigned_at) as
select ticket_fk, variant, segment, share_percent, assigned_at from strategy_variant;
