package com.collectiondesk.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.CollectionDeskApplication;
import com.collectiondesk.support.EmbeddedPostgresDatabases;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Nodes that start on one PostgreSQL database, one after another and side by side, leave exactly one
 * deployment whose resources carry stable, machine-independent names.
 */
class ModelDeploymentStabilityTest {

    private static final List<String> PROBE_MODELS = List.of("bpmn/probe.bpmn", "dmn/probe.dmn", "forms/probe.form");

    private final String databaseUrl = EmbeddedPostgresDatabases.newDatabase("deployments");

    @Test
    void restartsAndSecondNodesDeployNothingNew() {
        try (ConfigurableApplicationContext first = startNode()) {
            assertOneDeploymentWithStableNames(first);
            try (ConfigurableApplicationContext second = startNode()) {
                assertOneDeploymentWithStableNames(second);
            }
        }
        // Two Spring Boot starts re-initialising the one Logback of this JVM at the same moment can trip over each
        // other; logging is set up already, so the side-by-side nodes leave it alone.
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        CompletableFuture<ConfigurableApplicationContext> third = CompletableFuture.supplyAsync(this::startNode);
        CompletableFuture<ConfigurableApplicationContext> fourth = CompletableFuture.supplyAsync(this::startNode);
        try (ConfigurableApplicationContext restarted = third.join(); ConfigurableApplicationContext parallel = fourth.join()) {
            assertOneDeploymentWithStableNames(restarted);
            assertOneDeploymentWithStableNames(parallel);
            RepositoryService repository = restarted.getBean(RepositoryService.class);
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("deployment-probe").count()).isEqualTo(1);
            assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("probe-decision").count()).isEqualTo(1);
        } finally {
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        }
    }

    private ConfigurableApplicationContext startNode() {
        return new SpringApplicationBuilder(CollectionDeskApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=" + databaseUrl,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--collection.models.classpath-root=deployment-probe/");
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
