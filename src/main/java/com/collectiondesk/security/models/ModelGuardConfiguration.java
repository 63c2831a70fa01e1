package com.collectiondesk.security.models;

import com.collectiondesk.deployment.ModelSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine-side caps; uploads over the HTTP body cap are refused earlier (security.edge, 413). */
@Configuration
class ModelGuardConfiguration {

    @Bean
    SizeCaps modelSizeCaps(ModelSettings settings) {
        return new SizeCaps(settings.maxResourceBytes(), settings.maxDeploymentBytes());
    }
}
