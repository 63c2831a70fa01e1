package com.collectiondesk.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the analysts' models from the classpath folders {@code bpmn/}, {@code dmn/} and {@code forms/}
 * under names relative to the classpath root ({@code bpmn/delinquency-ticket.bpmn}), never under a
 * machine-dependent file path. With duplicate filtering, a restart or a second node on the same database
 * deploys nothing when nothing changed; when one file changed, all are deployed together, so a process
 * always finds its forms ({@code formRefBinding="deployment"}) in its own deployment.
 */
@Component
@Order(10)
class ModelDeployer extends AbstractCamundaConfiguration {

    static final String DEPLOYMENT_NAME = "collection-desk-models";
    static final List<String> MODEL_FOLDERS = List.of("bpmn", "dmn", "forms");
    private static final Map<String, String> SUFFIXES = Map.of("bpmn", "*.bpmn", "dmn", "*.dmn", "forms", "*.form");
    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    private final boolean enabled;
    private final String classpathRoot;

    /**
     * @param classpathRoot where the model folders sit on the classpath; empty (the default) for the
     *                      top-level {@code bpmn/}, {@code dmn/}, {@code forms/} the build copies there
     */
    ModelDeployer(@Value("${collection.models.deploy:true}") boolean enabled,
                  @Value("${collection.models.classpath-root:}") String classpathRoot) {
        this.enabled = enabled;
        this.classpathRoot = classpathRoot.isEmpty() || classpathRoot.endsWith("/") ? classpathRoot : classpathRoot + "/";
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (!enabled) {
            return;
        }
        Map<String, byte[]> models = findModels();
        if (models.isEmpty()) {
            log.info("No models found under {}; nothing to deploy", MODEL_FOLDERS);
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

    /** Model resources keyed by their stable name, e.g. {@code forms/call-debtor.form}. */
    Map<String, byte[]> findModels() {
        Map<String, byte[]> models = new LinkedHashMap<>();
        try {
            for (String folder : MODEL_FOLDERS) {
                for (Resource root : resolver.getResources("classpath*:" + classpathRoot + folder + "/")) {
                    String rootUrl = root.getURL().toString();
                    for (Resource model : resolver.getResources(rootUrl + "**/" + SUFFIXES.get(folder))) {
                        String relative = model.getURL().toString().substring(rootUrl.length());
                        models.putIfAbsent(folder + "/" + relative, model.getContentAsByteArray());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the models under " + MODEL_FOLDERS, e);
        }
        return models;
    }
}
