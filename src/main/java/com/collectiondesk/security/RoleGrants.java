package com.collectiondesk.security;

import static com.collectiondesk.security.Groups.ANALYSTS;
import static com.collectiondesk.security.Groups.COLLECTORS;
import static com.collectiondesk.security.Groups.DISPUTES;
import static com.collectiondesk.security.Groups.ERP_INTEGRATION;
import static com.collectiondesk.security.Groups.MANAGERS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_TASK;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.List;

/**
 * What each role may do in the engine and the webapps. Collectors and dispute handlers reach their
 * tasks through candidate-group identity links (Camunda's default task permissions), not a global grant.
 * Filter creation is reserved to managers (and camunda-admin), because saved filters evaluate expressions.
 */
final class RoleGrants {

    static final String ANY = "*";

    static final List<GroupGrant> GRANTS = List.of(
            GroupGrant.of(COLLECTORS, APPLICATION, "tasklist", ALL),
            GroupGrant.of(COLLECTORS, USER, ANY, READ),
            GroupGrant.of(COLLECTORS, GROUP, ANY, READ),

            GroupGrant.of(DISPUTES, APPLICATION, "tasklist", ALL),
            GroupGrant.of(DISPUTES, USER, ANY, READ),
            GroupGrant.of(DISPUTES, GROUP, ANY, READ),

            GroupGrant.of(MANAGERS, APPLICATION, "tasklist", ALL),
            GroupGrant.of(MANAGERS, APPLICATION, "cockpit", ALL),
            GroupGrant.of(MANAGERS, USER, ANY, READ),
            GroupGrant.of(MANAGERS, GROUP, ANY, READ),
            GroupGrant.of(MANAGERS, FILTER, ANY, CREATE),
            GroupGrant.of(MANAGERS, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK,
                    UPDATE_INSTANCE, UPDATE_TASK),
            GroupGrant.of(MANAGERS, PROCESS_INSTANCE, ANY, READ, UPDATE),
            GroupGrant.of(MANAGERS, TASK, ANY, READ, UPDATE),
            GroupGrant.of(MANAGERS, DECISION_DEFINITION, ANY, READ, READ_HISTORY),
            GroupGrant.of(MANAGERS, DECISION_REQUIREMENTS_DEFINITION, ANY, READ),
            GroupGrant.of(MANAGERS, DEPLOYMENT, ANY, READ),

            GroupGrant.of(ANALYSTS, APPLICATION, "cockpit", ALL),
            GroupGrant.of(ANALYSTS, USER, ANY, READ),
            GroupGrant.of(ANALYSTS, GROUP, ANY, READ),
            GroupGrant.of(ANALYSTS, DEPLOYMENT, ANY, CREATE, READ),
            GroupGrant.of(ANALYSTS, PROCESS_DEFINITION, ANY, READ, READ_HISTORY),
            GroupGrant.of(ANALYSTS, DECISION_DEFINITION, ANY, READ, READ_HISTORY),
            GroupGrant.of(ANALYSTS, DECISION_REQUIREMENTS_DEFINITION, ANY, READ),

            GroupGrant.of(ERP_INTEGRATION, PROCESS_DEFINITION, ANY, READ));

    private RoleGrants() {
    }
}
