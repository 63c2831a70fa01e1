package com.collectiondesk.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.ServiceNodes;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Nodes that start on one PostgreSQL database, one after another and side by side, leave exactly one
 * deployment whose resources carry stable, machine-independent names.
 */
class ModelDeploymentStabilityTest {

    private static final List<String> PROBE_MODELS = List.of("bpmn/probe.bpmn", "dmn/probe.dmn", "forms/probe.form");

    private final ServiceNodes nodes = ServiceNodes.onNewDatabase("deployments");

    @Test
    void restartsAndSecondNodesDeployNothingNew() {
        try (ConfigurableApplicationContext first = nodes.start()) {
            assertOneDeploymentWithStableNames(first);
            try (ConfigurableApplicationContext second = nodes.start()) {
                assertOneDeploymentWithStableNames(second);
            }
        }
        List<ConfigurableApplicationContext> sideBySide = nodes.startTwoSideBySide();
        try (ConfigurableApplicationContext restarted = sideBySide.get(0); ConfigurableApplicationContext parallel = sideBySide.get(1)) {
            assertOneDeploymentWithStableNames(restarted);
            assertOneDeploymentWithStableNames(parallel);
            RepositoryService repository = restarted.getBean(RepositoryService.class);
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("deployment-probe").count()).isEqualTo(1);
            assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("probe-decision").count()).isEqualTo(1);
        }
    }

    private static void assertOneDeploymentWithStableNames(ConfigurableApplicationContext node) {
        RepositoryService repository = node.getBean(RepositoryService.class);
        List<Deployment> deployments = repository.createDeploymentQuery().list();
        assertThat(deployments).hasSize(1);
        assertThat(deployments.get(0).getName()).isEqualTo(ModelDeployer.DEPLOYMENT_NAME);
        assertThat(repository.getDeploymentResources(deployments.get(0).getId()))
                .extracting(Resource::getName)
                .containsExactlyInAnyOrderElementsOf(PROBE_MODELS);
    }
}
