package com.collectiondesk.security.expressions;

import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/** Installs {@link TasklistExpressionFilterService} as the engine's filter service before the engine is built. */
@Component
class SavedFilterExpressionsPlugin extends AbstractCamundaConfiguration {

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setFilterService(new TasklistExpressionFilterService());
    }
}
