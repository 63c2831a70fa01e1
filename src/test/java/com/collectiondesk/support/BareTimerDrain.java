package com.collectiondesk.support;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The bare timer drain: due timer, a no-op service task, end. What the job executor does at the least per
 * timer job, on the same engine, pool and history settings as ours. Needs {@link BareTicketProcess.NoOpConfiguration}.
 */
public final class BareTimerDrain {

    public static final String KEY = "bare-timer-drain";

    private final ProcessEngine engine;

    private BareTimerDrain(ProcessEngine engine) {
        this.engine = engine;
    }

    public static BareTimerDrain deploy(ProcessEngine engine) {
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent("due").timerWithDate("${stepDueAt}")
                .serviceTask("no-op").camundaDelegateExpression("${" + BareTicketProcess.NO_OP + "}")
                .endEvent()
                .done();
        engine.getRepositoryService().createDeployment().name("benchmark-bare-timer")
                .addModelInstance("bare/" + KEY + ".bpmn", model).deploy();
        return new BareTimerDrain(engine);
    }

    /** {@code count} instances whose timer is due at {@code due}. */
    public void start(int count, Instant due) {
        for (int i = 0; i < count; i++) {
            engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of("stepDueAt", Date.from(due)));
        }
    }

    /** Instances still waiting for their timer or its job. */
    public long remaining() {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count();
    }
}
