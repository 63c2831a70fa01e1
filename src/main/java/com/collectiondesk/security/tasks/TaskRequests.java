package com.collectiondesk.security.tasks;

import static com.collectiondesk.security.tasks.CommandFields.read;

import com.collectiondesk.security.tasks.TaskRequest.Action;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Which of Camunda's commands act on a task, and what they ask. Every TaskService and FormService method that
 * completes, claims, assigns, delegates, resolves, edits or writes variables of a task runs one of these
 * commands, whichever overload or REST endpoint called it; other commands are not task actions.
 */
final class TaskRequests {

    private TaskRequests() {
    }

    static List<TaskRequest> of(Command<?> command) {
        // complete, resolve (a subclass), submit-form, bpmnError and escalation all finish the task
        if (command instanceof CompleteTaskCmd || command instanceof HandleTaskBpmnErrorCmd
                || command instanceof HandleTaskEscalationCmd) {
            return List.of(TaskRequest.writing(taskId(command), Action.COMPLETE, values(read(command, "variables")), null));
        }
        if (command instanceof SubmitTaskFormCmd) {
            return List.of(TaskRequest.writing(taskId(command), Action.COMPLETE, values(read(command, "properties")), null));
        }
        if (command instanceof ClaimTaskCmd) {
            String user = (String) read(command, "userId");
            // claim(task, null) is Camunda's unclaim
            return List.of(TaskRequest.naming(taskId(command), user == null ? Action.ASSIGN : Action.CLAIM, user));
        }
        if (command instanceof DelegateTaskCmd) {
            return List.of(TaskRequest.naming(taskId(command), Action.ASSIGN, (String) read(command, "userId")));
        }
        if (command instanceof AbstractAddIdentityLinkCmd) {
            return List.of(byLinkType(taskId(command), (String) read(command, "type"), (String) read(command, "userId")));
        }
        if (command instanceof DeleteIdentityLinkCmd) {
            return List.of(byLinkType(taskId(command), (String) read(command, "type"), null));
        }
        if (command instanceof AbstractSetTaskPropertyCmd) {
            return List.of(TaskRequest.of(taskId(command), Action.EDIT));
        }
        if (command instanceof SaveTaskCmd) {
            return saved((TaskEntity) read(command, "task"));
        }
        if (command instanceof SetTaskVariablesCmd) {
            return List.of(TaskRequest.writing(entityId(command), Action.WRITE_VARIABLES, values(read(command, "variables")), null));
        }
        if (command instanceof RemoveTaskVariablesCmd) {
            return List.of(TaskRequest.writing(entityId(command), Action.WRITE_VARIABLES, null,
                    names(read(command, "variableNames"))));
        }
        if (command instanceof PatchTaskVariablesCmd) {
            return List.of(TaskRequest.writing(entityId(command), Action.WRITE_VARIABLES, values(read(command, "variables")),
                    names(read(command, "deletions"))));
        }
        return List.of();
    }

    /** PUT /task/{id} saves a whole task: an edit, and a reassignment or owner change if those differ. */
    private static List<TaskRequest> saved(TaskEntity task) {
        if (task == null || task.getId() == null) {
            return List.of();
        }
        return List.of(TaskRequest.of(task.getId(), Action.EDIT),
                TaskRequest.naming(task.getId(), Action.ASSIGN, task.getAssignee()),
                TaskRequest.naming(task.getId(), Action.SET_OWNER, task.getOwner()));
    }

    private static TaskRequest byLinkType(String taskId, String type, String user) {
        if (IdentityLinkType.ASSIGNEE.equals(type)) {
            return TaskRequest.naming(taskId, Action.ASSIGN, user);
        }
        if (IdentityLinkType.OWNER.equals(type)) {
            return TaskRequest.naming(taskId, Action.SET_OWNER, user);
        }
        return TaskRequest.of(taskId, Action.CHANGE_CANDIDATES);
    }

    private static String taskId(Command<?> command) {
        return (String) read(command, "taskId");
    }

    private static String entityId(Command<?> command) {
        return (String) read(command, "entityId");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> values(Object variables) {
        return (Map<String, ?>) variables;
    }

    private static Collection<String> names(Object names) {
        return names == null ? List.of() : ((Collection<?>) names).stream().map(String::valueOf).toList();
    }
}
