package com.collectiondesk.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/** Gives the engine a metrics registry that also counts job executor events in Micrometer. */
@Component
class EngineMetricsPlugin extends AbstractCamundaConfiguration {

    private final MeterRegistry registry;

    EngineMetricsPlugin(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setMetricsRegistry(new JobExecutorMeters(registry));
    }
}
