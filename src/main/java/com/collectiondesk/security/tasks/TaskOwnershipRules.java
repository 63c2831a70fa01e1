package com.collectiondesk.security.tasks;

import com.collectiondesk.security.Groups;
import com.collectiondesk.security.tasks.TaskRequest.Action;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A task belongs to its assignee. For a user acting through the engine (Tasklist, the engine REST API):
 * <ul>
 *   <li>only the assignee, or a manager or Camunda administrator, completes, edits or writes variables of an
 *       assigned task; an unassigned task is open to its candidates (candidate user or candidate group);</li>
 *   <li>a candidate claims an unassigned task for themselves; the assignee may hand it back (unclaim) or on to
 *       another candidate; managers reassign freely; only managers change owners and candidates;</li>
 *   <li>whoever acts writes only the fields of the task's form, read-only ones unchanged: a process variable
 *       such as the strategy's step index is not a form field, and stays out of reach (managers included).</li>
 * </ul>
 * Every refusal is an {@link AuthorizationException} (the engine REST API answers 403) naming the rule.
 */
final class TaskOwnershipRules {

    private final TaskFormFields forms;

    TaskOwnershipRules(TaskFormFields forms) {
        this.forms = forms;
    }

    void check(TaskRequest request, TaskEntity task, Authentication actor, CommandContext context) {
        Actor who = Actor.of(actor, context);
        switch (request.action()) {
            case COMPLETE, EDIT, WRITE_VARIABLES -> requireWorker(request.action(), task, who);
            case CLAIM -> requireClaimant(request.user(), task, who);
            case ASSIGN -> requireAssigner(request.user(), task, who, context);
            case SET_OWNER -> {
                if (!Objects.equals(task.getOwner(), request.user())) {
                    requireManager(request.action(), task, who);
                }
            }
            case CHANGE_CANDIDATES -> requireManager(request.action(), task, who);
            default -> throw new IllegalStateException("No rule for " + request.action());
        }
        requireFormFields(request, task, context);
    }

    private static void requireWorker(Action action, TaskEntity task, Actor who) {
        if (who.manager() || who.userId().equals(task.getAssignee())) {
            return;
        }
        if (task.getAssignee() != null) {
            throw refused(who, task, "is assigned to " + task.getAssignee() + ": only its assignee or a manager may "
                    + action.verb + " it");
        }
        if (!isCandidate(task, who.userId(), who.groups())) {
            throw refused(who, task, "is not offered to you: only its candidates or a manager may " + action.verb + " it");
        }
    }

    private static void requireClaimant(String claimant, TaskEntity task, Actor who) {
        if (who.manager()) {
            return;
        }
        if (!who.userId().equals(claimant)) {
            throw refused(who, task, "can be claimed only by you for yourself; a manager assigns it to others");
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(who.userId())) {
            throw refused(who, task, "is assigned to " + task.getAssignee() + ": only an unassigned task can be claimed");
        }
        if (!isCandidate(task, who.userId(), who.groups())) {
            throw refused(who, task, "is not offered to you: only its candidates may claim it");
        }
    }

    private static void requireAssigner(String assignee, TaskEntity task, Actor who, CommandContext context) {
        if (who.manager() || Objects.equals(task.getAssignee(), assignee)) {
            return;
        }
        if (task.getAssignee() == null) {
            if (who.userId().equals(assignee) && isCandidate(task, who.userId(), who.groups())) {
                return;
            }
            throw refused(who, task, "is unassigned: a candidate claims it for themselves, only a manager assigns it to others");
        }
        if (!task.getAssignee().equals(who.userId())) {
            throw refused(who, task, "is assigned to " + task.getAssignee() + ": only its assignee or a manager may reassign it");
        }
        if (assignee != null && !isCandidate(task, assignee, groupsOf(assignee, context))) {
            throw refused(who, task, "can be handed only to one of its candidates; " + assignee + " is not one");
        }
    }

    private static void requireManager(Action action, TaskEntity task, Actor who) {
        if (!who.manager()) {
            throw refused(who, task, "belongs to its assignee and candidates: only a manager may " + action.verb + " it");
        }
    }

    private void requireFormFields(TaskRequest request, TaskEntity task, CommandContext context) {
        if (!request.touchesVariables()) {
            return;
        }
        TaskFormFields.Form form = forms.of(task, context);
        Set<String> outside = new TreeSet<>();
        Set<String> changedReadOnly = new TreeSet<>();
        request.written().forEach((name, value) -> {
            if (form.readOnly().contains(name) && !sameValue(value, task.getVariable(name))) {
                changedReadOnly.add(name);
            } else if (!form.editable().contains(name) && !form.readOnly().contains(name)) {
                outside.add(name);
            }
        });
        for (String name : request.removed()) {
            if (form.readOnly().contains(name)) {
                changedReadOnly.add(name);
            } else if (!form.editable().contains(name)) {
                outside.add(name);
            }
        }
        String taskName = "task '" + task.getName() + "' (" + task.getId() + ")";
        if (!outside.isEmpty()) {
            throw new AuthorizationException("Task ownership: " + names(outside) + (outside.size() == 1 ? " is not a field" : " are not fields")
                    + " of the form of " + taskName + "; a task's users write only its form's fields"
                    + (form.editable().isEmpty() ? ", and this task has none" : " (" + names(form.editable()) + ")") + ".");
        }
        if (!changedReadOnly.isEmpty()) {
            throw new AuthorizationException("Task ownership: " + names(changedReadOnly) + (changedReadOnly.size() == 1 ? " is" : " are")
                    + " read-only in the form of " + taskName + " and may only be sent back unchanged.");
        }
    }

    /** What a read-only field sends back: the value it showed, perhaps as another number type, or "" for nothing. */
    private static boolean sameValue(Object sent, Object current) {
        Object value = sent instanceof TypedValue typed ? typed.getValue() : sent;
        if (value instanceof Number number && current instanceof Number shown) {
            return new BigDecimal(number.toString()).compareTo(new BigDecimal(shown.toString())) == 0;
        }
        return Objects.equals(blankAsNull(value), blankAsNull(current));
    }

    private static Object blankAsNull(Object value) {
        return value instanceof String text && text.isEmpty() ? null : value;
    }

    private static String names(Set<String> names) {
        return String.join(", ", names);
    }

    private static boolean isCandidate(TaskEntity task, String userId, List<String> groups) {
        for (IdentityLinkEntity link : task.getIdentityLinks()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (userId.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId())))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> groupsOf(String userId, CommandContext context) {
        return context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().createGroupQuery(context)
                .groupMember(userId).list().stream().map(Group::getId).toList());
    }

    private static AuthorizationException refused(Actor who, TaskEntity task, String rule) {
        return new AuthorizationException("Task ownership: " + who.userId() + " may not do this. Task '" + task.getName()
                + "' (" + task.getId() + ") " + rule + ".");
    }

    /** The acting user, their groups, and whether they are a manager or Camunda administrator. */
    private record Actor(String userId, List<String> groups, boolean manager) {

        static Actor of(Authentication authentication, CommandContext context) {
            List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
            return new Actor(authentication.getUserId(), groups,
                    groups.contains(Groups.MANAGERS) || context.getAuthorizationManager().isCamundaAdmin(authentication));
        }
    }
}
