package com.collectiondesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.security.Groups;
import com.collectiondesk.support.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ApplicationStartsTest {

    @Autowired
    IdentityService identityService;

    @Test
    void everyRoleGroupAndTheAdministratorExistAfterStart() {
        for (String group : Groups.ALL) {
            assertThat(identityService.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
        }
        assertThat(identityService.createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isEqualTo(1);
        assertThat(identityService.checkPassword("admin", "admin-test-password")).isTrue();
    }
}
