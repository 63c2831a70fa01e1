package com.collectiondesk.strategy;

import com.collectiondesk.ticket.ProcessTickets;
import com.collectiondesk.ticket.TicketProcess;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the segment decision's inputs and outputs onto the ticket and its timeline. */
@Component
class RecordSegmentDelegate implements JavaDelegate {

    private final StrategyPlanner planner;
    private final DecisionVersions versions;
    private final ProcessTickets processTickets;

    RecordSegmentDelegate(StrategyPlanner planner, DecisionVersions versions, ProcessTickets processTickets) {
        this.planner = planner;
        this.versions = versions;
        this.processTickets = processTickets;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        Map<String, Object> decision = (Map<String, Object>) execution.getVariable(TicketProcess.SEGMENT_DECISION);
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (String input : new String[] {TicketProcess.MAX_DPD, TicketProcess.OVERDUE_AMOUNT, TicketProcess.PRODUCT_TYPE,
                TicketProcess.BROKEN_PROMISES, TicketProcess.RISK_SCORE}) {
            inputs.put(input, execution.getVariable(input));
        }
        String segment = (String) decision.get("segment");
        Number priority = (Number) decision.get("priority");
        planner.applySegment(processTickets.idOf(execution), inputs, segment,
                priority == null ? null : priority.intValue(), versions.latest(Decisions.TICKET_SEGMENT));
        execution.setVariable(TicketProcess.SEGMENT, segment);
    }
}
