package com.collectiondesk.security.models;

/**
 * Why a resource may not be deployed: {@code problem} names the element and the expression, {@code hint}
 * says what models may use instead.
 */
record Refusal(String problem, String hint) {

    static final String SCRIPTS = "scripts are not allowed in Collection Desk models; use a Java delegate.";
    static final String EXPRESSIONS = "expressions may only read process variables and compare them with literals"
            + " (==, !=, <, >, <=, >=, &&, ||, !, empty); see README, Security.";
    static final String DELEGATES = "models may call only this service's delegates, as camunda:delegateExpression=\"${…Delegate}\".";
    static final String FORMS = "user tasks use Camunda Forms: camunda:formRef naming a .form of the deployment.";
    static final String XML = "models are plain BPMN or DMN XML.";
    static final String FEEL = "decisions use FEEL only.";

    static Refusal script(String problem) {
        return new Refusal(problem, SCRIPTS);
    }

    static Refusal expression(String problem) {
        return new Refusal(problem, EXPRESSIONS);
    }
}
