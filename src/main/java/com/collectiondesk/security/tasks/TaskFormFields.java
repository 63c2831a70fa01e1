package com.collectiondesk.security.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * The variables a task's users may write: the keys of the fields of the Camunda Form the task shows, read from
 * the deployed form itself (so a form deployed by an analyst brings its own fields). Read-only fields are sent
 * back by the form with what it showed, so they may only come back unchanged; disabled fields are not sent.
 */
final class TaskFormFields {

    /** A task's form: its id (for messages), its editable and its read-only field keys. */
    record Form(String id, Set<String> editable, Set<String> readOnly) {

        static final Form NONE = new Form(null, Set.of(), Set.of());
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Deployed forms never change, so their fields are cached by form definition id. */
    private final Map<String, Form> byDefinition = new ConcurrentHashMap<>();

    Form of(TaskEntity task, CommandContext context) {
        task.initializeFormKey();
        CamundaFormRef ref = task.getCamundaFormRef();
        if (ref == null || task.getProcessDefinition() == null) {
            return Form.NONE;
        }
        String deploymentId = task.getProcessDefinition().getDeploymentId();
        CamundaFormDefinition definition = context.runWithoutAuthorization(
                () -> new GetCamundaFormDefinitionCmd(ref, deploymentId).execute(context));
        if (definition == null) {
            return Form.NONE;
        }
        return byDefinition.computeIfAbsent(definition.getId(), id -> read(definition, context));
    }

    private static Form read(CamundaFormDefinition definition, CommandContext context) {
        ResourceEntity resource = context.getResourceManager()
                .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
        try {
            Set<String> editable = new TreeSet<>();
            Set<String> readOnly = new TreeSet<>();
            collect(JSON.readTree(resource.getBytes()), editable, readOnly);
            return new Form(definition.getKey(), Collections.unmodifiableSet(editable), Collections.unmodifiableSet(readOnly));
        } catch (IOException e) {
            throw new UncheckedIOException("Form " + definition.getResourceName() + " is not JSON", e);
        }
    }

    /** form-js nests fields in components; a group with a path submits its fields as one object under the path. */
    private static void collect(JsonNode container, Set<String> editable, Set<String> readOnly) {
        for (JsonNode component : container.path("components")) {
            if (component.path("disabled").asBoolean(false)) {
                continue;
            }
            // "readonly" may also be an expression; such a field is editable at times, so it counts as editable
            Set<String> into = component.path("readonly").isBoolean() && component.path("readonly").asBoolean() ? readOnly : editable;
            String path = component.path("path").asText("");
            String key = component.path("key").asText("");
            if (!path.isBlank()) {
                into.add(topLevel(path));
            } else {
                if (!key.isBlank()) {
                    into.add(topLevel(key));
                }
                collect(component, editable, readOnly);
            }
        }
    }

    /** A key "a.b" is written as variable "a" holding {"b": …}. */
    private static String topLevel(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }
}
