package com.collectiondesk.ticket;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The user on whose behalf the engine runs the current command (the one completing a task), if any. */
final class CurrentActor {

    private CurrentActor() {
    }

    /** Who completes the task: its assignee, else the user completing it unclaimed. */
    static String of(DelegateTask task) {
        return task.getAssignee() != null ? task.getAssignee() : of(task.getProcessEngineServices());
    }

    static String of(ProcessEngineServices engine) {
        Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
