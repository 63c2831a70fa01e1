package com.collectiondesk.strategy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Component;

/**
 * The decision engine of the dry-run: the process engine's DMN engine configuration (its FEEL engine, the parse-once
 * cache, the same settings) without its listeners, so evaluating writes no decision history and counts no metrics —
 * a dry-run changes nothing. Parses the candidates and the deployed versions alike.
 */
@Component
class DryRunDecisions {

    private final ProcessEngine processEngine;
    private final RepositoryService repository;
    private volatile DmnEngine engine;

    DryRunDecisions(ProcessEngine processEngine, RepositoryService repository) {
        this.processEngine = processEngine;
        this.repository = repository;
    }

    /** A table of a DMN file, or null when the file has no decision with that id. */
    Table parse(byte[] xml, String decisionId) {
        return engine().parseDecisions(new ByteArrayInputStream(xml)).stream()
                .filter(decision -> decision.getKey().equals(decisionId)).findFirst()
                .map(decision -> new Table(decision, xml)).orElse(null);
    }

    /** A deployed decision a dry-run compares with: its name there ({@code ticket-segment v1}) and deployment time. */
    record Deployed(String decision, int version, String name, Instant deployedAt) {
    }

    /** The latest deployed version of the decision, as the business rule tasks (binding "latest") evaluate it. */
    Table deployed(String decisionId) {
        DecisionDefinition definition = latest(decisionId);
        try (InputStream model = repository.getDecisionModel(definition.getId())) {
            return parse(model.readAllBytes(), decisionId).named(decisionId + " v" + definition.getVersion());
        } catch (IOException e) {
            throw new IllegalStateException("the engine's stored model of " + definition.getId() + " could not be read", e);
        }
    }

    boolean isDeployed(String decisionId) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionId).count() > 0;
    }

    /** What {@link #deployed} compares with, without parsing it. */
    Deployed describe(String decisionId) {
        DecisionDefinition definition = latest(decisionId);
        Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
        return new Deployed(decisionId, definition.getVersion(), decisionId + " v" + definition.getVersion(),
                deployment == null || deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant());
    }

    private DecisionDefinition latest(String decisionId) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionId)
                .latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("the shipped decision '" + decisionId + "' is not deployed");
        }
        return definition;
    }

    private DmnEngine engine() {
        if (engine == null) {
            DefaultDmnEngineConfiguration deployed = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                    .getDmnEngineConfiguration();
            DefaultDmnEngineConfiguration quiet = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
                    .createDefaultDmnEngineConfiguration();
            quiet.setFeelEngineFactory(deployed.getFeelEngineFactory());
            quiet.setFeelCustomFunctionProviders(deployed.getFeelCustomFunctionProviders());
            quiet.setEnableFeelLegacyBehavior(deployed.isEnableFeelLegacyBehavior());
            quiet.setReturnBlankTableOutputAsNull(deployed.isReturnBlankTableOutputAsNull());
            engine = quiet.buildEngine();
        }
        return engine;
    }

    /**
     * One decision, evaluated with the same variables the ticket process gives it. Results are remembered per value
     * of the variables the file names anywhere (inputs, entries), so a strategy that reads only the segment and the
     * product is evaluated once per pair, not once per ticket.
     */
    final class Table {
        private final DmnDecision decision;
        private final String xml;
        /** Evaluated on several threads at once (the engine and its FEEL cache are thread-safe). */
        private final Map<List<Object>, List<Map<String, Object>>> remembered = new ConcurrentHashMap<>();
        private volatile List<String> reads;
        private String name;

        private Table(DmnDecision decision, byte[] xml) {
            this.decision = decision;
            this.xml = new String(xml, StandardCharsets.UTF_8);
            this.name = decision.getKey() + " (candidate)";
        }

        private Table named(String shown) {
            this.name = shown;
            return this;
        }

        String name() {
            return name;
        }

        List<Map<String, Object>> evaluate(Map<String, Object> variables) {
            List<String> names = reads;
            if (names == null) { // the same for every ticket: computed once, or twice by threads that race, alike
                names = variables.keySet().stream()
                        .filter(variable -> Pattern.compile("\\b" + Pattern.quote(variable) + "\\b").matcher(xml).find()).toList();
                reads = names;
            }
            List<Object> key = new ArrayList<>(names.size());
            names.forEach(variable -> key.add(variables.get(variable)));
            return remembered.computeIfAbsent(key, k -> engine().evaluateDecision(decision, variables).getResultList());
        }
    }
}
