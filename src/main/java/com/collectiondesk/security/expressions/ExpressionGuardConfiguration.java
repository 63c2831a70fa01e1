package com.collectiondesk.security.expressions;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class ExpressionGuardConfiguration {

    /**
     * After the engine REST API's authentication filter, so anonymous callers get 401, not a hint. The webapp
     * starter registers its own login filters without an order; the guard passes anonymous webapp calls on.
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 40;

    @Bean
    FilterRegistrationBean<ExpressionQueryGuard> expressionQueryGuard(CamundaBpmProperties camunda) {
        String webappPath = camunda.getWebapp().getApplicationPath();
        FilterRegistrationBean<ExpressionQueryGuard> registration =
                new FilterRegistrationBean<>(new ExpressionQueryGuard(webappPath));
        registration.setName("collection-expression-query-guard");
        registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
