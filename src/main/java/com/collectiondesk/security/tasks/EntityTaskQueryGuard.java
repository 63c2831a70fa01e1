package com.collectiondesk.security.tasks;

import com.collectiondesk.security.EntityScope;
import java.util.Set;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * A user limited to legal entities ({@link EntityScope}) queries only the tasks of their entities' tickets: every
 * task query they run (Tasklist's lists, counts and a task by id, the engine REST API, saved filters) gets the
 * condition on the ticket process's {@value EntityScope#PROCESS_VARIABLE} variable, inside the engine so no caller
 * can leave it out. Queries the engine runs for itself (no user) are left as they are.
 */
class EntityTaskQueryGuard extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof TaskQueryImpl query) {
            CommandContext context = Context.getCommandContext();
            Authentication actor = context == null ? null : context.getAuthentication();
            if (actor != null && actor.getUserId() != null) {
                EntityScope.limitedBy(actor.getGroupIds()).ifPresent(entities -> limit(query, entities));
            }
        }
        return next.execute(command);
    }

    private static void limit(TaskQueryImpl query, Set<String> entities) {
        if (entities.size() == 1) {
            query.processVariableValueEquals(EntityScope.PROCESS_VARIABLE, entities.iterator().next());
            return;
        }
        var any = query.or();
        entities.forEach(entity -> any.processVariableValueEquals(EntityScope.PROCESS_VARIABLE, entity));
        any.endOr();
    }
}
