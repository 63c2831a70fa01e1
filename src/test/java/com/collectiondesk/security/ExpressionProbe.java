package com.collectiondesk.security;

import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A Spring bean the engine's expression language can reach ({@code ${expressionProbe.touch()}}): it counts
 * every evaluation, so a test can prove an expression smuggled into a query was never run.
 */
public class ExpressionProbe {

    static final String EXPRESSION = "${expressionProbe.touch()}";

    private final AtomicInteger evaluations = new AtomicInteger();

    public Date touch() {
        evaluations.incrementAndGet();
        return new Date();
    }

    int evaluations() {
        return evaluations.get();
    }

    /** Evaluates an expression with the engine's own expression manager, as the engine evaluates any expression. */
    static Object evaluate(ProcessEngine engine, String expression) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired()
                .execute(context -> configuration.getExpressionManager().createExpression(expression).getValue(null));
    }

    /** Evaluates an expression in the scope of a live execution, as a model's expression would be at run time. */
    static Object evaluateIn(ProcessEngine engine, String executionId, String expression) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> configuration.getExpressionManager()
                .createExpression(expression).getValue(context.getExecutionManager().findExecutionById(executionId)));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        ExpressionProbe expressionProbe() {
            return new ExpressionProbe();
        }
    }
}
