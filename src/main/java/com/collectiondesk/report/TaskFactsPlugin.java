package com.collectiondesk.report;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/** Adds {@link TaskFactKeeper} beside the engine's own history handler (which keeps writing its tables). */
@Component
class TaskFactsPlugin extends AbstractCamundaConfiguration {

    private final TaskFactKeeper keeper;

    TaskFactsPlugin(TaskFactKeeper keeper) {
        this.keeper = keeper;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(keeper);
        configuration.setCustomHistoryEventHandlers(handlers);
    }
}
