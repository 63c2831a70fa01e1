package com.collectiondesk.security.tasks;

import com.collectiondesk.security.EntityScope;
import java.util.Set;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The list queries that can name the ticket process's {@value EntityScope#PROCESS_VARIABLE} variable: a limited
 * user's query gets "the variable is one of their entities" added (an {@code or} of equals for several).
 */
final class EntityQueries {

    private EntityQueries() {
    }

    /** Adds the condition when the command is one of these queries; answers whether it was. */
    static boolean limit(Object command, Set<String> entities) {
        String name = EntityScope.PROCESS_VARIABLE;
        if (command instanceof TaskQueryImpl query) {
            anyOf(entities, query, TaskQuery::or, (q, e) -> q.processVariableValueEquals(name, e), TaskQuery::endOr);
        } else if (command instanceof HistoricTaskInstanceQueryImpl query) {
            anyOf(entities, query, HistoricTaskInstanceQuery::or, (q, e) -> q.processVariableValueEquals(name, e),
                    HistoricTaskInstanceQuery::endOr);
        } else if (command instanceof HistoricProcessInstanceQueryImpl query) {
            anyOf(entities, query, HistoricProcessInstanceQuery::or, (q, e) -> q.variableValueEquals(name, e),
                    HistoricProcessInstanceQuery::endOr);
        } else if (command instanceof ProcessInstanceQueryImpl query) {
            anyOf(entities, query, ProcessInstanceQuery::or, (q, e) -> q.variableValueEquals(name, e),
                    ProcessInstanceQuery::endOr);
        } else {
            return false;
        }
        return true;
    }

    private static <Q> void anyOf(Set<String> entities, Q query, java.util.function.UnaryOperator<Q> or,
                                  BiConsumer<Q, String> equals, java.util.function.UnaryOperator<Q> endOr) {
        if (entities.size() == 1) {
            equals.accept(query, entities.iterator().next());
            return;
        }
        Q any = or.apply(query);
        entities.forEach(entity -> equals.accept(any, entity));
        endOr.apply(any);
    }
}
