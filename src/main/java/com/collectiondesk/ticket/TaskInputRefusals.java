package com.collectiondesk.ticket;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener throws into a plain ProcessEngineException ("ENGINE-03051 …"),
 * which engine-rest answers with 500 and the command context logs as an error with its stack trace. A
 * {@link TaskInputRefused} is a user's mistake: unwrapped inside the command context, it reaches engine-rest
 * as the form validation error it is (400, its own message, shown by Tasklist) and is logged at debug level.
 */
@Component
class TaskInputRefusals extends AbstractCamundaConfiguration {

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new Unwrapping());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
        CommandContextFactory quiet = new CommandContextFactory() {
            @Override
            public CommandContext createCommandContext() {
                return new QuietAboutRefusals(getProcessEngineConfiguration());
            }
        };
        quiet.setProcessEngineConfiguration(configuration);
        configuration.setCommandContextFactory(quiet);
    }

    /** Runs inside the command context, so the context sees (and logs) the refusal, not the wrapper. */
    static final class Unwrapping extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (RuntimeException e) {
                TaskInputRefused refusal = refusalIn(e);
                throw refusal == null ? e : refusal;
            }
        }

        private static TaskInputRefused refusalIn(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof TaskInputRefused refusal) {
                    return refusal;
                }
            }
            return null;
        }
    }

    static final class QuietAboutRefusals extends CommandContext {
        QuietAboutRefusals(ProcessEngineConfigurationImpl configuration) {
            super(configuration);
        }

        @Override
        protected boolean shouldLogFine(Throwable exception) {
            return exception instanceof TaskInputRefused || super.shouldLogFine(exception);
        }
    }
}
