package com.collectiondesk.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainMessagesTest {

    @Test
    void wrappedExceptionNamesAndPackagesAreRemovedAndTheMessageKept() {
        assertThat(PlainMessages.of("org.camunda.bpm.engine.ProcessEngineException: ENGINE-22004 Unable to transform DMN resource 'dmn/x.dmn'."))
                .isEqualTo("ENGINE-22004 Unable to transform DMN resource 'dmn/x.dmn'.");
        assertThat(PlainMessages.of("Cannot convert value 'abc' of type 'Long' to java type java.lang.Long"))
                .isEqualTo("Cannot convert value 'abc' of type 'Long' to java type Long");
        assertThat(PlainMessages.of("Cannot submit task form 7: NullPointerException: boom"))
                .isEqualTo("Cannot submit task form 7: boom");
    }

    @Test
    void jacksonsReferenceChainIsDropped() {
        assertThat(PlainMessages.of("Cannot deserialize value of type `java.lang.Long` from String \"abc\""
                + " (through reference chain: org.camunda.bpm.engine.rest.dto.VariableValueDto[\"value\"])"))
                .isEqualTo("Cannot deserialize value of type `Long` from String \"abc\"");
    }

    @Test
    void stackTraceLinesAreDropped() {
        assertThat(PlainMessages.of("promiseDate: 2026-01-01 is in the past\n\tat com.collectiondesk.X.y(X.java:1)\n\tat a.b.C.d(C.java:2)"))
                .isEqualTo("promiseDate: 2026-01-01 is in the past");
    }

    @Test
    void filesAddressesAndErrorsWordsAreLeftAlone() {
        String message = "ENGINE-09005 Could not parse BPMN process. Errors: * cvc-elt.1.a | resource bpmn/broken.bpmn | line 1";
        assertThat(PlainMessages.of(message)).isEqualTo(message);
        assertThat(PlainMessages.of("   ")).isNull();
        assertThat(PlainMessages.of(null)).isNull();
    }
}
