package com.collectiondesk.security.expressions;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.query.Query;

/**
 * The fix for CVE-2026-109432 inside the engine: an ad-hoc query may carry no expression, in its own criteria or
 * in any or-query. Camunda's own check ({@code enableExpressionsInAdhocQueries}) looks at the top-level query
 * only, and or-queries are built without it, so {@code or().dueAfterExpression(…)} was evaluated for anyone.
 */
final class AdHocQueryExpressions {

    private AdHocQueryExpressions() {
    }

    /** @throws BadUserRequestException naming the first criterion that holds an expression */
    static void refuseIn(Query<?, ?> query) {
        if (!(query instanceof AbstractQuery<?, ?> root)) {
            return;
        }
        // Breadth first: or-queries built through the Java API share one list, so each is reached from every other.
        Set<AbstractQuery<?, ?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Part> pending = new ArrayDeque<>(List.of(new Part(root, "")));
        seen.add(root);
        while (!pending.isEmpty()) {
            Part part = pending.removeFirst();
            Map<String, String> expressions = part.query().getExpressions();
            if (expressions != null && !expressions.isEmpty()) {
                throw new BadUserRequestException("Ad-hoc queries may not carry expressions, or-queries included: criterion '"
                        + expressions.keySet().iterator().next() + "'" + part.where()
                        + " holds one. Use a saved filter with Tasklist's expressions instead.");
            }
            List<? extends AbstractQuery<?, ?>> orQueries = orQueriesOf(part.query());
            for (int i = 0; i < orQueries.size(); i++) {
                if (seen.add(orQueries.get(i))) {
                    pending.addLast(new Part(orQueries.get(i), (part.where().isEmpty() ? " of or-query " : part.where() + ".") + i));
                }
            }
        }
    }

    /**
     * @param where "" for the query itself, else which or-query, counted from 1 as index 0 is the query itself,
     *              e.g. " of or-query 1" (nested over REST: " of or-query 1.1")
     */
    private record Part(AbstractQuery<?, ?> query, String where) {
    }

    /** The or-queries, with the query itself first, as Camunda keeps them; a query without or-queries alone. */
    private static List<? extends AbstractQuery<?, ?>> orQueriesOf(AbstractQuery<?, ?> query) {
        List<? extends AbstractQuery<?, ?>> parts = null;
        if (query instanceof TaskQueryImpl task) {
            parts = task.getQueries();
        } else if (query instanceof HistoricTaskInstanceQueryImpl historicTask) {
            parts = historicTask.getQueries();
        } else if (query instanceof HistoricProcessInstanceQueryImpl historicProcess) {
            parts = historicProcess.getQueries();
        }
        return parts == null ? List.of(query) : parts;
    }
}
