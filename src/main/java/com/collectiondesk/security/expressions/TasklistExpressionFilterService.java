package com.collectiondesk.security.expressions;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.FilterServiceImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.query.Query;

/**
 * The engine's filter service, refusing to save a filter whose task query (or-queries included) holds an
 * expression Tasklist does not offer, and refusing any expression in the query that extends a filter when it
 * runs: Camunda checks only that query's top level and merges its or-queries into the filter's. Holds the rule
 * for Java callers too, behind the HTTP guard.
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

    @Override
    public <T, Q extends Query<?, T>> List<T> list(String filterId, Q extendingQuery) {
        AdHocQueryExpressions.refuseIn(extendingQuery);
        return super.list(filterId, extendingQuery);
    }

    @Override
    public <T, Q extends Query<?, T>> List<T> listPage(String filterId, Q extendingQuery, int firstResult, int maxResults) {
        AdHocQueryExpressions.refuseIn(extendingQuery);
        return super.listPage(filterId, extendingQuery, firstResult, maxResults);
    }

    @Override
    public <T, Q extends Query<?, T>> T singleResult(String filterId, Q extendingQuery) {
        AdHocQueryExpressions.refuseIn(extendingQuery);
        return super.singleResult(filterId, extendingQuery);
    }

    @Override
    public Long count(String filterId, Query<?, ?> extendingQuery) {
        AdHocQueryExpressions.refuseIn(extendingQuery);
        return super.count(filterId, extendingQuery);
    }
}
