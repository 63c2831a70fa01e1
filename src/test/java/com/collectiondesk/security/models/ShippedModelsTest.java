package com.collectiondesk.security.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.security.models.ModelRules.Models;
import java.nio.file.Path;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.junit.jupiter.api.Test;

/**
 * The models in bpmn/, dmn/, forms/ and element-templates/ keep the rules that make them trustworthy in
 * Camunda Modeler and at deployment; each failure names the file and the element. bpmnlint (.ci/lint-models)
 * checks the BPMN style rules on top.
 */
class ShippedModelsTest {

    private static final Models MODELS = Models.of(Path.of(""));
    private static final Set<String> DELEGATES = ModelRules.delegateBeans();

    @Test
    void theModelsAreAllHere() {
        assertThat(MODELS.resources().keySet()).contains("bpmn/delinquency-ticket.bpmn", "bpmn/delinquency-scan.bpmn",
                "dmn/collection-strategy.dmn", "dmn/ticket-segment.dmn", "forms/call-debtor.form");
        assertThat(MODELS.templates()).isNotEmpty();
        assertThat(DELEGATES).contains("notifyErpDelegate", "sendOutreachDelegate", "recordCallDelegate");
    }

    @Test
    void everyModelDeclaresCamundaPlatformOfTheEnginesVersion() {
        assertThat(ModelRules.executionPlatform(MODELS, ProductPropertiesUtil.getProductVersion())).isEmpty();
    }

    @Test
    void everyModelIsValidForTheEnginesParser() {
        assertThat(ModelRules.schema(MODELS)).isEmpty();
    }

    @Test
    void everyFlowNodeAndFlowIsDrawnWhereItIsWithItsLabel() {
        assertThat(ModelRules.diagram(MODELS)).isEmpty();
    }

    @Test
    void everyExpressionDelegateAndDecisionOutputPassesTheDeploymentGuard() {
        ExpressionNames names = new ExpressionNames(DELEGATES, ModelRules.componentBeans()::contains);
        assertThat(ModelRules.guard(MODELS, names)).isEmpty();
        assertThat(ModelRules.segmentsAgree(MODELS)).isEmpty();
    }

    @Test
    void everyFormAUserTaskOpensIsInTheDeployment() {
        assertThat(ModelRules.formReferences(MODELS)).isEmpty();
    }

    @Test
    void everyElementTemplateBindsADelegateOfTheServiceAndTheTasksUsingItMatchIt() {
        assertThat(ModelRules.elementTemplates(MODELS, DELEGATES)).isEmpty();
    }

    @Test
    void everyErpNoticeAndSendHasAnAsyncBoundaryOnBothSides() {
        assertThat(ModelRules.onceOnlySteps(MODELS)).isEmpty();
    }
}
