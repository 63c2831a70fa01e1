package com.collectiondesk.support.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a browser test: it runs when Debian's {@code chromium} and {@code chromium-driver} are installed and is
 * skipped with a message otherwise, so {@code ./mvnw verify} never fails on a machine without a browser.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ChromiumCondition.class)
public @interface RequiresChromium {
}
