package com.collectiondesk.security.expressions;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Holds the expression rules inside the engine, whatever the transport: no expression in any ad-hoc query
 * ({@link AdHocQueryExpressionInterceptor}) and no reach into classes, the engine or the environment from any
 * expression at run time ({@link RestrictedSpringExpressionManager}).
 */
@Component
class EngineExpressionRulesPlugin extends AbstractCamundaConfiguration {

    private final ApplicationContext applicationContext;

    EngineExpressionRulesPlugin(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(
                withAdHocQueryCheck(configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                withAdHocQueryCheck(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
        configuration.setExpressionManager(new RestrictedSpringExpressionManager(applicationContext, configuration.getBeans()));
    }

    private static List<CommandInterceptor> withAdHocQueryCheck(List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(0, new AdHocQueryExpressionInterceptor());
        return all;
    }
}
