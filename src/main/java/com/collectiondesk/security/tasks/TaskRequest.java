package com.collectiondesk.security.tasks;

import java.util.Collection;
import java.util.List;

/** What a command asks to do with one task: the action, the user it names (if any) and the variables it writes. */
record TaskRequest(String taskId, Action action, String user, Collection<String> variables) {

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
        variables = variables == null ? List.of() : List.copyOf(variables);
    }

    static TaskRequest of(String taskId, Action action) {
        return new TaskRequest(taskId, action, null, null);
    }

    static TaskRequest naming(String taskId, Action action, String user) {
        return new TaskRequest(taskId, action, user, null);
    }

    static TaskRequest writing(String taskId, Action action, Collection<String> variables) {
        return new TaskRequest(taskId, action, null, variables);
    }
}
