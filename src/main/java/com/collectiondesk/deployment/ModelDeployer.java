package com.collectiondesk.deployment;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Deploys the {@link ShippedModels} (the analysts' {@code bpmn/}, {@code dmn/} and {@code forms/}) as one
 * deployment, under their stable names. With duplicate filtering, a restart or a second node on the same database
 * deploys nothing when nothing changed; when one file changed, all are deployed together, so a process
 * always finds its forms ({@code formRefBinding="deployment"}) in its own deployment.
 */
@Component
@Order(10)
class ModelDeployer extends AbstractCamundaConfiguration {

    static final String DEPLOYMENT_NAME = "collection-desk-models";
    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

    private final boolean enabled;
    private final ShippedModels shipped;

    ModelDeployer(ModelSettings settings, ShippedModels shipped) {
        this.enabled = settings.deploy();
        this.shipped = shipped;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (!enabled) {
            return;
        }
        Map<String, byte[]> models = shipped.resources();
        if (models.isEmpty()) {
            log.info("No models found under {}; nothing to deploy", ShippedModels.MODEL_FOLDERS);
            return;
        }
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(false);
        models.forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
        long before = engine.getRepositoryService().createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
        Deployment deployment = builder.deploy();
        long after = engine.getRepositoryService().createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
        if (after == before) {
            log.info("Models unchanged: {} resources already deployed in {}", models.size(), deployment.getId());
        } else {
            log.info("Deployed {} models as deployment {}: {}", models.size(), deployment.getId(), models.keySet());
        }
    }
}
