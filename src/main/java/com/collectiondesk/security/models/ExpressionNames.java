package com.collectiondesk.security.models;

import java.util.Set;
import java.util.function.Predicate;

/**
 * The names an expression in a model may use. A bare name is a process variable; it may not name a Spring
 * bean (the engine resolves bean names before variables) nor the engine's own objects. Property access is
 * limited to the few documented read-only paths below.
 *
 * @param delegateBeans this service's JavaDelegate, ExecutionListener and TaskListener beans
 * @param isBean        whether a name is a bean of the application context
 */
record ExpressionNames(Set<String> delegateBeans, Predicate<String> isBean) {

    /**
     * Read-only paths: the business key, the task's assignee, and the settings the service's own models read
     * (timer start cycles, retry cycles of async steps), each a getter returning a configured string.
     */
    static final Set<String> PROPERTY_PATHS = Set.of(
            "execution.processBusinessKey", "task.assignee", "scanSchedule.cron", "digestSchedule.cron",
            "retryCycles.erp", "retryCycles.outreach", "retryCycles.scan");

    /** The engine's objects in expression scope; navigating them reaches engine services. */
    static final Set<String> ENGINE_OBJECTS = Set.of(
            "execution", "task", "caseExecution", "variableScope", "externalTask", "connector");

    void checkReference(String path) throws NotAllowed {
        if (PROPERTY_PATHS.contains(path)) {
            return;
        }
        int dot = path.indexOf('.');
        String root = dot < 0 ? path : path.substring(0, dot);
        if (ENGINE_OBJECTS.contains(root)) {
            throw new NotAllowed(dot < 0 ? "the engine object '" + root + "' is not allowed"
                    : "'" + path + "' navigates the engine object beyond the documented " + PROPERTY_PATHS);
        }
        if (isBean.test(root)) {
            throw new NotAllowed("'" + root + "' names a bean of the service, not a process variable");
        }
        if (dot >= 0) {
            throw new NotAllowed("property access '" + path + "' is not allowed (only " + PROPERTY_PATHS + ")");
        }
    }

    void checkDelegate(String name) throws NotAllowed {
        if (!delegateBeans.contains(name)) {
            throw new NotAllowed("'" + name + "' is not one of this service's delegates");
        }
    }
}
