package com.collectiondesk.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure, at every start and idempotently, that the role groups, their grants and the administrator
 * from the environment exist. Runs as an engine plugin so nothing else uses the engine before it.
 */
@Component
@Order(0)
@DependsOn(ProductionSecretsCheck.BEAN)
class IdentityBootstrap extends AbstractCamundaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final AdminProperties admin;

    IdentityBootstrap(AdminProperties admin) {
        this.admin = admin;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        AuthorizationService authorizations = engine.getAuthorizationService();
        Groups.ALL.forEach(groupId -> ensureGroup(identity, groupId));
        for (Resource resource : Resources.values()) {
            ensureGrant(authorizations, GroupGrant.of(Groups.CAMUNDA_ADMIN, resource, RoleGrants.ANY, Permissions.ALL));
        }
        RoleGrants.GRANTS.forEach(grant -> ensureGrant(authorizations, grant));
        ensureAdministrator(identity);
    }

    private void ensureGroup(IdentityService identity, String groupId) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(Groups.displayName(groupId));
            group.setType(Groups.CAMUNDA_ADMIN.equals(groupId) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
            log.info("Created group {}", groupId);
        }
    }

    static void ensureGrant(AuthorizationService authorizations, GroupGrant grant) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(grant.groupId())
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .singleResult();
        Authorization authorization = existing;
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(grant.groupId());
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
        }
        List<org.camunda.bpm.engine.authorization.Permission> missing = new ArrayList<>();
        for (var permission : grant.permissions()) {
            if (existing == null || !existing.isPermissionGranted(permission)) {
                missing.add(permission);
            }
        }
        if (!missing.isEmpty()) {
            missing.forEach(authorization::addPermission);
            authorizations.saveAuthorization(authorization);
        }
    }

    private void ensureAdministrator(IdentityService identity) {
        String userId = admin.user();
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            user = identity.newUser(userId);
            user.setFirstName("Collection Desk");
            user.setLastName("Administrator");
            user.setPassword(admin.effectivePassword());
            identity.saveUser(user);
            log.info("Created administrator {}", userId);
        } else {
            // Camunda's own lockout is off (application.yml), but the database may hold a lock from before: clear it
            // first, so the password check below is not refused and the administrator can log in after every start.
            identity.unlockUser(userId);
            if (!identity.checkPassword(userId, admin.effectivePassword())) {
                // The environment is the source of truth for the administrator's password.
                user.setPassword(admin.effectivePassword());
                identity.saveUser(user);
                log.info("Administrator {}'s password was changed to the one from COLLECTION_ADMIN_PASSWORD", userId);
            }
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            identity.createMembership(userId, Groups.CAMUNDA_ADMIN);
        }
        if (admin.usesDevelopmentPassword()) {
            log.warn("""

                    ************************************************************************
                    *  SECURITY WARNING: the administrator '{}' uses the DEVELOPMENT       
                    *  DEFAULT password '{}'. Set COLLECTION_ADMIN_USER and                  
                    *  COLLECTION_ADMIN_PASSWORD before this service holds real debtor data.
                    ************************************************************************""",
                    userId, AdminProperties.DEVELOPMENT_PASSWORD);
        }
    }
}
