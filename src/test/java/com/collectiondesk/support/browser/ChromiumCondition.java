package com.collectiondesk.support.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips browser tests, loudly, where Chromium or its driver is missing. */
class ChromiumCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (HeadlessChromium.isInstalled()) {
            return ConditionEvaluationResult.enabled("Chromium found at " + HeadlessChromium.BROWSER);
        }
        String reason = "Browser test skipped: install Debian's chromium and chromium-driver (expected "
                + HeadlessChromium.BROWSER + " and " + HeadlessChromium.DRIVER + "); .ci/run does this";
        System.out.println("[WARNING] " + context.getDisplayName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
