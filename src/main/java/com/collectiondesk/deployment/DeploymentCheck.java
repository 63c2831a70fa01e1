package com.collectiondesk.deployment;

import java.util.Optional;

/**
 * A feature's own rule for the models it reads, run by the deployment guard after its safety checks on every
 * deployment path (engine REST, Java API, the shipped models at start): a refusal stops the whole deployment
 * before anything in it is stored.
 */
public interface DeploymentCheck {

    /** Why {@code resourceName} may not be deployed, or empty when this check has nothing against it. */
    Optional<Refusal> refusal(String resourceName, byte[] content);

    /** {@code problem} names the element and the value; {@code hint} says what is allowed instead. */
    record Refusal(String problem, String hint) {
    }
}
