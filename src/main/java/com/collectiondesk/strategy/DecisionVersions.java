package com.collectiondesk.strategy;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/** Names the decision version a business rule task with binding "latest" just evaluated, for the timeline. */
@Component
class DecisionVersions {

    private final RepositoryService repository;

    DecisionVersions(RepositoryService repository) {
        this.repository = repository;
    }

    String latest(String decisionKey) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .latestVersion().singleResult();
        return definition == null ? decisionKey : decisionKey + " v" + definition.getVersion();
    }
}
