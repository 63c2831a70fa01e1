package com.collectiondesk.security.models;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine-side caps; uploads over the HTTP body cap are refused earlier (security.edge, 413). */
@Configuration
class ModelGuardConfiguration {

    @Bean
    SizeCaps modelSizeCaps(@Value("${collection.models.max-resource-bytes:2097152}") long maxResourceBytes,
                           @Value("${collection.models.max-deployment-bytes:10485760}") long maxDeploymentBytes) {
        return new SizeCaps(maxResourceBytes, maxDeploymentBytes);
    }
}
