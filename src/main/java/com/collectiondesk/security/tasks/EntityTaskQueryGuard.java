package com.collectiondesk.security.tasks;

import com.collectiondesk.security.EntityScope;
import java.util.Set;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * A user limited to legal entities ({@link EntityScope}) reaches only their entities' tickets in the engine, inside
 * the engine so no caller (Tasklist, Cockpit, the engine REST API, our own services acting for the user) can leave
 * it out: every task, historic task and (historic) process instance query they run gets the condition on the ticket
 * process's {@value EntityScope#PROCESS_VARIABLE} variable ({@link EntityQueries}); a command on one task by id
 * (its variables, form, comments, identity links, completing it) and a query of one instance's variables, activities
 * or details is refused when that task or instance is another entity's ({@link EntityTargets}). Commands the engine
 * runs for itself (no user, or authorization checks switched off) are left as they are.
 */
class EntityTaskQueryGuard extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        CommandContext context = Context.getCommandContext();
        Authentication actor = context == null ? null : context.getAuthentication();
        if (actor != null && actor.getUserId() != null) {
            Set<String> entities = EntityScope.limitedBy(actor.getGroupIds()).orElse(null);
            if (entities != null && !EntityQueries.limit(command, entities) && context.isAuthorizationCheckEnabled()) {
                EntityTargets.check(command, entities, context);
            }
        }
        return next.execute(command);
    }
}
