package com.collectiondesk.security.edge;

import com.collectiondesk.security.Groups;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who counts as an administrator: a member of an admin group or an admin user of the engine's configuration. */
final class Administrators {

    private final IdentityService identity;
    private final Set<String> adminGroups = new HashSet<>();
    private final List<String> adminUsers;

    Administrators(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.identity = engine.getIdentityService();
        this.adminGroups.add(Groups.CAMUNDA_ADMIN);
        if (configuration.getAdminGroups() != null) {
            this.adminGroups.addAll(configuration.getAdminGroups());
        }
        this.adminUsers = configuration.getAdminUsers() == null ? List.of() : List.copyOf(configuration.getAdminUsers());
    }

    /** Asked with no authentication on the engine, so the whole directory is searched. */
    boolean anyExists() {
        return adminUsers.stream().anyMatch(userId -> identity.createUserQuery().userId(userId).count() > 0)
                || adminGroups.stream().anyMatch(groupId -> identity.createUserQuery().memberOfGroup(groupId).count() > 0);
    }

    boolean isCurrentUserAdministrator() {
        Authentication current = identity.getCurrentAuthentication();
        if (current == null || current.getUserId() == null) {
            return false;
        }
        return adminUsers.contains(current.getUserId())
                || (current.getGroupIds() != null && current.getGroupIds().stream().anyMatch(adminGroups::contains));
    }
}
