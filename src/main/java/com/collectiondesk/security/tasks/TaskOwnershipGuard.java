package com.collectiondesk.security.tasks;

import java.util.List;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Applies {@link TaskOwnershipRules} to every task command a user runs, inside the engine (after the command
 * context exists), so Tasklist, the engine REST API and Java callers meet the same rules. Commands the engine
 * runs for itself (no authenticated user, e.g. jobs, or with authorization checks switched off) pass.
 */
class TaskOwnershipGuard extends CommandInterceptor {

    private final TaskOwnershipRules rules;

    TaskOwnershipGuard(TaskOwnershipRules rules) {
        this.rules = rules;
    }

    @Override
    public <T> T execute(Command<T> command) {
        CommandContext context = Context.getCommandContext();
        Authentication actor = context == null ? null : context.getAuthentication();
        if (actor != null && actor.getUserId() != null && context.isAuthorizationCheckEnabled()) {
            List<TaskRequest> requests = TaskRequests.of(command);
            for (TaskRequest request : requests) {
                // an unknown task id passes on, so the command answers with its own "not found"
                TaskEntity task = request.taskId() == null ? null : context.getTaskManager().findTaskById(request.taskId());
                if (task != null) {
                    rules.check(request, task, actor, context);
                }
            }
        }
        return next.execute(command);
    }
}
