package com.collectiondesk.support;

import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Creates users in given groups for a test; the password is always "secret". */
public final class TestUsers {

    public static final String PASSWORD = "secret";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";

    private TestUsers() {
    }

    public static void ensure(IdentityService identity, String userId, String... groups) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName(userId);
            user.setLastName("Test");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
        }
        Arrays.stream(groups)
                .filter(group -> identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0)
                .forEach(group -> identity.createMembership(userId, group));
    }
}
