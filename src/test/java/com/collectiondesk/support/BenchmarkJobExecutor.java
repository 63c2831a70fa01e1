package com.collectiondesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * The job executor and pool settings the benchmarks measure with (tests run jobs by hand instead). One place, so
 * figures from different benchmarks stay comparable; {@link Settings#describe} prints them next to the figures.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = {
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.core-pool-size=4",
        "camunda.bpm.job-execution.max-pool-size=4",
        "camunda.bpm.job-execution.queue-capacity=20",
        "camunda.bpm.job-execution.max-jobs-per-acquisition=20",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "spring.datasource.hikari.maximum-pool-size=12"})
public @interface BenchmarkJobExecutor {

    /** The settings in effect, in one line. */
    final class Settings {

        private Settings() {
        }

        public static String describe(Environment environment) {
            return String.format("job executor core/max pool %s/%s, queue %s, max jobs per acquisition %s, wait %s ms,"
                            + " hikari max pool %s, %d CPU cores",
                    environment.getProperty("camunda.bpm.job-execution.core-pool-size"),
                    environment.getProperty("camunda.bpm.job-execution.max-pool-size"),
                    environment.getProperty("camunda.bpm.job-execution.queue-capacity"),
                    environment.getProperty("camunda.bpm.job-execution.max-jobs-per-acquisition"),
                    environment.getProperty("camunda.bpm.job-execution.wait-time-in-millis"),
                    environment.getProperty("spring.datasource.hikari.maximum-pool-size"),
                    Runtime.getRuntime().availableProcessors());
        }
    }
}
