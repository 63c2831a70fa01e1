-- The payment plans' read model for the self-service KPIs (naming: V64__report_views.sql). SQL that both H2 and
-- PostgreSQL accept. approved_at: when a plan was approved (at once inside the policy, or by its owner), null for one
-- still asked for or refused; broken_at: when its first instalment was found missed after grace.
create view self_service_plan_v (id, ticket_fk, currency, inside_policy, approved_at, broken_at) as
select p.id, p.ticket_fk, p.currency, p.inside_policy,
       case when p.status in ('ACTIVE', 'KEPT', 'BROKEN', 'CANCELLED') then p.decided_at end,
       (select min(i.settled_at) from self_service_plan_instalment i where i.plan_fk = p.id and i.status = 'MISSED')
from self_service_plan p;

create view rv_self_service_plan (id, ticket_fk, currency, inside_policy, approved_at, broken_at) as
select id, ticket_fk, currency, inside_policy, approved_at, broken_at from self_service_plan_v;
