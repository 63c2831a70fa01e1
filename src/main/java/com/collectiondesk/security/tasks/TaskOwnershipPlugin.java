package com.collectiondesk.security.tasks;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Installs {@link TaskOwnershipGuard} in both of the engine's command chains (requires and requires-new); one
 * guard each, since an interceptor holds its chain's next link.
 */
@Component
class TaskOwnershipPlugin extends AbstractCamundaConfiguration {

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        TaskOwnershipRules rules = new TaskOwnershipRules(new TaskFormFields());
        configuration.setCustomPostCommandInterceptorsTxRequired(
                withGuard(configuration.getCustomPostCommandInterceptorsTxRequired(), new TaskOwnershipGuard(rules)));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                withGuard(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new TaskOwnershipGuard(rules)));
    }

    private static List<CommandInterceptor> withGuard(List<CommandInterceptor> existing, TaskOwnershipGuard guard) {
        List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        interceptors.add(guard);
        return interceptors;
    }
}
