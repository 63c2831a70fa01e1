package com.collectiondesk.security.expressions;

import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Every query run through the engine's command executor is an ad-hoc query (REST, webapps, Java API alike):
 * saved filters run their query inside their own command, so Tasklist's expressions there still work.
 */
class AdHocQueryExpressionInterceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof AbstractQuery<?, ?> query) {
            AdHocQueryExpressions.refuseIn(query);
        }
        return next.execute(command);
    }
}
