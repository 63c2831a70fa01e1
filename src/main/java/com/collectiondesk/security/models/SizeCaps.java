package com.collectiondesk.security.models;

import java.util.Optional;

/**
 * Upper bounds for one resource and one deployment: the engine parses a model in memory, and every node
 * keeps deployed models in its cache, so a 50 MB BPMN file costs every node.
 */
record SizeCaps(long maxResourceBytes, long maxDeploymentBytes) {

    Optional<Refusal> resourceRefusal(long bytes) {
        return bytes <= maxResourceBytes ? Optional.empty() : Optional.of(new Refusal("is " + bytes + " bytes, more than the "
                + maxResourceBytes + " a resource may have", "the limit is collection.models.max-resource-bytes."));
    }

    Optional<Refusal> deploymentRefusal(long bytes) {
        return bytes <= maxDeploymentBytes ? Optional.empty() : Optional.of(new Refusal("is " + bytes + " bytes, more than the "
                + maxDeploymentBytes + " a deployment may have", "the limit is collection.models.max-deployment-bytes."));
    }
}
