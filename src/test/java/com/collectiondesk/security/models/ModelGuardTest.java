package com.collectiondesk.security.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.junit.jupiter.api.Test;

/** The checks on single resources, without an engine; HostileModelTest deploys the corpus through engine REST. */
class ModelGuardTest {

    private static final String BPMN_HEAD = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"><process id=\"p\">";
    private static final String BPMN_TAIL = "</process></definitions>";
    private static final ExpressionNames NAMES = new ExpressionNames(Set.of("sendLetter"), Set.of("dataSource", "sendLetter")::contains);

    private final ModelGuard guard = new ModelGuard(new SizeCaps(1_000, 1_500), () -> NAMES, () -> Set.of("ours"));

    @Test
    void findsAScriptConditionOnASequenceFlow() {
        String flow = "<sequenceFlow id=\"toApprove\" sourceRef=\"a\" targetRef=\"b\">"
                + "<conditionExpression language=\"groovy\">amount &gt; 5</conditionExpression></sequenceFlow>";

        assertThat(problem("x.bpmn", BPMN_HEAD + flow + BPMN_TAIL))
                .contains("contains a conditionExpression in the script language 'groovy' in 'toApprove'");
    }

    @Test
    void findsAnExternalScriptResource() {
        String task = "<serviceTask id=\"call\"><extensionElements><camunda:inputOutput>"
                + "<camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"js\" camunda:resource=\"classpath://a.js\"/>"
                + "</camunda:inputParameter></camunda:inputOutput></extensionElements></serviceTask>";

        assertThat(problem("x.bpmn", BPMN_HEAD + task + BPMN_TAIL)).contains("contains a camunda:script in 'call'");
        assertThat(problem("y.bpmn", BPMN_HEAD + "<userTask id=\"u\" camunda:resource=\"deployment://s.groovy\"/>" + BPMN_TAIL))
                .contains("contains a camunda:resource script reference in 'u'");
    }

    @Test
    void findsScriptFilesByTheirNameAndRefusesEveryOtherFileType() {
        assertThat(problem("scripts/rules.JS", "1")).contains("is a script file (.js)");
        assertThat(problem("templates/letter.ftl", "x")).contains("is a script file (.ftl)");
        assertThat(problem("case.cmmn", "<x/>")).contains("is a .cmmn file");
        assertThat(problem("README", "x")).contains("has no file type");
        assertThat(problem("docs/flow.png", "\u0089PNG\r\n\u001a\n...")).isEmpty();
        assertThat(problem("docs/flow.gif", "<svg onload=alert(1)>")).contains("is not a .gif image");
    }

    @Test
    void refusesADtdInsteadOfResolvingIt() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\" name=\"&x;\"/></definitions>";

        assertThat(problem("xxe.bpmn", xxe)).contains("declares a DTD, which models may not use");
        assertThat(problem("xxe.dmn", xxe)).contains("declares a DTD, which models may not use");
    }

    @Test
    void acceptsFeelDecisionsOnlyNotJuelNorScriptLanguages() {
        String dmn = "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" "
                + "expressionLanguage=\"%s\"><decision id=\"dec\"><decisionTable id=\"t\"><input id=\"i\">"
                + "<inputExpression id=\"ie\" expressionLanguage=\"%s\"><text>a</text></inputExpression></input>"
                + "</decisionTable></decision></definitions>";

        assertThat(problem("ok.dmn", dmn.formatted("https://www.omg.org/spec/DMN/20191111/FEEL/", "feel"))).isEmpty();
        assertThat(problem("ok.dmn", dmn.formatted("http://www.omg.org/spec/FEEL/20140401", "FEEL"))).isEmpty();
        assertThat(problem("juel.dmn", dmn.formatted("feel", "juel")))
                .contains("contains a DMN inputExpression in the expression language 'juel' in 'ie'");
        assertThat(problem("bad.dmn", dmn.formatted("Groovy", "feel")))
                .contains("contains a DMN definitions in the script language 'Groovy' in 'd'");
    }

    @Test
    void aCleanModelPasses() {
        String model = "<serviceTask id=\"send\" camunda:delegateExpression=\"${sendLetter}\"/>"
                + "<sequenceFlow id=\"f\" sourceRef=\"a\" targetRef=\"b\"><conditionExpression>${amount > 5}</conditionExpression></sequenceFlow>";

        assertThat(problem("clean.bpmn", BPMN_HEAD + model + BPMN_TAIL)).isEmpty();
    }

    @Test
    void aVariableNamedLikeABeanIsRefusedOutsideADelegateExpression() {
        String flow = "<sequenceFlow id=\"f\" sourceRef=\"a\" targetRef=\"b\"><conditionExpression>${sendLetter == null}</conditionExpression></sequenceFlow>";

        assertThat(problem("bean.bpmn", BPMN_HEAD + flow + BPMN_TAIL))
                .contains("'sendLetter' names a bean of the service, not a process variable");
    }

    @Test
    void timersTakeIsoValuesCronOrOneVariable() {
        for (String timer : new String[] {"<timeDate>2026-12-24T09:00:00+02:00</timeDate>", "<timeDate>2026-12-24</timeDate>",
                "<timeDuration>P1DT2H</timeDuration>", "<timeCycle>R5/PT10M</timeCycle>", "<timeCycle>0 0 9 * * ?</timeCycle>",
                "<timeDate> ${dueAt} </timeDate>"}) {
            assertThat(problem("timer.bpmn", BPMN_HEAD + "<intermediateCatchEvent id=\"t\"><timerEventDefinition id=\"d\">"
                    + timer + "</timerEventDefinition></intermediateCatchEvent>" + BPMN_TAIL)).as(timer).isEmpty();
        }
        assertThat(problem("timer.bpmn", BPMN_HEAD + "<intermediateCatchEvent id=\"t\"><timerEventDefinition id=\"d\">"
                + "<timeDuration>tomorrow</timeDuration></timerEventDefinition></intermediateCatchEvent>" + BPMN_TAIL))
                .contains("timeDuration in 'd' has the expression 'tomorrow': 'tomorrow' is not an ISO-8601 duration");
    }

    @Test
    void aTimerStartEventIsAllowedInTheServicesOwnProcessesOnly() {
        String process = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"%s\">"
                + "<startEvent id=\"s\"><timerEventDefinition id=\"d\"><timeCycle>R/PT1H</timeCycle></timerEventDefinition></startEvent>"
                + "<subProcess id=\"sub\" triggeredByEvent=\"true\"><startEvent id=\"inner\"><timerEventDefinition id=\"i\">"
                + "<timeDuration>PT1H</timeDuration></timerEventDefinition></startEvent></subProcess></process></definitions>";

        assertThat(problem("ours.bpmn", process.formatted("ours"))).isEmpty();
        assertThat(problem("theirs.bpmn", process.formatted("theirs")))
                .contains("has a timer start event 's' in process 'theirs', which is not one of the service's own processes [ours]");
    }

    @Test
    void aFormKeyOtherThanACamundaFormIsRefused() {
        assertThat(problem("f.bpmn", BPMN_HEAD + "<userTask id=\"u\" camunda:formKey=\"camunda-forms:deployment:forms/a.form\"/>" + BPMN_TAIL)).isEmpty();
        assertThat(problem("f.bpmn", BPMN_HEAD + "<userTask id=\"u\" camunda:formKey=\"https://attacker.example/form\"/>" + BPMN_TAIL))
                .contains("userTask 'u' has the form key 'https://attacker.example/form'");
    }

    @Test
    void theDeploymentAsAWholeIsCappedToo() {
        DeploymentEntity deployment = new DeploymentEntity();
        deployment.setNew(true);
        for (String name : new String[] {"a.form", "b.form"}) {
            ResourceEntity resource = new ResourceEntity();
            resource.setName(name);
            resource.setBytes(new byte[800]);
            deployment.addResource(resource);
        }

        assertThatThrownBy(() -> guard.deploy(deployment)).isInstanceOf(BadUserRequestException.class)
                .hasMessage("Deployment refused: the deployment is 1600 bytes, more than the 1500 a deployment may have"
                        + " — the limit is collection.models.max-deployment-bytes.");
    }

    /** The refusal's problem, or "" when the resource passes. */
    private String problem(String name, String content) {
        return guard.refusal(name, content.getBytes(StandardCharsets.ISO_8859_1)).map(Refusal::problem).orElse("");
    }
}
