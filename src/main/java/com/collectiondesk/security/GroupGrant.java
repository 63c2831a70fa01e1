package com.collectiondesk.security;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** One global grant of Camunda permissions on a resource type (or one resource id) to a group. */
record GroupGrant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {

    static GroupGrant of(String groupId, Resource resource, String resourceId, Permission... permissions) {
        return new GroupGrant(groupId, resource, resourceId, List.of(permissions));
    }
}
