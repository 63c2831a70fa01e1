package com.collectiondesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Defence in depth: whatever way an expression got in, at run time it cannot reach classes, reflection, the
 * engine's services or the environment; the expressions our models and Tasklist's filters use still work.
 */
@SecurityIntegrationTest
class RuntimeExpressionRestrictionTest {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ExpressionProbe probe;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "${''.getClass()}                                        | 'getClass' may not be used in an expression",
            "${''.class}                                             | 'class' may not be used in an expression",
            "${''.getClass().forName('java.lang.Runtime')}           | 'getClass' may not be used in an expression",
            "${expressionProbe.getClass().getClassLoader()}          | 'getClass' may not be used in an expression",
            "${environment.getProperty('PATH')}                      | 'environment' may not be used in an expression",
            "${systemEnvironment['PATH']}                            | 'systemEnvironment' may not be used in an expression",
            "${systemProperties['user.home']}                        | 'systemProperties' may not be used in an expression",
            "${runtimeService.createProcessInstanceQuery().count()}  | an expression may not use 'createProcessInstanceQuery' of a engine service",
            "${taskService.createTaskQuery().list()}                 | an expression may not use 'createTaskQuery' of a engine service",
            "${identityService.createUserQuery().list()}             | an expression may not use 'createUserQuery' of a engine service",
    })
    void isRefusedWhenEvaluated(String expression, String reason) {
        int before = probe.evaluations();

        assertThatThrownBy(() -> ExpressionProbe.evaluate(processEngine, expression.trim()))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Expression refused: " + reason.trim()
                        + " (classes, reflection, threads, processes, engine services and the environment are out of reach).");
        assertThat(probe.evaluations()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "${execution.getProcessEngineServices().getRuntimeService()} | 'getProcessEngineServices' may not be used in an expression",
            "${execution.processEngine.name}                              | 'processEngine' may not be used in an expression",
            "${execution.getClass().getClassLoader()}                     | 'getClass' may not be used in an expression",
    })
    void isRefusedAtDeploymentAndAgainstALiveExecution(String expression, String reason) {
        BpmnModelInstance hostile = Bpmn.createExecutableProcess("hostileExpression").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("hostile").camundaExpression(expression.trim()).endEvent().done();
        // the first line: the model guard refuses the model before the engine parses it
        assertThatThrownBy(() -> repositoryService.createDeployment().name("hostile-expression")
                .addModelInstance("hostile.bpmn", hostile).deploy())
                .hasMessageContaining("Deployment refused: hostile.bpmn serviceTask 'hostile'");
        // the second line: had it got in, the expression would fail in the scope of a real execution
        BpmnModelInstance waiting = Bpmn.createExecutableProcess("waitingProcess").camundaHistoryTimeToLive(1)
                .startEvent().userTask("wait").endEvent().done();
        repositoryService.createDeployment().name("waiting").addModelInstance("waiting.bpmn", waiting).deploy();
        String executionId = runtimeService.startProcessInstanceByKey("waitingProcess").getId();

        assertThatThrownBy(() -> ExpressionProbe.evaluateIn(processEngine, executionId, expression.trim()))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Expression refused: " + reason.trim());
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("hostileExpression").count()).isZero();
    }

    @Test
    void theExpressionsOurModelsAndTasklistUseStillWork() {
        assertThat(ExpressionProbe.evaluate(processEngine, "${dateTime().plusDays(1).withTimeAtStartOfDay().toDate()}"))
                .isInstanceOf(Date.class);
        assertThat(ExpressionProbe.evaluate(processEngine, "${now()}")).isInstanceOf(Date.class);
        int before = probe.evaluations();
        assertThat(ExpressionProbe.evaluate(processEngine, ExpressionProbe.EXPRESSION)).isInstanceOf(Date.class);
        assertThat(probe.evaluations()).isEqualTo(before + 1);

        BpmnModelInstance model = Bpmn.createExecutableProcess("allowedExpressions").camundaHistoryTimeToLive(1)
                .startEvent().exclusiveGateway("channel")
                .condition("sms", "${stepChannel == 'SMS'}")
                .userTask("wait").camundaDueDate("${stepDueAt}").endEvent()
                .moveToNode("channel").condition("other", "${stepChannel != 'SMS'}").endEvent().done();
        repositoryService.createDeployment().name("allowed-expressions").addModelInstance("allowed.bpmn", model).deploy();

        String id = runtimeService.startProcessInstanceByKey("allowedExpressions",
                Map.of("stepChannel", "SMS", "stepDueAt", new Date(0))).getId();

        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getDueDate())
                .isEqualTo(new Date(0));
    }
}
