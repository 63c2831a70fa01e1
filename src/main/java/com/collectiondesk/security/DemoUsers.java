package com.collectiondesk.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Profile {@code demo}: one user per role group, password {@code demo}, created once and kept idempotent. */
@Component
@Profile("demo")
@Order(1)
class DemoUsers extends AbstractCamundaConfiguration {

    static final String PASSWORD = "demo";

    record DemoUser(String id, String firstName, String lastName, String group) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("collector", "Cora", "Collector", Groups.COLLECTORS),
            new DemoUser("dispute", "Dan", "Disputes", Groups.DISPUTES),
            new DemoUser("manager", "Mira", "Manager", Groups.MANAGERS),
            new DemoUser("analyst", "Ana", "Analyst", Groups.ANALYSTS),
            new DemoUser("erp", "Erik", "Integration", Groups.ERP_INTEGRATION));

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        for (DemoUser demo : USERS) {
            if (identity.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identity.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setPassword(PASSWORD);
                // Mailpit (docker-compose) catches these; the daily task digest goes to them
                user.setEmail(demo.id() + "@demo.collection-desk.example");
                identity.saveUser(user);
            }
            if (identity.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
                identity.createMembership(demo.id(), demo.group());
            }
        }
        log.warn("DEMO USERS ARE ACTIVE (profile 'demo'): {} with password '{}'. Never use this profile with real data.",
                USERS.stream().map(DemoUser::id).toList(), PASSWORD);
    }
}
