package com.collectiondesk.deployment;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code collection.models.*}: where the shipped model folders sit on the classpath (empty: the top-level
 * {@code bpmn/}, {@code dmn/}, {@code forms/}), whether they are deployed at start, and the engine-side size caps of
 * one model resource and of one deployment.
 */
@Validated
@ConfigurationProperties("collection.models")
public record ModelSettings(
        String classpathRoot,
        @DefaultValue("true") boolean deploy,
        @DefaultValue("2097152") @Positive long maxResourceBytes,
        @DefaultValue("10485760") @Positive long maxDeploymentBytes) {

    public ModelSettings {
        classpathRoot = classpathRoot == null ? "" : classpathRoot;
    }
}
