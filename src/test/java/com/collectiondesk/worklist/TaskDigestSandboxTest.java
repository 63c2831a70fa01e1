package com.collectiondesk.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.IntegrationTest;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default has no mail server: the digest stays in the sandbox (logged, counted once a day) instead of
 * failing its job into an incident every morning. Were it to try SMTP here, the send would throw.
 */
@IntegrationTest
class TaskDigestSandboxTest {

    @Autowired TaskDigest digest;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theDefaultRunMailsNobody() {
        String userId = "sandbox-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(userId);
        user.setEmail(userId + "@desk.example");
        identity.saveUser(user);
        Task task = tasks.newTask();
        task.setName("Call debtor");
        task.setAssignee(userId);
        tasks.saveTask(task);
        try {
            TaskDigest.Outcome first = digest.send();
            TaskDigest.Outcome again = digest.send();

            assertThat(first.collectorsMailed()).isPositive();
            assertThat(again.collectorsMailed()).as("once a day, also in the sandbox").isZero();
            assertThat(jdbc.queryForObject("select count(*) from task_digest_sent where recipient = ?", Integer.class, userId))
                    .isEqualTo(1);
        } finally {
            tasks.deleteTask(task.getId(), true);
            identity.deleteUser(userId);
        }
    }
}
