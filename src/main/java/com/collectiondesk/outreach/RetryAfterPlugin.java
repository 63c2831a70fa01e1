package com.collectiondesk.outreach;

import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Honours a provider's Retry-After: when a job failed on {@link ProviderRateLimitedException}, the usual
 * retry cycle applies, but the next try is never earlier than the provider asked.
 */
@Component
class RetryAfterPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory(RetryNotBeforeProviderAsks::new);
    }

    static class RetryNotBeforeProviderAsks extends DefaultJobRetryCmd {

        RetryNotBeforeProviderAsks(String jobId, Throwable exception) {
            super(jobId, exception);
        }

        @Override
        public Object execute(CommandContext commandContext) {
            Object result = super.execute(commandContext);
            ProviderRateLimitedException limited = rateLimit(exception);
            JobEntity job = getJob();
            if (limited != null && job != null && job.getRetries() > 0) {
                Date earliest = new Date(ClockUtil.getCurrentTime().getTime() + limited.retryAfter().toMillis());
                if (job.getDuedate() == null || job.getDuedate().before(earliest)) {
                    job.setDuedate(earliest);
                }
            }
            return result;
        }

        private static ProviderRateLimitedException rateLimit(Throwable error) {
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                if (cause instanceof ProviderRateLimitedException limited) {
                    return limited;
                }
            }
            return null;
        }
    }
}
