package com.collectiondesk.security.tasks;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Installs {@link TaskOwnershipGuard} and {@link EntityTaskQueryGuard} in both of the engine's command chains
 * (requires and requires-new); one guard each, since an interceptor holds its chain's next link.
 */
@Component
class TaskOwnershipPlugin extends AbstractCamundaConfiguration {

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        TaskOwnershipRules rules = new TaskOwnershipRules(new TaskFormFields());
        configuration.setCustomPostCommandInterceptorsTxRequired(withGuards(
                configuration.getCustomPostCommandInterceptorsTxRequired(), new TaskOwnershipGuard(rules), new EntityTaskQueryGuard()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(withGuards(
                configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new TaskOwnershipGuard(rules), new EntityTaskQueryGuard()));
    }

    private static List<CommandInterceptor> withGuards(List<CommandInterceptor> existing, CommandInterceptor... guards) {
        List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        interceptors.addAll(List.of(guards));
        return interceptors;
    }
}
