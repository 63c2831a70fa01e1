package com.collectiondesk.ticket;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The user on whose behalf the engine runs the current command (the one completing a task), if any. */
public final class CurrentActor {

    private CurrentActor() {
    }

    /**
     * Who completes the task: the authenticated user of the completing call (a manager who completes a collector's
     * task is the author, not the collector), else, when the engine itself completes it, the assignee.
     */
    public static String of(DelegateTask task) {
        String user = of(task.getProcessEngineServices());
        return user != null ? user : task.getAssignee();
    }

    public static String of(ProcessEngineServices engine) {
        Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
