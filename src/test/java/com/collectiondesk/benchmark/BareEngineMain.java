package com.collectiondesk.benchmark;

import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The start-up benchmark's baseline, in a JVM of its own: the bare Camunda engine (no Spring, no web server)
 * on the same database, history level and job executor setting as ours, deploying the shipped models, then
 * announcing "Bare engine ready" and idling. The settings the models read are given as plain maps.
 * Arguments: JDBC URL, user.
 */
public final class BareEngineMain {

    static final String READY = "Bare engine ready";

    private BareEngineMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String url = args[0];
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setJdbcUrl(url).setJdbcUsername(args[1]).setJdbcPassword("")
                .setJdbcDriver(url.startsWith("jdbc:postgresql:") ? "org.postgresql.Driver" : "org.h2.Driver")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(true);
        config.setBeans(Map.of(
                "scanSchedule", Map.of("cron", "0 0 6 * * ?"),
                "digestSchedule", Map.of("cron", "0 0 7 * * ?"),
                "retryCycles", Map.of("erp", "R3/PT1M", "outreach", "PT1M,PT5M,PT30M", "scan", "R3/PT5M")));
        ProcessEngine engine = config.buildProcessEngine();
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare-models")
                .enableDuplicateFiltering(false);
        for (String folder : new String[] {"bpmn", "dmn", "forms"}) {
            for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath:/" + folder + "/*.*")) {
                deployment.addInputStream(folder + "/" + model.getFilename(), model.getInputStream());
            }
        }
        deployment.deploy();
        System.out.println(READY);
        Thread.currentThread().join();
    }
}
