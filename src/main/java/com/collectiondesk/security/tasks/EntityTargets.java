package com.collectiondesk.security.tasks;

import com.collectiondesk.security.EntityScope;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.HistoricActivityInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * What one task or process instance a command reaches, and the refusal when it is another legal entity's. A task
 * command is any of the engine's commands naming a task id (whatever it does: read its variables, form or comments,
 * claim, complete; {@link TaskRequests} for those that keep it elsewhere); an instance query is one of the
 * per-instance history and variable queries, which a limited user must aim at their entities' instances.
 */
final class EntityTargets {

    /** The field each engine command keeps its task id in, by command class; empty: the command names no task. */
    private static final Map<Class<?>, Optional<Field>> TASK_ID_FIELDS = new ConcurrentHashMap<>();
    private static final String ENGINE_COMMANDS = "org.camunda.bpm.engine.impl.cmd.";

    private EntityTargets() {
    }

    static void check(Command<?> command, Set<String> entities, CommandContext context) {
        List<String> instances = instancesQueried(command);
        if (instances != null) {
            checkInstances(instances, entities, context);
            return;
        }
        for (String taskId : taskIds(command)) {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            // an unknown task passes on, so the command answers with its own "not found"
            if (task != null && !entities.contains(String.valueOf(entityOf(task, context)))) {
                throw new AuthorizationException("You may reach the tasks of legal entities " + String.join(", ", entities)
                        + " only: task " + taskId + " is of another entity's ticket.");
            }
        }
    }

    private static Object entityOf(TaskEntity task, CommandContext context) {
        if (task.getProcessInstanceId() == null) {
            return null;
        }
        var instance = context.getExecutionManager().findExecutionById(task.getProcessInstanceId());
        return instance == null ? null : instance.getVariable(EntityScope.PROCESS_VARIABLE);
    }

    private static List<String> taskIds(Command<?> command) {
        List<String> ids = new ArrayList<>();
        TaskRequests.of(command).forEach(request -> ids.add(request.taskId()));
        if (command instanceof GetTaskFormVariablesCmd) {
            ids.add((String) CommandFields.read(command, "resourceId"));
        }
        if (command.getClass().getName().startsWith(ENGINE_COMMANDS)) {
            TASK_ID_FIELDS.computeIfAbsent(command.getClass(), EntityTargets::taskIdField)
                    .ifPresent(field -> ids.add((String) CommandFields.read(command, field.getName())));
        }
        ids.removeIf(java.util.Objects::isNull);
        return ids;
    }

    private static Optional<Field> taskIdField(Class<?> type) {
        for (Class<?> at = type; at != null && at != Object.class; at = at.getSuperclass()) {
            try {
                Field field = at.getDeclaredField("taskId");
                return field.getType() == String.class ? Optional.of(field) : Optional.empty();
            } catch (NoSuchFieldException e) {
                // declared further up, or not at all
            }
        }
        return Optional.empty();
    }

    /** The instances a per-instance query names; null when the command is no such query, empty when it names none. */
    private static List<String> instancesQueried(Command<?> command) {
        if (command instanceof HistoricVariableInstanceQueryImpl q) {
            return ids(q.getProcessInstanceId(), q.getProcessInstanceIds());
        }
        if (command instanceof VariableInstanceQueryImpl q) {
            return ids(null, q.getProcessInstanceIds());
        }
        if (command instanceof HistoricActivityInstanceQueryImpl q) {
            return ids(q.getProcessInstanceId(), null);
        }
        if (command instanceof HistoricDetailQueryImpl q) {
            return ids(q.getProcessInstanceId(), q.getProcessInstanceIds());
        }
        return null;
    }

    private static List<String> ids(String one, String[] many) {
        List<String> ids = new ArrayList<>();
        if (one != null) {
            ids.add(one);
        }
        if (many != null) {
            ids.addAll(Arrays.asList(many));
        }
        return ids;
    }

    private static void checkInstances(List<String> instances, Set<String> entities, CommandContext context) {
        if (instances.isEmpty()) {
            throw new AuthorizationException("You may see the history of legal entities " + String.join(", ", entities)
                    + " only: name the process instances (processInstanceId or processInstanceIdIn) of their tickets.");
        }
        Map<String, Object> entityOf = new HashMap<>();
        HistoricVariableInstanceQueryImpl variables = new HistoricVariableInstanceQueryImpl();
        variables.processInstanceIdIn(instances.toArray(String[]::new)).variableName(EntityScope.PROCESS_VARIABLE);
        context.runWithoutAuthorization(() -> variables.executeList(context, null))
                .forEach((HistoricVariableInstance v) -> entityOf.put(v.getProcessInstanceId(), v.getValue()));
        for (String instance : instances) {
            if (!entities.contains(String.valueOf(entityOf.get(instance)))) {
                throw new AuthorizationException("You may see the history of legal entities " + String.join(", ", entities)
                        + " only: process instance " + instance + " is not one of their tickets.");
            }
        }
    }
}
