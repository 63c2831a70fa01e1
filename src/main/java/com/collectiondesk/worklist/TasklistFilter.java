package com.collectiondesk.worklist;

import com.collectiondesk.ticket.TicketProcess;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.task.TaskQuery;

/** One saved Tasklist filter: its name (its identity), its query, where it sits, and the groups that see it. */
record TasklistFilter(String name, String description, int position, UnaryOperator<TaskQuery> query, List<String> groups) {

    /** The ticket's facts the task list shows on every card (task variables set by showTicketFactsDelegate). */
    static final List<Map<String, String>> TICKET_VARIABLES = List.of(
            Map.of("name", "ticketNumber", "label", "Ticket"),
            Map.of("name", "debtorName", "label", "Debtor"),
            Map.of("name", "overdue", "label", "Overdue amount"),
            Map.of("name", "maxDpd", "label", "DPD"),
            // set on call tasks only (CallWindows): "Callable now" or "Next callable at 08:00 (debtor's time, …)"
            Map.of("name", TicketProcess.CALL_WINDOW, "label", "Call"));

    Map<String, Object> properties() {
        return Map.of("description", description, "priority", position, "refresh", true,
                "showUndefinedVariable", false, "variables", TICKET_VARIABLES);
    }
}
