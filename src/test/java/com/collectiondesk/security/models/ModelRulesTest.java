package com.collectiondesk.security.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.security.models.ModelRules.Models;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each model rule catches a deliberate break in a copy of the shipped models, with a message naming file and element. */
class ModelRulesTest {

    private static final String TICKET = "bpmn/delinquency-ticket.bpmn";
    private static final Models MODELS = Models.of(Path.of(""));
    private static final Set<String> DELEGATES = ModelRules.delegateBeans();

    @Test
    void aFlowNodeWithoutItsShapeIsNamed() {
        Models broken = MODELS.with(TICKET, MODELS.text(TICKET).replaceFirst(
                "(?s)<bpmndi:BPMNShape id=\"call-debtor_di\".*?</bpmndi:BPMNShape>", ""));

        assertThat(ModelRules.diagram(broken)).containsExactly(TICKET + ": userTask 'call-debtor' has no BPMNShape");
    }

    @Test
    void aBoundaryEventDrawnAwayFromItsFlowIsNamedWithTheDistance() {
        Models broken = MODELS.with(TICKET, MODELS.text(TICKET).replace(
                "<dc:Bounds x=\"1682\" y=\"482\" width=\"36\" height=\"36\" />", "<dc:Bounds x=\"2022\" y=\"482\" width=\"36\" height=\"36\" />"));

        assertThat(ModelRules.diagram(broken))
                .containsExactly(TICKET + ": sequence flow 'f-dispute-boundary' starts at (1700,518), 322 px away from 'dispute-raised'");
    }

    @Test
    void aLabelledFlowWithoutLabelBoundsAndAnOversizedTimerAreNamed() {
        String scan = "bpmn/delinquency-scan.bpmn";
        Models broken = MODELS.with(TICKET, MODELS.text(TICKET).replaceFirst(
                        "(?s)(<bpmndi:BPMNEdge id=\"f-s-call_di\" bpmnElement=\"f-s-call\">.*?)<bpmndi:BPMNLabel>.*?</bpmndi:BPMNLabel>", "$1"))
                .with(scan, MODELS.text(scan).replace("<dc:Bounds x=\"132\" y=\"102\" width=\"36\" height=\"36\" />",
                        "<dc:Bounds x=\"132\" y=\"102\" width=\"100\" height=\"80\" />"));

        assertThat(ModelRules.diagram(broken)).contains(
                TICKET + ": sequence flow 'f-s-call' (\"call\") has no label bounds",
                scan + ": startEvent 'every-morning' is drawn 100x80, not the standard 36x36");
    }

    @Test
    void anExpressionOutsideTheSubsetAndATypoInAChannelAreRefusedAsAtDeployment() {
        String strategy = "dmn/collection-strategy.dmn";
        Models broken = MODELS.with(TICKET, MODELS.text(TICKET).replace("${stepChannel == &#x27;CALL&#x27;}",
                        "${stepChannel.toString() == &#x27;CALL&#x27;}"))
                .with(strategy, MODELS.text(strategy).replace("<text>&quot;LETTER&quot;</text>", "<text>&quot;LETTR&quot;</text>"));
        ExpressionNames names = new ExpressionNames(DELEGATES, ModelRules.componentBeans()::contains);

        assertThat(ModelRules.guard(broken, names)).containsExactlyInAnyOrder(
                strategy + ": has the output 'LETTR' in rule 'collection-strategy-rule-3' of decision 'collection-strategy', column 'channel',"
                        + " which allows only 'SMS', 'EMAIL', 'CALL', 'LETTER', 'VOICE', 'ESCALATE', 'BLOCK_SERVICE' — " + DmnCheck.OUTPUT_VALUES,
                TICKET + ": conditionExpression in 'f-s-call' has the expression '${stepChannel.toString() == 'CALL'}':"
                        + " method calls ('stepChannel.toString(') are not allowed — " + Refusal.EXPRESSIONS);
    }

    @Test
    void aRuleWithoutAnEntryForEveryColumnIsNamedWithTheColumnNotTheEnginesObject() {
        String strategy = "dmn/collection-strategy.dmn";
        Models noFee = MODELS.with(strategy, MODELS.text(strategy)
                .replace("<outputEntry id=\"collection-strategy-rule-1-out-3\"><text></text></outputEntry>", ""));
        Models noSegment = MODELS.with(strategy, MODELS.text(strategy).replaceFirst(
                "<inputEntry id=\"collection-strategy-rule-2-in-0\">\\s*<text>[^<]*</text>\\s*</inputEntry>", ""));
        ExpressionNames names = new ExpressionNames(DELEGATES, ModelRules.componentBeans()::contains);

        assertThat(ModelRules.guard(noFee, names)).containsExactly(strategy + ": has rule 'collection-strategy-rule-1' of decision"
                + " 'collection-strategy' with 3 output entries for 4 output columns (no entry for 'fee') — " + DmnCheck.ENTRIES);
        assertThat(ModelRules.guard(noSegment, names)).containsExactly(strategy + ": has rule 'collection-strategy-rule-2' of decision"
                + " 'collection-strategy' with 1 input entries for 2 inputs — " + DmnCheck.ENTRIES);
    }

    @Test
    void aSegmentTheStrategyDoesNotKnowIsNamed() {
        String segment = "dmn/ticket-segment.dmn";
        Models broken = MODELS.with(segment, MODELS.text(segment).replace("<text>\"STANDARD\",\"SOFT\",\"HARD\",\"B2B\"</text>",
                "<text>\"STANDARD\",\"SOFT\",\"HARD\",\"B2B\",\"VIP\"</text>"));

        assertThat(ModelRules.segmentsAgree(broken)).containsExactly("dmn/ticket-segment.dmn gives the segments [\"STANDARD\", \"SOFT\","
                + " \"HARD\", \"B2B\", \"VIP\"], but dmn/collection-strategy.dmn's Segment column allows [\"STANDARD\", \"SOFT\", \"HARD\", \"B2B\"]");
    }

    @Test
    void aMissingFormAWrongPlatformAndAnInvalidElementOrderAreNamed() {
        Models broken = MODELS.with(TICKET, MODELS.text(TICKET)
                .replace("camunda:formRef=\"call-debtor\"", "camunda:formRef=\"call-debtr\"")
                .replace("modeler:executionPlatformVersion=\"7.24.0\"", "modeler:executionPlatformVersion=\"7.23.0\"")
                .replaceFirst("(?s)(<bpmn:userTask id=\"call-debtor\"[^>]*>)\\s*(<bpmn:documentation>.*?</bpmn:documentation>)"
                        + "(\\s*<bpmn:extensionElements>.*?</bpmn:extensionElements>)", "$1$3$2"));

        assertThat(ModelRules.formReferences(broken)).singleElement().asString()
                .startsWith(TICKET + ": 'call-debtor' has camunda:formRef 'call-debtr', but no form of the deployment has that id");
        assertThat(ModelRules.executionPlatform(broken, "7.24.0"))
                .containsExactly(TICKET + ": declares the execution platform Camunda Platform 7.23.0, not Camunda Platform 7.24.0");
        assertThat(ModelRules.schema(broken)).singleElement().asString()
                .startsWith(TICKET + ": is not valid BPMN (").contains("documentation");
    }

    @Test
    void aTemplateOnATaskWithOtherValuesAndATemplateDelegateThatIsNoBeanAreNamed() {
        Models broken = MODELS.with(TICKET, MODELS.text(TICKET).replace(
                "<camunda:inputParameter name=\"erpEvent\">DISPUTE</camunda:inputParameter>", "<camunda:inputParameter name=\"erpEvent\">DISPUTED</camunda:inputParameter>"));
        Set<String> withoutErp = new HashSet<>(DELEGATES);
        withoutErp.remove("notifyErpDelegate");

        assertThat(ModelRules.elementTemplates(broken, DELEGATES)).containsExactly(TICKET + ": 'notify-erp-dispute' (template"
                + " com.collectiondesk.tell-erp) has erpEvent 'DISPUTED', the template allows [OPENED, PROMISE, DISPUTE, CLOSED, BLOCK_SERVICE, UNBLOCK_SERVICE]");
        assertThat(ModelRules.elementTemplates(MODELS, withoutErp)).containsExactly("element-templates/collection-desk.json:"
                + " template 'com.collectiondesk.tell-erp' binds the delegate '${notifyErpDelegate}', which is not a delegate bean of the service");
    }

    @Test
    void anErpNoticeWithoutItsAsyncBoundaryAfterIsNamed() {
        Models broken = MODELS.with(TICKET, MODELS.text(TICKET).replaceFirst(
                "(<bpmn:serviceTask id=\"notify-erp-promise\"[^>]*?) camunda:asyncAfter=\"true\"", "$1"));

        assertThat(ModelRules.onceOnlySteps(broken)).containsExactly(TICKET + ": 'notify-erp-promise' calls ${notifyErpDelegate} without"
                + " camunda:asyncBefore, camunda:asyncAfter and a retry cycle (before true, after false, retry cycle true)");
    }
}
