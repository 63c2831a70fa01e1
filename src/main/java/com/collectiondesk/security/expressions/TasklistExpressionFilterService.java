package com.collectiondesk.security.expressions;

import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.FilterServiceImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;

/**
 * The engine's filter service, refusing to save a filter whose task query (or-queries included) holds an
 * expression Tasklist does not offer. Holds the rule for Java callers too, behind the HTTP guard.
 */
class TasklistExpressionFilterService extends FilterServiceImpl {

    @Override
    public Filter saveFilter(Filter filter) {
        if (filter.getQuery() instanceof TaskQueryImpl query) {
            for (TaskQueryImpl part : query.getQueries()) {
                for (Map.Entry<String, String> expression : part.getExpressions().entrySet()) {
                    if (!TasklistExpressions.isAllowed(expression.getValue())) {
                        throw new BadUserRequestException("Filter '" + filter.getName() + "' refused: its criterion '"
                                + expression.getKey() + "' holds an expression a saved filter may not use. Allowed are "
                                + TasklistExpressions.DESCRIPTION + ".");
                    }
                }
            }
        }
        return super.saveFilter(filter);
    }
}
