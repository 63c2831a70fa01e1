package com.collectiondesk.support;

import com.collectiondesk.ticket.TicketProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The bare engine running our ticket process's shape: the shipped {@code bpmn/delinquency-ticket.bpmn} under
 * another key with every delegate and listener replaced by a no-op, so the async boundaries, gateways, timers
 * and the two DMN tables (the deployed ones, by reference) are ours and only our Java is missing. What the
 * delegates would compute is given as start variables, so every gateway takes the path a real ticket takes.
 * Needs {@link NoOpConfiguration} in the Spring context (the model guard accepts only delegate beans).
 */
public final class BareTicketProcess {

    public static final String KEY = "bare-delinquency-ticket";
    static final String NO_OP = "bareNoOpDelegate";

    private final ProcessEngine engine;

    private BareTicketProcess(ProcessEngine engine) {
        this.engine = engine;
    }

    public static BareTicketProcess deploy(ProcessEngine engine) {
        String bare = shippedModel().replace("\"" + TicketProcess.KEY + "\"", "\"" + KEY + "\"")
                .replaceAll("delegateExpression=\"\\$\\{[A-Za-z]+}\"", "delegateExpression=\"\\${" + NO_OP + "}\"");
        engine.getRepositoryService().createDeployment().name("benchmark-bare-shape")
                .addString("bare/" + KEY + ".bpmn", bare).deploy();
        return new BareTicketProcess(engine);
    }

    /** {@code count} tickets from their start (ERP sync job, ERP notice jobs, both decisions) to the step timer. */
    public void startAtOpening(int count, Instant stepDueAt) {
        for (int i = 0; i < count; i++) {
            engine.getRuntimeService().startProcessInstanceByKey(KEY, "BARE-" + i, variables("SMS", stepDueAt));
        }
    }

    /** {@code count} tickets at their send job (as the outreach benchmark starts ours), the next step in a day. */
    public void startAtSend(int count, String channel, Instant stepDueAt) {
        for (int i = 0; i < count; i++) {
            engine.getRuntimeService().createProcessInstanceByKey(KEY).businessKey("BARE-" + channel + "-" + i)
                    .setVariables(variables(channel, stepDueAt)).startBeforeActivity(TicketProcess.SEND_OUTREACH).execute();
        }
    }

    /** Bare tickets waiting for their (next) step's timer. */
    public long waitingForStep() {
        return engine.getRuntimeService().createExecutionQuery().processDefinitionKey(KEY)
                .activityId(TicketProcess.WAIT_FOR_STEP).count();
    }

    /** Removes every bare ticket, so the next run (ours or bare) starts on the same job and execution tables. */
    public void deleteAll() {
        List<String> ids;
        while (!(ids = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).listPage(0, 1000)
                .stream().map(ProcessInstance::getId).toList()).isEmpty()) {
            engine.getRuntimeService().deleteProcessInstances(ids, "benchmark baseline done", true, true, true);
        }
    }

    private static Map<String, Object> variables(String channel, Instant stepDueAt) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TicketProcess.OVERDUE_LEFT, true);
        variables.put(TicketProcess.MAX_DPD, 75);
        variables.put(TicketProcess.OVERDUE_AMOUNT, 300.0);
        variables.put(TicketProcess.PRODUCT_TYPE, "CONSUMER_LOAN");
        variables.put(TicketProcess.BROKEN_PROMISES, 0);
        variables.put(TicketProcess.RISK_SCORE, 500);
        variables.put(TicketProcess.SEGMENT, "STANDARD");
        variables.put(TicketProcess.STEP_INDEX, 0);
        variables.put(TicketProcess.STEP_CHANNEL, channel);
        variables.put(TicketProcess.STEP_DUE_AT, Date.from(stepDueAt));
        variables.put(TicketProcess.CONTACT_VERDICT, "ALLOWED");
        variables.put(TicketProcess.STRATEGY_OUTCOME, "");
        return variables;
    }

    private static String shippedModel() {
        try (InputStream in = BareTicketProcess.class.getResourceAsStream("/bpmn/" + TicketProcess.KEY + ".bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one bean every bare delegate, execution listener and task listener expression names. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class NoOpConfiguration {

        @Bean(NO_OP)
        NoOp bareNoOpDelegate() {
            return new NoOp();
        }
    }

    static final class NoOp implements JavaDelegate, ExecutionListener, TaskListener {

        @Override
        public void execute(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateTask task) {
        }
    }
}
