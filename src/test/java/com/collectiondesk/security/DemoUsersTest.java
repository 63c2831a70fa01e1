package com.collectiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

class DemoUsersTest {

    @Nested
    @IntegrationTest
    class DefaultRun {

        @Autowired
        IdentityService identityService;

        @Test
        void hasNoDemoUsers() {
            for (DemoUsers.DemoUser demo : DemoUsers.USERS) {
                assertThat(identityService.createUserQuery().userId(demo.id()).count()).as(demo.id()).isZero();
            }
            assertThat(identityService.checkPassword("collector", DemoUsers.PASSWORD)).isFalse();
        }
    }

    @Nested
    @IntegrationTest
    @ActiveProfiles({"test", "demo"})
    class DemoProfile {

        @Autowired
        IdentityService identityService;
        @Autowired
        DemoUsers demoUsers;
        @Autowired
        org.camunda.bpm.engine.ProcessEngine engine;
        @Autowired
        TestRestTemplate rest;

        @Test
        void hasOneUserPerRoleGroupWhoCanLogIn() {
            for (DemoUsers.DemoUser demo : DemoUsers.USERS) {
                assertThat(identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count())
                        .as(demo.id()).isEqualTo(1);
                assertThat(identityService.checkPassword(demo.id(), DemoUsers.PASSWORD)).as(demo.id()).isTrue();
            }
            assertThat(identityService.createUserQuery().memberOfGroup(Groups.COLLECTORS).list())
                    .extracting(user -> user.getId()).contains("collector");
            assertThat(identityService.createUserQuery().userId("collector").singleResult().getEmail())
                    .isEqualTo("collector@demo.collection-desk.example");
        }

        @Test
        void theDemoCollectorHasAProfileSoDemoTicketsGetAnOwner() {
            Map<?, ?> profile = rest.withBasicAuth("manager", DemoUsers.PASSWORD).getForObject("/api/collectors/collector", Map.class);
            assertThat(profile.get("languages")).isEqualTo(List.of("en", "bg", "ro", "de"));
            assertThat(profile.get("available")).isEqualTo(true);
            assertThat(profile.get("teamLead")).isEqualTo("manager");
        }

        @Test
        void startingAgainOnTheSameDatabaseChangesNothing() {
            long users = identityService.createUserQuery().count();

            demoUsers.postProcessEngineBuild(engine);

            assertThat(identityService.createUserQuery().count()).isEqualTo(users);
            assertThat(identityService.createGroupQuery().groupMember("manager").count()).isEqualTo(1);
        }
    }
}
