package com.collectiondesk.security.scripts;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Refuses a new deployment that contains a script anywhere: scripts run unsandboxed inside the engine,
 * so whoever may deploy one may run any code. Runs before the engine's own deployers.
 */
class ScriptFreeDeployments implements Deployer {

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        for (Map.Entry<String, ResourceEntity> resource : deployment.getResources().entrySet()) {
            Optional<String> script = ScriptFinder.find(resource.getKey(), resource.getValue().getBytes());
            if (script.isPresent()) {
                throw new BadUserRequestException("Deployment refused: " + resource.getKey() + " " + script.get()
                        + " — scripts are not allowed in Collection Desk models; use a Java delegate.");
            }
        }
    }
}
