package com.collectiondesk.security.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The rules an analyst's models must keep to be trusted in Camunda Modeler, each returning its violations
 * ("file: what is wrong") so a test lists them all at once. {@link ShippedModelsTest} applies them to the
 * models in bpmn/, dmn/, forms/ and element-templates/; {@link ModelRulesTest} shows each one catching a break.
 */
final class ModelRules {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final String MODELER = "http://camunda.org/schema/modeler/1.0";
    static final String PLATFORM = "Camunda Platform";
    /** Elements drawn as shapes; sequence flows are edges. */
    private static final Set<String> FLOW_NODES = Set.of("startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent",
            "boundaryEvent", "task", "serviceTask", "userTask", "businessRuleTask", "sendTask", "receiveTask", "manualTask",
            "scriptTask", "callActivity", "subProcess", "transaction", "exclusiveGateway", "parallelGateway", "inclusiveGateway",
            "eventBasedGateway", "complexGateway");
    /** The delegates whose work must not be repeated by a later failure: an async boundary before and after. */
    private static final Set<String> ONCE_ONLY_DELEGATES = Set.of("${notifyErpDelegate}", "${sendOutreachDelegate}",
            "${pushCreditLimitDelegate}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The models of one checkout: resource name (bpmn/x.bpmn) to content, and the element templates. */
    record Models(Map<String, byte[]> resources, Map<String, JsonNode> templates) {

        static Models of(Path root) {
            Map<String, byte[]> resources = new TreeMap<>();
            for (String folder : List.of("bpmn", "dmn", "forms")) {
                read(root.resolve(folder)).forEach((name, content) -> resources.put(folder + "/" + name, content));
            }
            Map<String, JsonNode> templates = new TreeMap<>();
            read(root.resolve("element-templates")).forEach((name, content) -> templates.put("element-templates/" + name, json(content)));
            return new Models(resources, templates);
        }

        Map<String, byte[]> ofKind(String suffix) {
            Map<String, byte[]> kind = new TreeMap<>();
            resources.forEach((name, content) -> {
                if (name.endsWith(suffix)) {
                    kind.put(name, content);
                }
            });
            return kind;
        }

        /** The same models with one resource replaced, for showing a rule catch a deliberate break. */
        Models with(String name, String content) {
            Map<String, byte[]> changed = new TreeMap<>(resources);
            changed.put(name, content.getBytes(StandardCharsets.UTF_8));
            return new Models(changed, templates);
        }

        String text(String name) {
            return new String(resources.get(name), StandardCharsets.UTF_8);
        }

        private static Map<String, byte[]> read(Path folder) {
            Map<String, byte[]> files = new TreeMap<>();
            try (Stream<Path> paths = Files.list(folder)) {
                for (Path path : paths.filter(Files::isRegularFile).toList()) {
                    files.put(path.getFileName().toString(), Files.readAllBytes(path));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return files;
        }
    }

    private ModelRules() {
    }

    /** BPMN and DMN definitions and forms say they are for Camunda Platform of the engine's version, so Modeler lints them as such. */
    static List<String> executionPlatform(Models models, String engineVersion) {
        List<String> violations = new ArrayList<>();
        models.resources().forEach((name, content) -> {
            String platform;
            String version;
            if (name.endsWith(".form")) {
                JsonNode form = json(content);
                platform = form.path("executionPlatform").asText(null);
                version = form.path("executionPlatformVersion").asText(null);
            } else {
                Element definitions = xml(content).getDocumentElement();
                platform = definitions.hasAttributeNS(MODELER, "executionPlatform") ? definitions.getAttributeNS(MODELER, "executionPlatform") : null;
                version = definitions.hasAttributeNS(MODELER, "executionPlatformVersion")
                        ? definitions.getAttributeNS(MODELER, "executionPlatformVersion") : null;
            }
            if (!PLATFORM.equals(platform) || !engineVersion.equals(version)) {
                violations.add(name + ": declares the execution platform " + platform + " " + version + ", not " + PLATFORM + " " + engineVersion);
            }
        });
        return violations;
    }

    /**
     * Every flow node has a shape of the standard size (events 36×36, gateways 50×50, tasks 100×80; expanded
     * sub-processes any size) and every sequence flow an edge that starts on its source and ends on its target;
     * every named flow, event and gateway has label bounds.
     */
    static List<String> diagram(Models models) {
        List<String> violations = new ArrayList<>();
        models.ofKind(".bpmn").forEach((name, content) -> {
            Document model = xml(content);
            Map<String, Element> shapes = byBpmnElement(model, "BPMNShape");
            Map<String, Element> edges = byBpmnElement(model, "BPMNEdge");
            Map<String, Element> elements = new HashMap<>();
            for (Element element : all(model, BPMN, "*")) {
                if (element.hasAttribute("id")) {
                    elements.put(element.getAttribute("id"), element);
                }
            }
            for (Element node : all(model, BPMN, "*")) {
                if (FLOW_NODES.contains(node.getLocalName())) {
                    shapeViolation(node, shapes.get(node.getAttribute("id"))).ifPresent(problem -> violations.add(name + ": " + problem));
                }
            }
            for (Element flow : all(model, BPMN, "sequenceFlow")) {
                String id = flow.getAttribute("id");
                Element edge = edges.get(id);
                if (edge == null) {
                    violations.add(name + ": sequence flow '" + id + "' has no BPMNEdge");
                    continue;
                }
                List<Element> waypoints = children(edge, DI, "waypoint");
                if (waypoints.size() < 2) {
                    violations.add(name + ": sequence flow '" + id + "' has fewer than two waypoints");
                    continue;
                }
                endViolation(id, "starts", waypoints.get(0), flow.getAttribute("sourceRef"), shapes).ifPresent(p -> violations.add(name + ": " + p));
                endViolation(id, "ends", waypoints.get(waypoints.size() - 1), flow.getAttribute("targetRef"), shapes)
                        .ifPresent(p -> violations.add(name + ": " + p));
                if (!flow.getAttribute("name").isBlank() && labelBounds(edge) == null) {
                    violations.add(name + ": sequence flow '" + id + "' (\"" + flow.getAttribute("name") + "\") has no label bounds");
                }
            }
            for (Element diagramElement : all(model, BPMNDI, "*")) {
                String ref = diagramElement.getAttribute("bpmnElement");
                if (!ref.isEmpty() && !elements.containsKey(ref)) {
                    violations.add(name + ": " + diagramElement.getLocalName() + " '" + diagramElement.getAttribute("id")
                            + "' draws '" + ref + "', which the process does not have");
                }
            }
        });
        return violations;
    }

    /** Every BPMN and DMN model is valid against the schemas the engine parses with (element order included). */
    static List<String> schema(Models models) {
        List<String> violations = new ArrayList<>();
        models.resources().forEach((name, content) -> {
            try {
                if (name.endsWith(".bpmn")) {
                    org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(new ByteArrayInputStream(content));
                } else if (name.endsWith(".dmn")) {
                    org.camunda.bpm.model.dmn.Dmn.readModelFromStream(new ByteArrayInputStream(content));
                }
            } catch (RuntimeException invalid) {
                Throwable cause = invalid;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                violations.add(name + ": is not valid " + name.substring(name.lastIndexOf('.') + 1).toUpperCase() + " (" + cause.getMessage() + ")");
            }
        });
        return violations;
    }

    /** Every user task's form (camunda:formRef or a camunda-forms:deployment: key) is a form of the deployment. */
    static List<String> formReferences(Models models) {
        Set<String> formIds = new HashSet<>();
        models.ofKind(".form").values().forEach(form -> formIds.add(json(form).path("id").asText()));
        List<String> violations = new ArrayList<>();
        models.ofKind(".bpmn").forEach((name, content) -> {
            for (Element task : all(xml(content), BPMN, "*")) {
                String id = task.getAttribute("id");
                String formRef = task.getAttributeNS(CAMUNDA, "formRef");
                String formKey = task.getAttributeNS(CAMUNDA, "formKey");
                if (!formRef.isEmpty() && !formIds.contains(formRef)) {
                    violations.add(name + ": '" + id + "' has camunda:formRef '" + formRef + "', but no form of the deployment has that id " + formIds);
                }
                if (!formRef.isEmpty() && !"deployment".equals(task.getAttributeNS(CAMUNDA, "formRefBinding"))) {
                    violations.add(name + ": '" + id + "' binds its form '" + formRef + "' other than by deployment");
                }
                String resource = formKey.replaceFirst("^camunda-forms:deployment:", "");
                if (!formKey.isEmpty() && !models.resources().containsKey(resource)) {
                    violations.add(name + ": '" + id + "' has the form key '" + formKey + "', but the deployment has no " + resource);
                }
            }
        });
        return violations;
    }

    /**
     * Every model passes the deploy-time guard (expressions in the JUEL subset, delegates of this service, DMN
     * outputs within their column's allowed values, plain forms), and every segment the segment table can give
     * is one the strategy table knows.
     */
    static List<String> guard(Models models, ExpressionNames names) {
        Set<String> ownProcesses = new HashSet<>();
        models.ofKind(".bpmn").values().forEach(content -> ownProcesses.addAll(BpmnCheck.processKeys(content)));
        ModelGuard guard = new ModelGuard(new SizeCaps(Long.MAX_VALUE, Long.MAX_VALUE), () -> names, () -> ownProcesses);
        List<String> violations = new ArrayList<>();
        models.resources().forEach((name, content) -> guard.refusal(name, content)
                .ifPresent(refusal -> violations.add(name + ": " + refusal.problem() + " — " + refusal.hint())));
        return violations;
    }

    /** What the segment decision can output is what the strategy decision's segment column allows. */
    static List<String> segmentsAgree(Models models) {
        List<String> segments = allowedValues(models, "dmn/ticket-segment.dmn", "output", "segment");
        List<String> known = allowedValues(models, "dmn/collection-strategy.dmn", "input", "Segment");
        if (segments.isEmpty() || !segments.stream().sorted().toList().equals(known.stream().sorted().toList())) {
            return List.of("dmn/ticket-segment.dmn gives the segments " + segments + ", but dmn/collection-strategy.dmn's Segment column allows " + known);
        }
        return List.of();
    }

    /**
     * Every element template binds a delegate of this service, and every task that names a template
     * (camunda:modelerTemplate) names one that exists in that version and has the template's fixed values.
     */
    static List<String> elementTemplates(Models models, Set<String> delegateBeans) {
        List<String> violations = new ArrayList<>();
        Map<String, JsonNode> templates = new HashMap<>();
        models.templates().forEach((file, content) -> {
            for (JsonNode template : content.isArray() ? content : JSON.createArrayNode().add(content)) {
                String id = template.path("id").asText();
                templates.put(id + "@" + template.path("version").asInt(), template);
                for (JsonNode property : template.path("properties")) {
                    if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
                        for (String value : values(property)) {
                            String bean = value.replaceAll("^\\$\\{(.*)}$", "$1");
                            if (!delegateBeans.contains(bean)) {
                                violations.add(file + ": template '" + id + "' binds the delegate '" + value + "', which is not a delegate bean of the service");
                            }
                        }
                    }
                }
            }
        });
        models.ofKind(".bpmn").forEach((name, content) -> {
            for (Element element : all(xml(content), BPMN, "*")) {
                String templateId = element.getAttributeNS(CAMUNDA, "modelerTemplate");
                if (templateId.isEmpty()) {
                    continue;
                }
                String key = templateId + "@" + element.getAttributeNS(CAMUNDA, "modelerTemplateVersion");
                JsonNode template = templates.get(key);
                if (template == null) {
                    violations.add(name + ": '" + element.getAttribute("id") + "' uses the element template " + key + ", which element-templates/ does not have");
                    continue;
                }
                for (JsonNode property : template.path("properties")) {
                    templateValueViolation(element, property).ifPresent(problem -> violations.add(name + ": '" + element.getAttribute("id")
                            + "' (template " + templateId + ") " + problem));
                }
            }
        });
        return violations;
    }

    /** Every "Tell ERP" and "Send" commits before and after its call, and retries on a configured cycle. */
    static List<String> onceOnlySteps(Models models) {
        List<String> violations = new ArrayList<>();
        models.ofKind(".bpmn").forEach((name, content) -> {
            for (Element task : all(xml(content), BPMN, "serviceTask")) {
                if (!ONCE_ONLY_DELEGATES.contains(task.getAttributeNS(CAMUNDA, "delegateExpression"))) {
                    continue;
                }
                boolean before = "true".equals(task.getAttributeNS(CAMUNDA, "asyncBefore"));
                boolean after = "true".equals(task.getAttributeNS(CAMUNDA, "asyncAfter"));
                boolean retries = !all(task, CAMUNDA, "failedJobRetryTimeCycle").isEmpty();
                if (!before || !after || !retries) {
                    violations.add(name + ": '" + task.getAttribute("id") + "' calls " + task.getAttributeNS(CAMUNDA, "delegateExpression")
                            + " without camunda:asyncBefore, camunda:asyncAfter and a retry cycle (before " + before + ", after " + after
                            + ", retry cycle " + retries + ")");
                }
            }
        });
        return violations;
    }

    /** This service's JavaDelegate, ExecutionListener and TaskListener beans, as ModelGuardPlugin reads them from the context. */
    static Set<String> delegateBeans() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        scanner.resetFilters(true);
        Set<String> names = new HashSet<>();
        for (Class<?> type : List.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class)) {
            scanner.addIncludeFilter(new AssignableTypeFilter(type));
        }
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        for (BeanDefinition candidate : scanner.findCandidateComponents("com.collectiondesk")) {
            if (isDelegate(candidate.getBeanClassName())) {
                names.add(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, registry));
            }
        }
        return names;
    }

    /** Every @Component of the service, by bean name: expressions may not read those as variables. */
    static Set<String> componentBeans() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        Set<String> names = new HashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("com.collectiondesk")) {
            names.add(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, registry));
        }
        return names;
    }

    private static boolean isDelegate(String className) {
        try {
            Class<?> type = Class.forName(className, false, ModelRules.class.getClassLoader());
            return !type.isInterface() && (JavaDelegate.class.isAssignableFrom(type) || ExecutionListener.class.isAssignableFrom(type)
                    || TaskListener.class.isAssignableFrom(type)) && type.isAnnotationPresent(org.springframework.stereotype.Component.class);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static java.util.Optional<String> shapeViolation(Element node, Element shape) {
        String id = node.getAttribute("id");
        String kind = node.getLocalName();
        if (shape == null) {
            return java.util.Optional.of(kind + " '" + id + "' has no BPMNShape");
        }
        Element bounds = child(shape, DC, "Bounds");
        int width = (int) Double.parseDouble(bounds.getAttribute("width"));
        int height = (int) Double.parseDouble(bounds.getAttribute("height"));
        boolean expanded = "true".equals(shape.getAttribute("isExpanded"));
        String expected = kind.endsWith("Event") ? "36x36" : kind.endsWith("Gateway") ? "50x50"
                : (kind.equals("subProcess") || kind.equals("transaction")) && expanded ? null : "100x80";
        if (expected != null && !expected.equals(width + "x" + height)) {
            return java.util.Optional.of(kind + " '" + id + "' is drawn " + width + "x" + height + ", not the standard " + expected);
        }
        boolean external = kind.endsWith("Event") || kind.endsWith("Gateway");
        if (external && !node.getAttribute("name").isBlank() && labelBounds(shape) == null) {
            return java.util.Optional.of(kind + " '" + id + "' (\"" + node.getAttribute("name") + "\") has no label bounds");
        }
        return java.util.Optional.empty();
    }

    /** A flow's first (last) waypoint lies on the bounds of its source (target), within a few pixels. */
    private static java.util.Optional<String> endViolation(String flow, String verb, Element waypoint, String nodeId, Map<String, Element> shapes) {
        Element shape = shapes.get(nodeId);
        if (shape == null) {
            return java.util.Optional.empty(); // reported as a missing shape
        }
        Element bounds = child(shape, DC, "Bounds");
        double x = Double.parseDouble(waypoint.getAttribute("x"));
        double y = Double.parseDouble(waypoint.getAttribute("y"));
        double left = Double.parseDouble(bounds.getAttribute("x"));
        double top = Double.parseDouble(bounds.getAttribute("y"));
        double right = left + Double.parseDouble(bounds.getAttribute("width"));
        double bottom = top + Double.parseDouble(bounds.getAttribute("height"));
        double dx = Math.max(Math.max(left - x, 0), x - right);
        double dy = Math.max(Math.max(top - y, 0), y - bottom);
        double distance = Math.hypot(dx, dy);
        if (distance > 3) {
            return java.util.Optional.of("sequence flow '" + flow + "' " + verb + " at (" + (int) x + "," + (int) y + "), "
                    + Math.round(distance) + " px away from '" + nodeId + "'");
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<String> templateValueViolation(Element element, JsonNode property) {
        JsonNode binding = property.path("binding");
        String bindingName = binding.path("name").asText();
        String actual = switch (binding.path("type").asText()) {
            case "property" -> bindingName.startsWith("camunda:")
                    ? element.getAttributeNS(CAMUNDA, bindingName.substring("camunda:".length())) : element.getAttribute(bindingName);
            case "camunda:inputParameter" -> all(element, CAMUNDA, "inputParameter").stream()
                    .filter(parameter -> parameter.getAttribute("name").equals(bindingName))
                    .map(parameter -> parameter.getTextContent().strip()).findFirst().orElse("");
            default -> null;
        };
        if (actual == null) {
            return java.util.Optional.empty();
        }
        boolean fixed = "Hidden".equals(property.path("type").asText()) || !property.path("editable").asBoolean(true);
        List<String> allowed = fixed ? List.of(property.path("value").asText()) : values(property);
        if (!allowed.isEmpty() && !allowed.contains(actual)) {
            return java.util.Optional.of("has " + bindingName + " '" + actual + "', the template allows " + allowed);
        }
        return java.util.Optional.empty();
    }

    /** The values a template property can set: its Dropdown choices, or its value when it has no choices. */
    private static List<String> values(JsonNode property) {
        List<String> values = new ArrayList<>();
        property.path("choices").forEach(choice -> values.add(choice.path("value").asText()));
        if (values.isEmpty() && property.has("value") && "Dropdown".equals(property.path("type").asText())) {
            values.add(property.path("value").asText());
        }
        if (values.isEmpty() && !"Dropdown".equals(property.path("type").asText()) && property.has("value")) {
            values.add(property.path("value").asText());
        }
        return values;
    }

    private static List<String> allowedValues(Models models, String resource, String column, String label) {
        byte[] content = models.resources().get(resource);
        if (content == null) {
            return List.of();
        }
        for (Element element : all(xml(content), "*", column)) {
            if (label.equals(element.getAttribute("name")) || label.equals(element.getAttribute("label"))) {
                for (Element values : all(element, "*", column + "Values")) {
                    return DmnCheck.literals(values.getTextContent().strip());
                }
            }
        }
        return List.of();
    }

    private static Element labelBounds(Element diagramElement) {
        Element label = child(diagramElement, BPMNDI, "BPMNLabel");
        return label == null ? null : child(label, DC, "Bounds");
    }

    private static Map<String, Element> byBpmnElement(Document model, String localName) {
        Map<String, Element> byElement = new HashMap<>();
        for (Element element : all(model, BPMNDI, localName)) {
            byElement.put(element.getAttribute("bpmnElement"), element);
        }
        return byElement;
    }

    private static List<Element> all(Node root, String namespace, String localName) {
        NodeList nodes = root instanceof Document document ? document.getElementsByTagNameNS(namespace, localName)
                : ((Element) root).getElementsByTagNameNS(namespace, localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> elements = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName())) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static Element child(Element parent, String namespace, String localName) {
        List<Element> elements = children(parent, namespace, localName);
        return elements.isEmpty() ? null : elements.get(0);
    }

    static Document xml(byte[] content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a readable model: " + e.getMessage(), e);
        }
    }

    static JsonNode json(byte[] content) {
        try {
            return JSON.readTree(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
