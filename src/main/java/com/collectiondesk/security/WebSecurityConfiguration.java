package com.collectiondesk.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Authentication for the two HTTP APIs. The webapps keep their own session login and CSRF protection.
 */
@Configuration
class WebSecurityConfiguration implements WebMvcConfigurer {

    /** Authentication runs first so every later filter sees the engine's authenticated user. */
    static final int AUTHENTICATION_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private final CurrentUser currentUser;

    WebSecurityConfiguration(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(ProcessEngine engine) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine.getIdentityService(), engine.getName()));
        registration.setName("collection-api-authentication");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(AUTHENTICATION_ORDER);
        return registration;
    }

    /** Metrics (and any other actuator endpoint but health) for managers and the monitoring group. */
    @Bean
    FilterRegistrationBean<MonitoringAccessFilter> monitoringAccessFilter(ProcessEngine engine) {
        FilterRegistrationBean<MonitoringAccessFilter> registration = new FilterRegistrationBean<>(new MonitoringAccessFilter(
                new ApiAuthenticationFilter(engine.getIdentityService(), engine.getName()), currentUser));
        registration.setName("collection-monitoring-access");
        registration.addUrlPatterns("/actuator/*");
        registration.setOrder(AUTHENTICATION_ORDER);
        return registration;
    }

    /** Camunda's own Basic authentication for the engine REST API, which is open by default. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                EngineRestBasicAuthentication.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(AUTHENTICATION_ORDER);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AllowedGroupsInterceptor(currentUser)).addPathPatterns("/api/**");
    }
}
