package com.collectiondesk.security.tasks;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command asks to do with one task: the action, the user it names (if any), the variables it writes
 * (name to value, values may be null) and the variables it removes.
 */
record TaskRequest(String taskId, Action action, String user, Map<String, Object> written, List<String> removed) {

    enum Action {
        COMPLETE("complete"),
        EDIT("change"),
        WRITE_VARIABLES("write variables of"),
        CLAIM("claim"),
        ASSIGN("reassign"),
        SET_OWNER("change the owner of"),
        CHANGE_CANDIDATES("change the candidates of");

        final String verb;

        Action(String verb) {
            this.verb = verb;
        }
    }

    TaskRequest {
        written = written == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(written));
        removed = removed == null ? List.of() : List.copyOf(removed);
    }

    static TaskRequest of(String taskId, Action action) {
        return new TaskRequest(taskId, action, null, null, null);
    }

    static TaskRequest naming(String taskId, Action action, String user) {
        return new TaskRequest(taskId, action, user, null, null);
    }

    static TaskRequest writing(String taskId, Action action, Map<String, ?> written, Collection<String> removed) {
        return new TaskRequest(taskId, action, null, written == null ? null : new LinkedHashMap<>(written),
                removed == null ? null : List.copyOf(removed));
    }

    boolean touchesVariables() {
        return !written.isEmpty() || !removed.isEmpty();
    }
}
