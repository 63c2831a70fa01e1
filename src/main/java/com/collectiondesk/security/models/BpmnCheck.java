package com.collectiondesk.security.models;

import com.collectiondesk.security.models.ModelXml.Element;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamReader;

/**
 * Checks one BPMN resource: no scripts, no Java class names, delegates only from this service, every
 * expression in the {@link JuelSubset}, Camunda Forms only, and start events that fire without a caller
 * (timer, message, signal, conditional) only in the service's own processes.
 */
final class BpmnCheck implements ModelXml.Visitor {

    private static final Set<String> TRIGGERED_START = Set.of(
            "timerEventDefinition", "messageEventDefinition", "signalEventDefinition", "conditionalEventDefinition");
    private static final Set<String> TIMERS = Set.of("timeDate", "timeDuration", "timeCycle");
    private static final Set<String> GENERATED_FORMS = Set.of("formData", "formField", "formProperty");

    private final ExpressionNames names;
    private final Set<String> ownProcessKeys;
    private String processKey = "";

    private BpmnCheck(ExpressionNames names, Set<String> ownProcessKeys) {
        this.names = names;
        this.ownProcessKeys = ownProcessKeys;
    }

    static Optional<Refusal> check(byte[] content, ExpressionNames names, Set<String> ownProcessKeys) {
        return ModelXml.walk(content, new BpmnCheck(names, ownProcessKeys));
    }

    /** The ids of the processes in one BPMN resource. */
    static Set<String> processKeys(byte[] content) {
        Set<String> keys = new HashSet<>();
        ModelXml.walk(content, new ModelXml.Visitor() {
            @Override
            public Optional<Refusal> start(XMLStreamReader xml, Element element) {
                if (element.isBpmn("process") && element.ownId() != null) {
                    keys.add(element.ownId());
                }
                return Optional.empty();
            }

            @Override
            public Optional<Refusal> end(Element element, String text) {
                return Optional.empty();
            }
        });
        return keys;
    }

    @Override
    public Optional<Refusal> start(XMLStreamReader xml, Element element) {
        if (element.isBpmn("process")) {
            processKey = element.ownId() == null ? "" : element.ownId();
        }
        Optional<Refusal> refusal = elementRefusal(element);
        for (int i = 0; refusal.isEmpty() && i < xml.getAttributeCount(); i++) {
            refusal = attributeRefusal(element, xml.getAttributeNamespace(i), xml.getAttributeLocalName(i), xml.getAttributeValue(i));
        }
        return refusal;
    }

    @Override
    public Optional<Refusal> end(Element element, String text) {
        try {
            if (isTimer(element)) {
                TimerValues.check(element.name(), text, names);
            } else if (JuelSubset.containsExpression(text)) {
                JuelSubset.check(text, names);
            }
            return Optional.empty();
        } catch (NotAllowed reason) {
            return Optional.of(Refusal.expression(element.describe() + " has the expression '" + text.trim() + "': " + reason.getMessage()));
        }
    }

    private Optional<Refusal> elementRefusal(Element element) {
        String in = element.scopeId().isEmpty() ? "" : " in '" + element.scopeId() + "'";
        if (element.isBpmn("scriptTask")) {
            return Optional.of(Refusal.script("contains a script task '" + element.scopeId() + "'"));
        }
        if (element.isCamunda() && element.name().equals("script")) {
            return Optional.of(Refusal.script("contains a camunda:script" + in));
        }
        if (element.isCamunda() && element.name().equals("connector")) {
            return Optional.of(new Refusal("contains a camunda:connector" + in, Refusal.DELEGATES));
        }
        if (element.isCamunda() && GENERATED_FORMS.contains(element.name())) {
            return Optional.of(new Refusal("contains a generated form (camunda:" + element.name() + ")" + in, Refusal.FORMS));
        }
        Element parent = element.parent();
        if (TRIGGERED_START.contains(element.name()) && ModelXml.BPMN.equals(element.namespace())
                && parent != null && parent.isBpmn("startEvent") && parent.parent() != null && parent.parent().isBpmn("process")
                && !ownProcessKeys.contains(processKey)) {
            String kind = element.name().replace("EventDefinition", "");
            return Optional.of(new Refusal("has a " + kind + " start event '" + parent.scopeId() + "' in process '" + processKey
                    + "', which is not one of the service's own processes " + ownProcessKeys,
                    "timer, message, signal and conditional start events would run without anyone's permission to start the process;"
                            + " use a plain start event."));
        }
        return Optional.empty();
    }

    private Optional<Refusal> attributeRefusal(Element element, String namespace, String name, String value) {
        boolean camunda = ModelXml.isCamundaNamespace(namespace) || element.isCamunda() && (namespace == null || namespace.isEmpty());
        String label = (ModelXml.isCamundaNamespace(namespace) ? "camunda:" : "") + name;
        String in = element.scopeId().isEmpty() ? "" : " in '" + element.scopeId() + "'";
        if (camunda && (name.equals("class") || name.equals("variableMappingClass"))) {
            return Optional.of(new Refusal(element.describe() + " names the Java class '" + value + "' in " + label, Refusal.DELEGATES));
        }
        if (camunda && name.equals("resource")) {
            return Optional.of(Refusal.script("contains a camunda:resource script reference" + in));
        }
        if (camunda && name.equals("formKey")) {
            return formKeyRefusal(element, value);
        }
        if (ModelXml.BPMN.equals(element.namespace()) && name.equals("language") && !value.isBlank()) {
            return Optional.of(Refusal.script("contains a " + element.name() + " in the script language '" + value + "'" + in));
        }
        try {
            if (camunda && (name.equals("delegateExpression") || name.equals("variableMappingDelegateExpression"))) {
                checkDelegate(value);
            } else if (JuelSubset.containsExpression(value)) {
                JuelSubset.check(value, names);
            }
            return Optional.empty();
        } catch (NotAllowed reason) {
            return Optional.of(new Refusal(element.describe() + " has " + label + " '" + value + "': " + reason.getMessage(),
                    name.endsWith("elegateExpression") ? Refusal.DELEGATES : Refusal.EXPRESSIONS));
        }
    }

    private void checkDelegate(String value) throws NotAllowed {
        JuelSubset.Parsed parsed = JuelSubset.parse(value);
        String sole = parsed.isOneEvaluation() ? parsed.evaluations().get(0).soleReference() : null;
        if (sole == null || sole.contains(".")) {
            throw new NotAllowed("a delegate expression must be ${beanName}");
        }
        names.checkDelegate(sole);
    }

    /** Embedded and app forms run their own HTML and JavaScript in the user's Tasklist session. */
    private static Optional<Refusal> formKeyRefusal(Element element, String value) {
        if (value.startsWith("camunda-forms:deployment:") && !JuelSubset.containsExpression(value)) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(element.describe() + " has the form key '" + value
                + "'; embedded, app and external forms are not allowed", Refusal.FORMS));
    }

    private static boolean isTimer(Element element) {
        return ModelXml.BPMN.equals(element.namespace()) && TIMERS.contains(element.name());
    }
}
