package com.collectiondesk.security;

import com.collectiondesk.support.IntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The security tests share one running service, with the expression probe in reach of the engine and the HTTP
 * edge tests' fixture. Its engine
 * is named "default" as in production, because {@code /engine-rest/…} without {@code /engine/{name}} only
 * reaches an engine of that name; no other test context uses it, so engines do not clash in the JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Import({ExpressionProbe.Registration.class, EdgeFixture.class})
@TestPropertySource(properties = {
        "camunda.bpm.generate-unique-process-engine-name=false",
        "camunda.bpm.process-engine-name=default",
        // the HTTP edge with small caps and short throttle waits, so the tests send small bodies and wait briefly
        "collection.http.body-limits.csv-import=64KB",
        // deployments: above our own models (~100 KB) and the model guard's 2 MiB resource cap, so both caps are tested
        "collection.http.body-limits.deployment=3MB",
        "collection.http.body-limits.json=8KB",
        "collection.http.login-throttle.first-delay=1500ms",
        "collection.http.login-throttle.max-delay=1500ms"})
@interface SecurityIntegrationTest {

    String ENGINE = "default";
}
