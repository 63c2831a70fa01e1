package com.collectiondesk.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.security.Groups;
import com.collectiondesk.support.ServiceNodes;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Nodes that start on one PostgreSQL database, one after another and side by side, keep exactly one of each
 * Tasklist filter with one grant per group, and put back a filter someone changed.
 */
class TasklistFiltersRestartTest {

    private static final List<String> NAMES = List.of(TasklistFilters.MY_TASKS, TasklistFilters.CALLS_DUE_TODAY,
            TasklistFilters.UNASSIGNED_CALLS, TasklistFilters.DISPUTE_TASKS, TasklistFilters.ESCALATIONS);

    private final ServiceNodes nodes = ServiceNodes.onNewDatabase("filters");

    @Test
    void restartsAndSecondNodesKeepOneOfEachFilter() {
        String callsId;
        try (ConfigurableApplicationContext first = nodes.start()) {
            assertOneOfEach(first);
            FilterService filters = first.getBean(FilterService.class);
            Filter calls = filters.createFilterQuery().filterName(TasklistFilters.CALLS_DUE_TODAY).singleResult();
            callsId = calls.getId();
            calls.setProperties(Map.of("description", "changed by hand"));
            filters.saveFilter(calls);
        }
        try (ConfigurableApplicationContext restarted = nodes.start()) {
            assertOneOfEach(restarted);
            Filter calls = restarted.getBean(FilterService.class).getFilter(callsId);
            assertThat(calls.getName()).isEqualTo(TasklistFilters.CALLS_DUE_TODAY);
            assertThat(calls.getProperties()).containsEntry("description", "Calls due today or earlier, highest priority first")
                    .containsKey("variables");
        }
        List<ConfigurableApplicationContext> sideBySide = nodes.startTwoSideBySide();
        try (ConfigurableApplicationContext one = sideBySide.get(0); ConfigurableApplicationContext other = sideBySide.get(1)) {
            assertOneOfEach(one);
            assertOneOfEach(other);
        }
    }


    private static void assertOneOfEach(ConfigurableApplicationContext node) {
        FilterService filters = node.getBean(FilterService.class);
        assertThat(filters.createFilterQuery().listPage(0, 100)).extracting(Filter::getName)
                .containsExactlyInAnyOrderElementsOf(NAMES);
        AuthorizationService authorizations = node.getBean(AuthorizationService.class);
        Filter calls = filters.createFilterQuery().filterName(TasklistFilters.CALLS_DUE_TODAY).singleResult();
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(calls.getId()).list())
                .extracting(authorization -> authorization.getGroupId())
                .containsExactlyInAnyOrder(Groups.COLLECTORS, Groups.MANAGERS);
        // one READ grant per filter and group, beside the role grants on every filter ("*")
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).listPage(0, 100))
                .filteredOn(authorization -> !"*".equals(authorization.getResourceId()))
                .hasSize(3 + 2 + 2 + 2 + 1);
    }
}
