package com.collectiondesk.security.models;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/** Registers the {@link ModelGuard} of the {@link ModelChecks} in front of the engine's deployers. */
@Component
class ModelGuardPlugin extends AbstractCamundaConfiguration {

    private final ModelChecks checks;

    ModelGuardPlugin(ModelChecks checks) {
        this.checks = checks;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        preDeployers.add(0, checks.guard());
        configuration.setCustomPreDeployers(preDeployers);
    }
}
