package com.collectiondesk.outreach;

import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Honours a provider's Retry-After: when a job failed on {@link ProviderRateLimitedException}, the usual
 * retry cycle applies, but the next try is never earlier than the provider asked. A send waiting for its
 * sender's slot ({@link SendPostponedException}) is no failure: its job is moved to the slot with its retries
 * untouched, and the job executor does not log it as an exception.
 */
@Component
class RetryAfterPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory(RetryNotBeforeProviderAsks::new);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // a static of the engine's: wrapped once per JVM however many engines start (tests start several)
        synchronized (ExecuteJobHelper.class) {
            if (!(ExecuteJobHelper.LOGGING_HANDLER instanceof QuietAboutPostponedSends)) {
                ExecuteJobHelper.LOGGING_HANDLER = new QuietAboutPostponedSends(ExecuteJobHelper.LOGGING_HANDLER);
            }
        }
    }

    record QuietAboutPostponedSends(ExecuteJobHelper.ExceptionLoggingHandler usual) implements ExecuteJobHelper.ExceptionLoggingHandler {

        @Override
        public void exceptionWhileExecutingJob(String jobId, Throwable exception) {
            if (cause(exception, SendPostponedException.class) == null) {
                usual.exceptionWhileExecutingJob(jobId, exception);
            }
        }
    }

    static class RetryNotBeforeProviderAsks extends DefaultJobRetryCmd {

        RetryNotBeforeProviderAsks(String jobId, Throwable exception) {
            super(jobId, exception);
        }

        @Override
        public Object execute(CommandContext commandContext) {
            SendPostponedException postponed = cause(exception, SendPostponedException.class);
            if (postponed != null) {
                return postpone(postponed);
            }
            Object result = super.execute(commandContext);
            ProviderRateLimitedException limited = cause(exception, ProviderRateLimitedException.class);
            JobEntity job = getJob();
            if (limited != null && job != null && job.getRetries() > 0) {
                Date earliest = new Date(ClockUtil.getCurrentTime().getTime() + limited.retryAfter().toMillis());
                if (job.getDuedate() == null || job.getDuedate().before(earliest)) {
                    job.setDuedate(earliest);
                }
            }
            return result;
        }

        /** To the slot (rounded up to the engine's milliseconds), unlocked for any node, retries as they were. */
        private Object postpone(SendPostponedException postponed) {
            JobEntity job = getJob();
            if (job != null) {
                long slot = postponed.notBefore().toEpochMilli() + (postponed.notBefore().getNano() % 1_000_000 == 0 ? 0 : 1);
                job.setDuedate(new Date(slot));
                job.setLockOwner(null);
                job.setLockExpirationTime(null);
            }
            return null;
        }
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
