package com.collectiondesk.security.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.security.tasks.TaskRequest.Action;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads back what each of Camunda's task commands asks (Camunda keeps it in protected fields): a field renamed
 * by an upgrade fails here instead of letting the command through unchecked.
 */
class TaskRequestsTest {

    static Stream<Arguments> commands() {
        TaskEntity saved = new TaskEntity("t1");
        saved.setAssigneeWithoutCascade("bea");
        saved.setOwnerWithoutCascade("max");
        return Stream.of(
                Arguments.of(new CompleteTaskCmd("t1", Map.of("outcome", "REACHED")),
                        List.of(TaskRequest.writing("t1", Action.COMPLETE, Map.of("outcome", "REACHED"), null))),
                Arguments.of(new ResolveTaskCmd("t1", Map.of("note", "x")),
                        List.of(TaskRequest.writing("t1", Action.COMPLETE, Map.of("note", "x"), null))),
                Arguments.of(new SubmitTaskFormCmd("t1", Map.of("ticketId", 7L), false, false),
                        List.of(TaskRequest.writing("t1", Action.COMPLETE, Map.of("ticketId", 7L), null))),
                Arguments.of(new HandleTaskBpmnErrorCmd("t1", "E", "m", Map.of("stepIndex", 9)),
                        List.of(TaskRequest.writing("t1", Action.COMPLETE, Map.of("stepIndex", 9), null))),
                Arguments.of(new HandleTaskEscalationCmd("t1", "E", Map.of("segment", "SOFT")),
                        List.of(TaskRequest.writing("t1", Action.COMPLETE, Map.of("segment", "SOFT"), null))),
                Arguments.of(new ClaimTaskCmd("t1", "bea"), List.of(TaskRequest.naming("t1", Action.CLAIM, "bea"))),
                Arguments.of(new ClaimTaskCmd("t1", null), List.of(TaskRequest.naming("t1", Action.ASSIGN, null))),
                Arguments.of(new AssignTaskCmd("t1", "bea"), List.of(TaskRequest.naming("t1", Action.ASSIGN, "bea"))),
                Arguments.of(new DelegateTaskCmd("t1", "bea"), List.of(TaskRequest.naming("t1", Action.ASSIGN, "bea"))),
                Arguments.of(new SetTaskOwnerCmd("t1", "bea"), List.of(TaskRequest.naming("t1", Action.SET_OWNER, "bea"))),
                Arguments.of(new AddUserIdentityLinkCmd("t1", "bea", "assignee"), List.of(TaskRequest.naming("t1", Action.ASSIGN, "bea"))),
                Arguments.of(new AddUserIdentityLinkCmd("t1", "bea", "candidate"), List.of(TaskRequest.of("t1", Action.CHANGE_CANDIDATES))),
                Arguments.of(new AddGroupIdentityLinkCmd("t1", "analysts", "candidate"), List.of(TaskRequest.of("t1", Action.CHANGE_CANDIDATES))),
                Arguments.of(new DeleteUserIdentityLinkCmd("t1", "bea", "assignee"), List.of(TaskRequest.naming("t1", Action.ASSIGN, null))),
                Arguments.of(new DeleteGroupIdentityLinkCmd("t1", "collectors", "candidate"), List.of(TaskRequest.of("t1", Action.CHANGE_CANDIDATES))),
                Arguments.of(new SetTaskPriorityCmd("t1", 90), List.of(TaskRequest.of("t1", Action.EDIT))),
                Arguments.of(new SaveTaskCmd(saved), List.of(TaskRequest.of("t1", Action.EDIT),
                        TaskRequest.naming("t1", Action.ASSIGN, "bea"), TaskRequest.naming("t1", Action.SET_OWNER, "max"))),
                Arguments.of(new SetTaskVariablesCmd("t1", Map.of("ticketId", 7L), true),
                        List.of(TaskRequest.writing("t1", Action.WRITE_VARIABLES, Map.of("ticketId", 7L), null))),
                Arguments.of(new PatchTaskVariablesCmd("t1", Map.of("note", "x"), List.of("outcome"), false),
                        List.of(TaskRequest.writing("t1", Action.WRITE_VARIABLES, Map.of("note", "x"), List.of("outcome")))),
                Arguments.of(new RemoveTaskVariablesCmd("t1", List.of("stepIndex"), false),
                        List.of(TaskRequest.writing("t1", Action.WRITE_VARIABLES, null, List.of("stepIndex")))),
                Arguments.of(new GetTaskVariablesCmd("t1", null, false, true), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void eachTaskCommandIsReadBack(Command<?> command, List<TaskRequest> expected) {
        assertThat(TaskRequests.of(command)).isEqualTo(expected);
    }
}
