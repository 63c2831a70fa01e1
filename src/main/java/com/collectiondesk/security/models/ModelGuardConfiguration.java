package com.collectiondesk.security.models;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class ModelGuardConfiguration {

    @Bean
    SizeCaps modelSizeCaps(@Value("${collection.models.max-resource-bytes:2097152}") long maxResourceBytes,
                           @Value("${collection.models.max-deployment-bytes:10485760}") long maxDeploymentBytes) {
        return new SizeCaps(maxResourceBytes, maxDeploymentBytes);
    }

    /** After authentication (anonymous callers get 401, not the limit), before the engine REST API reads the body. */
    @Bean
    FilterRegistrationBean<DeploymentUploadLimit> deploymentUploadLimit(SizeCaps caps,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<DeploymentUploadLimit> registration =
                new FilterRegistrationBean<>(new DeploymentUploadLimit(webappPath, caps.maxDeploymentBytes()));
        registration.setName("collection-deployment-upload-limit");
        registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 41);
        return registration;
    }
}
