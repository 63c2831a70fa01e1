package com.collectiondesk.security.models;

import com.collectiondesk.deployment.DeploymentCheck;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Refuses a new deployment, before the engine parses or evaluates anything in it, unless every resource is
 * a model within the limits: deploying a model must never be running code. Runs in front of the engine's
 * deployers, for every deployment path (engine REST, Java API, the service's own models at start).
 */
class ModelGuard implements Deployer {

    private final SizeCaps caps;
    private final Supplier<ExpressionNames> names;
    private final Supplier<Set<String>> ownProcessKeys;
    /** The features' own rules for their models, run once a resource has passed the safety checks. */
    private final Supplier<List<DeploymentCheck>> featureChecks;

    ModelGuard(SizeCaps caps, Supplier<ExpressionNames> names, Supplier<Set<String>> ownProcessKeys) {
        this(caps, names, ownProcessKeys, List::of);
    }

    ModelGuard(SizeCaps caps, Supplier<ExpressionNames> names, Supplier<Set<String>> ownProcessKeys,
               Supplier<List<DeploymentCheck>> featureChecks) {
        this.caps = caps;
        this.names = names;
        this.ownProcessKeys = ownProcessKeys;
        this.featureChecks = featureChecks;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, ResourceEntity> resources = deployment.getResources();
        long total = resources.values().stream().mapToLong(resource -> length(resource.getBytes())).sum();
        caps.deploymentRefusal(total).ifPresent(refusal -> refuse("the deployment", refusal));
        for (Map.Entry<String, ResourceEntity> resource : resources.entrySet()) {
            byte[] content = resource.getValue().getBytes() == null ? new byte[0] : resource.getValue().getBytes();
            refusal(resource.getKey(), content).ifPresent(refusal -> refuse(resource.getKey(), refusal));
        }
    }

    Optional<Refusal> refusal(String name, byte[] content) {
        Optional<Refusal> refusal = caps.resourceRefusal(content.length).or(() -> ResourceTypes.refusal(name, content));
        if (refusal.isPresent()) {
            return refusal;
        }
        Optional<Refusal> unsafe = switch (ResourceTypes.kind(name)) {
            case BPMN -> BpmnCheck.check(content, names.get(), ownProcessKeys.get());
            case DMN -> DmnCheck.check(content);
            case FORM -> FormCheck.check(content);
            case IMAGE, OTHER -> Optional.empty();
        };
        return unsafe.or(() -> featureChecks.get().stream()
                .flatMap(check -> check.refusal(name, content).stream())
                .map(feature -> new Refusal(feature.problem(), feature.hint())).findFirst());
    }

    private static long length(byte[] content) {
        return content == null ? 0 : content.length;
    }

    private static void refuse(String subject, Refusal refusal) {
        throw new ModelRefusedException("Deployment refused: " + subject + " " + refusal.problem() + " — " + refusal.hint());
    }
}
