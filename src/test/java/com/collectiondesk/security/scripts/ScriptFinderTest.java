package com.collectiondesk.security.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScriptFinderTest {

    private static final String BPMN_HEAD = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"><process id=\"p\">";
    private static final String BPMN_TAIL = "</process></definitions>";

    @Test
    void findsAScriptConditionOnASequenceFlow() {
        String flow = "<sequenceFlow id=\"toApprove\" sourceRef=\"a\" targetRef=\"b\">"
                + "<conditionExpression language=\"groovy\">amount &gt; 5</conditionExpression></sequenceFlow>";

        assertThat(find("x.bpmn", BPMN_HEAD + flow + BPMN_TAIL))
                .contains("contains a conditionExpression in the script language 'groovy' in 'toApprove'");
    }

    @Test
    void findsAnExternalScriptResource() {
        String task = "<serviceTask id=\"call\"><extensionElements><camunda:inputOutput>"
                + "<camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"js\" camunda:resource=\"classpath://a.js\"/>"
                + "</camunda:inputParameter></camunda:inputOutput></extensionElements></serviceTask>";

        assertThat(find("x.bpmn", BPMN_HEAD + task + BPMN_TAIL)).contains("contains a camunda:script in 'call'");
        assertThat(find("y.bpmn", BPMN_HEAD + "<userTask id=\"u\" camunda:resource=\"deployment://s.groovy\"/>" + BPMN_TAIL))
                .contains("contains a camunda:resource script reference in 'u'");
    }

    @Test
    void findsScriptFilesByTheirName() {
        assertThat(find("scripts/rules.JS", "1")).contains("is a script file (.js)");
        assertThat(find("templates/letter.ftl", "x")).contains("is a script file (.ftl)");
        assertThat(find("forms/call-debtor.form", "{\"components\":[]}")).isEmpty();
    }

    @Test
    void refusesADtdInsteadOfResolvingIt() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\" name=\"&x;\"/></definitions>";

        assertThat(find("xxe.bpmn", xxe)).contains("declares a DTD, which models may not use");
    }

    @Test
    void acceptsFeelAndJuelDecisionsButNotScriptLanguages() {
        String dmn = "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" "
                + "expressionLanguage=\"%s\"><decision id=\"dec\"><decisionTable id=\"t\"><input id=\"i\">"
                + "<inputExpression id=\"ie\" expressionLanguage=\"juel\"><text>a</text></inputExpression></input>"
                + "</decisionTable></decision></definitions>";

        assertThat(find("ok.dmn", dmn.formatted("https://www.omg.org/spec/DMN/20191111/FEEL/"))).isEmpty();
        assertThat(find("ok.dmn", dmn.formatted("feel"))).isEmpty();
        assertThat(find("bad.dmn", dmn.formatted("Groovy")))
                .contains("contains a DMN definitions in the script language 'Groovy' in 'd'");
    }

    @Test
    void aCleanModelHasNoScript() {
        String model = "<serviceTask id=\"send\" camunda:delegateExpression=\"${sendLetter}\"/>"
                + "<sequenceFlow id=\"f\" sourceRef=\"a\" targetRef=\"b\"><conditionExpression>${amount > 5}</conditionExpression></sequenceFlow>";

        assertThat(find("clean.bpmn", BPMN_HEAD + model + BPMN_TAIL)).isEmpty();
    }

    private static java.util.Optional<String> find(String name, String content) {
        return ScriptFinder.find(name, content.getBytes(StandardCharsets.UTF_8));
    }
}
