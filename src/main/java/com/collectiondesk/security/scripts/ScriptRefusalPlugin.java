package com.collectiondesk.security.scripts;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/** Registers {@link ScriptFreeDeployments} in front of the engine's deployers, for every deployment path. */
@Component
class ScriptRefusalPlugin extends AbstractCamundaConfiguration {

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        preDeployers.add(0, new ScriptFreeDeployments());
        configuration.setCustomPreDeployers(preDeployers);
    }
}
