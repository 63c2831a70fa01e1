package com.collectiondesk.security;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The user the current API request runs as, as the authentication filter set it on the engine. */
@Component
public class CurrentUser {

    private final IdentityService identityService;

    CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    public Optional<String> userId() {
        return Optional.ofNullable(identityService.getCurrentAuthentication()).map(Authentication::getUserId);
    }

    public List<String> groupIds() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    }

    public boolean isMemberOfAny(String... groups) {
        List<String> mine = groupIds();
        if (mine.contains(Groups.CAMUNDA_ADMIN)) {
            return true;
        }
        for (String group : groups) {
            if (mine.contains(group)) {
                return true;
            }
        }
        return false;
    }
}
